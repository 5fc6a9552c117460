package dev.spinnet.llg.micromag;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

import dev.spinnet.llg.cc.CollectiveCoordinateModel;
import dev.spinnet.llg.cc.CurrentWaveform;
import dev.spinnet.llg.cc.WallDynamicsSimulator;
import dev.spinnet.llg.material.Presets;
import dev.spinnet.llg.ode.DormandPrince45;
import dev.spinnet.llg.ode.SolverException;
import dev.spinnet.llg.ode.StepObserver;
import dev.spinnet.llg.ode.StochasticHeun;

/**
 * Deliberately bad setups: each must stop with a {@link SolverException} naming the time and the cell, never
 * continue (renormalising a blown-up m would otherwise look like a valid state) and never hang.
 */
class SolverSafetyTest {
    private static final Mesh1D MESH = new Mesh1D(32, 1e-9, 1e-16);
    private static final Medium MEDIUM = Medium.of(Presets.gdCo().at(300), MESH);

    /** A field along x on one TM cell, switched on at t_on with a value b(t) (T). */
    private static FieldTerm kick(int cell, double tOn, DoubleUnaryOperator b) {
        return new FieldTerm() {
            @Override
            public void addField(double t, double[] m, double[] field, int from, int to) {
                if (t >= tOn && cell >= from && cell < to) {
                    field[MESH.offset(0, 0) + cell] += b.applyAsDouble(t);
                }
            }

            @Override
            public double energy(double[] m) {
                return 0;
            }

            @Override
            public String name() {
                return "test kick";
            }
        };
    }

    private static double[] uniformUp() {
        double[] m = new double[MESH.stateLength()];
        for (int i = 0; i < MESH.cells(); i++) {
            m[MESH.offset(0, 2) + i] = 1;
            m[MESH.offset(1, 2) + i] = -1;
        }
        return m;
    }

    private static SolverException dp45(FieldTerm term, DormandPrince45 dp) {
        LlgEquation eq = new LlgEquation(MEDIUM, List.of(term));
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(SolverException.class,
                () -> dp.integrate(eq, 0, uniformUp(), 1e-10, StepObserver.NONE)));
    }

    private static SolverException heun(FieldTerm term, double dt) {
        LlgEquation eq = new LlgEquation(MEDIUM, List.of(term));
        return assertThrows(SolverException.class,
                () -> new StochasticHeun(dt).integrate(eq, 0, uniformUp(), 1000, StepObserver.NONE));
    }

    private static void assertNames(SolverException e, String... fragments) {
        String m = e.getMessage();
        assertTrue(!m.contains("\n") && m.contains("t = "), m);
        for (String f : fragments) {
            assertTrue(m.contains(f), "'" + f + "' missing from: " + m);
        }
    }

    @Test
    void nanFieldStopsTheAdaptiveSolverInsteadOfLoopingForever() {
        // Before the check, a NaN error estimate made the step size NaN and DP45 never returned.
        SolverException e = dp45(kick(17, 2e-11, t -> Double.NaN), new DormandPrince45(1e-6, 1e-6, 1e-20, 1e-12,
                1e-15));
        assertNames(e, "NaN", "cell 17 (TM sublattice");
        assertTrue(e.time() >= 2e-11 && e.time() < 2.1e-11, "time " + e.time());
    }

    @Test
    void nanFieldStopsTheStochasticSolver() {
        SolverException e = heun(kick(4, 1e-13, t -> Double.NaN), 1e-14);
        assertNames(e, "NaN", "cell 4 (TM sublattice");
    }

    @Test
    void blowUpIsReportedAsDivergence() {
        // gamma B dt = 1.76e11 * 1e3 T * 1e-12 s = 176 rad per step: |m| explodes in one Heun step.
        SolverException e = heun(kick(5, 0, t -> 1e3), 1e-12);
        assertNames(e, "diverged", "cell 5 (TM sublattice");
    }

    @Test
    void infiniteFieldIsReportedByTheAdaptiveSolver() {
        SolverException e = dp45(kick(6, 0, t -> Double.POSITIVE_INFINITY), new DormandPrince45(1e-6, 1e-6, 1e-20,
                1e-12, 1e-15));
        assertNames(e, "cell 6 (TM sublattice");
    }

    @Test
    void normDriftOfACoarseStepIsReported() {
        // Heun on a pure precession by theta per step changes |m| by ~theta^4/8: theta = 0.8 gives ~5 %,
        // far above the 1 % limit but below the divergence threshold.
        double theta = 0.8;
        double dt = 1e-13;
        double b = theta * (1 + MEDIUM.alpha(0) * MEDIUM.alpha(0)) / (MEDIUM.gamma(0) * dt);
        SolverException e = heun(kick(9, 0, t -> b), dt);
        assertNames(e, "drifted from 1", "cell 9 (TM sublattice");
    }

    @Test
    void stepSizeUnderflowIsReported() {
        // The smallest allowed step (1 ps) is far too coarse for a 10 T field at this tolerance.
        SolverException e = dp45(kick(3, 0, t -> 10), new DormandPrince45(1e-12, 1e-12, 1e-12, 1e-12, 1e-12));
        assertNames(e, "step size underflow", "cell 3 (TM sublattice");
    }

    @Test
    void collectiveModelStopsAtANonFiniteState() {
        CurrentWaveform j = new CurrentWaveform() {
            @Override
            public double currentDensity(double t) {
                return t < 1e-10 ? 5e11 : Double.NaN;
            }

            @Override
            public double[] breakpoints() {
                return new double[0];
            }
        };
        CollectiveCoordinateModel model = new CollectiveCoordinateModel(Presets.gdCo().at(300), 0, j,
                dev.spinnet.llg.cc.WallPotential.NONE);
        SolverException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
                SolverException.class, () -> WallDynamicsSimulator.defaults().run(model, 0, 0, 0, 1e-9, 1e-11)));
        // Hipparchus notices the NaN inside a step (before any handler sees it): the time is the last accepted
        // one, the variables are the model's.
        assertNames(e, "collective-coordinate", "NaN", "state (q, phi)");
        assertTrue(e.time() <= 1e-10, "time " + e.time());
    }
}
