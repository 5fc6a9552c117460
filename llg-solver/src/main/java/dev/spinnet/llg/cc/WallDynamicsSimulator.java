package dev.spinnet.llg.cc;

import java.util.List;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

import dev.spinnet.llg.material.Checks;
import dev.spinnet.llg.ode.SolverException;

/**
 * Integrates a {@link CollectiveCoordinateModel} with Hipparchus' adaptive Dormand-Prince 8(5,3).
 *
 * <p>Current discontinuities: the run is split at every breakpoint of the waveform and the integrator
 * is restarted there, so no step straddles a pulse edge (a step across a jump would be accepted only
 * after being shrunk to the tolerance, and the dense output across it would be wrong). Event detectors
 * (e.g. {@link WallPositionDetector}) and the {@link TrajectoryRecorder} observe the integration
 * without touching the equations; a detector returning STOP ends the whole run. The exact states at the
 * breakpoints are kept in {@link WallTrajectory#edgeTime()} etc.
 *
 * @param positionTolerance absolute tolerance on q, m
 * @param angleTolerance    absolute tolerance on phi, rad
 * @param relativeTolerance relative tolerance on both
 * @param maxStep           largest step, s
 */
public record WallDynamicsSimulator(double positionTolerance, double angleTolerance, double relativeTolerance,
        double maxStep) {

    public WallDynamicsSimulator {
        Checks.positive("positionTolerance (m)", positionTolerance);
        Checks.positive("angleTolerance (rad)", angleTolerance);
        Checks.positive("relativeTolerance", relativeTolerance);
        Checks.positive("maxStep (s)", maxStep);
    }

    /** Tolerances of 1 fm / 1e-10 rad / 1e-10 relative, steps up to 1 ns: far below the 2 % test budget. */
    public static WallDynamicsSimulator defaults() {
        return new WallDynamicsSimulator(1e-15, 1e-10, 1e-10, 1e-9);
    }

    /**
     * Runs from (q0, phi0) at t0 to t1, sampling every {@code sampleInterval} seconds; a heated model starts at
     * its ambient temperature.
     *
     * @param detectors optional events; a STOP action ends the run at the event
     */
    public WallTrajectory run(CollectiveCoordinateModel model, double q0, double phi0, double t0, double t1,
            double sampleInterval, List<? extends ODEEventDetector> detectors) {
        Checks.finite("q0 (m)", q0);
        Checks.finite("phi0 (rad)", phi0);
        if (!(t1 > t0)) {
            throw new IllegalArgumentException("t1 must exceed t0, got t0=" + t0 + " t1=" + t1);
        }
        double[] y0 = model.initialState(q0, phi0);
        // temperature (heated model) to 1e-9 K
        double[] abs = y0.length == 2 ? new double[] {positionTolerance, angleTolerance}
                : new double[] {positionTolerance, angleTolerance, 1e-9};
        double[] rel = new double[y0.length];
        java.util.Arrays.fill(rel, relativeTolerance);
        ODEIntegrator integrator = new DormandPrince853Integrator(1e-22, maxStep, abs, rel);
        TrajectoryRecorder recorder = new TrajectoryRecorder(t0, sampleInterval);
        integrator.addStepHandler(recorder);
        // DP853 accepts a step whose error estimate is NaN (every "error >= 1" test is false), so a NaN would
        // silently run to the end: stop at the first non-finite state instead.
        double[] lastAccepted = {t0};
        integrator.addStepHandler(interpolator -> {
            requireFinite(interpolator.getCurrentState());
            lastAccepted[0] = interpolator.getCurrentState().getTime();
        });
        for (ODEEventDetector d : detectors) {
            integrator.addEventDetector(d);
        }
        ODEStateAndDerivative state = new ODEStateAndDerivative(t0, y0, model.computeDerivatives(t0, y0));
        double[] cuts = model.current().breakpoints();
        int k = 0;
        double t = t0;
        while (t < t1) {
            while (k < cuts.length && cuts[k] <= t) {
                k++;
            }
            double segmentEnd = k < cuts.length ? Math.min(cuts[k], t1) : t1;
            try {
                state = integrator.integrate(model, new ODEState(t, state.getPrimaryState()), segmentEnd);
            } catch (MathIllegalStateException e) {
                // e.g. "minimal step size reached": Hipparchus names neither the time nor the variable
                throw new SolverException("collective-coordinate integration failed (" + e.getMessage() + ")",
                        lastAccepted[0], "state (q, phi" + (y0.length > 2 ? ", T)" : ")"));
            }
            if (state.getTime() < segmentEnd) {
                break; // a detector stopped the run
            }
            t = segmentEnd;
            if (k < cuts.length && cuts[k] == segmentEnd) {
                recorder.edge(state); // exact state at a pulse edge, e.g. the displacement per pulse
            }
        }
        recorder.close(state);
        return recorder.trajectory();
    }

    private static final String[] VARIABLES = {"q (wall position)", "phi (wall angle)", "T (temperature)"};

    private static void requireFinite(ODEStateAndDerivative st) {
        double[] y = st.getPrimaryState();
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new SolverException("collective-coordinate state became " + y[i], st.getTime(),
                        VARIABLES[Math.min(i, VARIABLES.length - 1)]);
            }
        }
    }

    /** {@link #run} without event detectors. */
    public WallTrajectory run(CollectiveCoordinateModel model, double q0, double phi0, double t0, double t1,
            double sampleInterval) {
        return run(model, q0, phi0, t0, t1, sampleInterval, List.of());
    }
}
