package dev.spinnet.llg.micromag;

import static dev.spinnet.llg.material.PhysicalConstants.MU0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.spinnet.llg.cc.CurrentWaveform;
import dev.spinnet.llg.ode.DormandPrince45;
import dev.spinnet.llg.ode.StepObserver;

/** Reference validation problems of the physics reference for the 1D LLG solver. */
class LlgValidationTest {

    @Test
    void macrospinPrecessionAndDampingMatchAnalyticSolution() {
        double alpha = 0.1;
        double gamma0 = 2.21e5; // m/(A s) = gamma mu0
        double h = 1e5; // A/m
        Mesh1D mesh = new Mesh1D(1, 1e-9, 1e-18);
        Medium medium = Medium.ferromagnet(mesh, 1e6, gamma0 / MU0, alpha);
        LlgEquation eq = new LlgEquation(medium, List.of(new Zeeman(medium, 0, 0, MU0 * h)));
        double[] m = new double[6];
        m[0] = 1.0;
        DormandPrince45 dp = new DormandPrince45(1e-12, 1e-12, 1e-20, 1e-11, 1e-14);
        double maxErr = 0;
        for (int k = 1; k <= 100; k++) {
            double t = k * 1e-11;
            dp.integrate(eq, t - 1e-11, m, t, StepObserver.NONE);
            double b = gamma0 * h * t / (1 + alpha * alpha);
            double ex = Math.cos(b) / Math.cosh(alpha * b);
            double ey = Math.sin(b) / Math.cosh(alpha * b);
            double ez = Math.tanh(alpha * b);
            maxErr = Math.max(maxErr, Math.max(Math.abs(m[0] - ex), Math.max(Math.abs(m[1] - ey),
                    Math.abs(m[2] - ez))));
        }
        System.out.printf("macrospin: max |m - m_exact| over 1 ns = %.2e (%d steps)%n", maxErr, dp.acceptedSteps());
        assertTrue(maxErr < 1e-6, "macrospin error " + maxErr);
    }

    @Test
    void staticWallProfileIsTanhWithWidthSqrtAOverK() {
        double a = 30e-12;
        double k = 520e3;
        double delta = Math.sqrt(a / k);
        Mesh1D mesh = new Mesh1D(200, 1e-9, 1e-18);
        Medium medium = Medium.ferromagnet(mesh, 1.4e6, 1.76e11, 1.0);
        LlgEquation eq = new LlgEquation(medium, List.of(new Exchange(medium, a), new UniaxialAnisotropy(medium, k)));
        double[] m = new double[mesh.stateLength()];
        // start from a wall twice too wide and slightly twisted: the solver must find the width itself
        WallProbe.setWall(mesh, m, 100e-9, 2 * delta, 0.3);
        DormandPrince45 dp = new DormandPrince45(1e-7, 1e-7, 1e-20, 1e-12, 1e-14);
        dp.integrate(eq, 0, m, 0.5e-9, StepObserver.NONE);
        double x0 = WallProbe.position(mesh, m);
        double maxErr = 0;
        for (int i = 0; i < mesh.cells(); i++) {
            double exact = -Math.tanh((mesh.x(i) - x0) / delta);
            maxErr = Math.max(maxErr, Math.abs(m[mesh.offset(0, 2) + i] - exact));
        }
        // width from the slope at the centre: dm_z/dx = -1/Delta
        int c = (int) Math.floor(x0 / mesh.cellSize() - 0.5);
        double slope = (m[mesh.offset(0, 2) + c + 1] - m[mesh.offset(0, 2) + c]) / mesh.cellSize();
        System.out.printf("static wall: max |m_z - tanh| = %.2e, Delta from slope %.4f nm vs %.4f nm (%d steps)%n",
                maxErr, -1e9 / slope, delta * 1e9, dp.acceptedSteps());
        assertTrue(maxErr < 1e-2, "wall profile error " + maxErr);
    }

    @Test
    void energyIsConservedWithoutDamping() {
        Mesh1D mesh = new Mesh1D(100, 1e-9, 1e-18);
        // two active sublattices, zero damping, every conservative term on
        Medium medium = new Medium(mesh, 6e5, 4e5, 1.9e11, 1.76e11, 0.0, 0.0);
        List<FieldTerm> terms = List.of(new Exchange(medium, 1e-11), new InterSublatticeExchange(medium, -1e7),
                new UniaxialAnisotropy(medium, 2e5), new ShapeAnisotropy(medium, 1e4),
                new InterfacialDmi(medium, 1e-3), new Zeeman(medium, 0.01, 0.0, 0.05));
        LlgEquation eq = new LlgEquation(medium, terms);
        double[] m = new double[mesh.stateLength()];
        WallProbe.setWall(mesh, m, 50e-9, 4e-9, 1.0); // out of equilibrium: width and angle wrong
        double e0 = eq.energy(m);
        double wallScale = 4 * Math.sqrt(1e-11 * 2e5); // ~ wall energy per area
        DormandPrince45 dp = new DormandPrince45(1e-10, 1e-10, 1e-20, 1e-12, 1e-15);
        double[] maxDev = {0};
        dp.integrate(eq, 0, m, 50e-12, (t, y) -> maxDev[0] = Math.max(maxDev[0], Math.abs(eq.energy(y) - e0)));
        System.out.printf("energy: max |E - E0| / (4 sqrt(AK)) = %.2e over 50 ps (%d steps)%n",
                maxDev[0] / wallScale, dp.acceptedSteps());
        assertTrue(maxDev[0] / wallScale < 1e-6, "energy drift " + maxDev[0] / wallScale);
        // the wall did move (not a trivially static check)
        assertTrue(Math.abs(WallProbe.angle(mesh, m) - 1.0) > 1e-3);
    }

    @Test
    void soTorqueWithoutCurrentAddsNothing() {
        Mesh1D mesh = new Mesh1D(4, 1e-9, 1e-18);
        Medium medium = Medium.ferromagnet(mesh, 1e6, 1.76e11, 0.1);
        SpinOrbitTorque sot = new SpinOrbitTorque(medium, 0.1, 1e-9, CurrentWaveform.constant(0), 0.5);
        double[] m = new double[mesh.stateLength()];
        WallProbe.setWall(mesh, m, 2e-9, 1e-9, 0);
        double[] b = new double[mesh.stateLength()];
        sot.addField(0, m, b, 0, 4);
        for (double v : b) {
            assertEquals(0.0, v);
        }
    }
}
