package dev.spinnet.llg.cc;

import java.util.Arrays;

import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * Step handler that samples (q, phi) on a uniform time grid t0 + k dt from the integrator's dense
 * output, independent of the adaptive step sizes; it survives integrator restarts at breakpoints.
 */
public final class TrajectoryRecorder implements ODEStepHandler {
    private final double t0;
    private final double dt;
    private long nextIndex;
    private double[] t = new double[256];
    private double[] q = new double[256];
    private double[] phi = new double[256];
    private double[] temp = new double[256];
    private int n;
    private final java.util.List<double[]> edges = new java.util.ArrayList<>();

    /**
     * @param t0 first sample time, s
     * @param dt sampling interval, s (> 0)
     */
    public TrajectoryRecorder(double t0, double dt) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("sampling interval dt must be finite and > 0, got " + dt);
        }
        this.t0 = t0;
        this.dt = dt;
    }

    @Override
    public void handleStep(ODEStateInterpolator interpolator) {
        double end = interpolator.getCurrentState().getTime();
        double start = interpolator.getPreviousState().getTime();
        while (true) {
            double ts = t0 + nextIndex * dt;
            if (ts > end + 1e-9 * dt) {
                break;
            }
            if (ts >= start - 1e-9 * dt) {
                double tc = Math.min(Math.max(ts, start), end);
                double[] y = interpolator.getInterpolatedState(tc).getPrimaryState();
                add(ts, y);
            }
            nextIndex++;
        }
    }

    /** Appends the final state if it is not on the sampling grid, so the trajectory ends where the run ended. */
    public void close(ODEStateAndDerivative last) {
        if (n == 0 || last.getTime() > t[n - 1] + 1e-9 * dt) {
            double[] y = last.getPrimaryState();
            add(last.getTime(), y);
        }
    }

    /** Records the exact state at a waveform breakpoint (called by the simulator at each restart). */
    public void edge(ODEStateAndDerivative state) {
        double[] y = state.getPrimaryState();
        edges.add(new double[] {state.getTime(), y[0], y[1], y.length > 2 ? y[2] : Double.NaN});
    }

    private void add(double ts, double[] y) {
        if (n == t.length) {
            t = Arrays.copyOf(t, 2 * n);
            q = Arrays.copyOf(q, 2 * n);
            phi = Arrays.copyOf(phi, 2 * n);
            temp = Arrays.copyOf(temp, 2 * n);
        }
        t[n] = ts;
        q[n] = y[0];
        phi[n] = y[1];
        temp[n] = y.length > 2 ? y[2] : Double.NaN;
        n++;
    }

    public WallTrajectory trajectory() {
        double[] et = new double[edges.size()];
        double[] eq = new double[edges.size()];
        double[] ep = new double[edges.size()];
        double[] eT = new double[edges.size()];
        for (int k = 0; k < et.length; k++) {
            et[k] = edges.get(k)[0];
            eq[k] = edges.get(k)[1];
            ep[k] = edges.get(k)[2];
            eT[k] = edges.get(k)[3];
        }
        return new WallTrajectory(Arrays.copyOf(t, n), Arrays.copyOf(q, n), Arrays.copyOf(phi, n),
                Arrays.copyOf(temp, n), et, eq, ep, eT);
    }
}
