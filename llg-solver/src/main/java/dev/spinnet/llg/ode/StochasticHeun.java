package dev.spinnet.llg.ode;

/**
 * Fixed-step Heun (explicit trapezoidal predictor-corrector) for stochastic differential equations in the
 * Stratonovich sense: the noise drawn in {@link FlatOde#beginStep} is held for both stages, which is what
 * makes the scheme converge to the Stratonovich solution that the Langevin-LLG equation requires (plain
 * Euler converges to Ito). Deterministically it is second order.
 */
public final class StochasticHeun {
    private final double dt;
    private int dim = -1;
    private double[] k1;
    private double[] k2;
    private double[] yp;

    /** @param dt time step, s (> 0) */
    public StochasticHeun(double dt) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("Heun time step dt must be finite and > 0, got " + dt);
        }
        this.dt = dt;
    }

    public double dt() {
        return dt;
    }

    /** Advances y in place by {@code steps} steps from t0; returns the final time. */
    public double integrate(FlatOde ode, double t0, double[] y, long steps, StepObserver observer) {
        int n = ode.dimension();
        if (n != dim) {
            dim = n;
            k1 = new double[n];
            k2 = new double[n];
            yp = new double[n];
        }
        double t = t0;
        for (long s = 0; s < steps; s++) {
            ode.beginStep(t, dt);
            ode.derivatives(t, y, k1);
            for (int i = 0; i < n; i++) {
                yp[i] = y[i] + dt * k1[i];
            }
            ode.derivatives(t + dt, yp, k2);
            for (int i = 0; i < n; i++) {
                y[i] += 0.5 * dt * (k1[i] + k2[i]);
            }
            t = t0 + (s + 1) * dt;
            // Checked before projection, which would turn a blow-up into a plausible unit vector.
            SolverException.requireFinite(ode, t, y);
            ode.checkState(t, y);
            ode.project(y);
            observer.accepted(t, y);
        }
        return t;
    }
}
