package dev.spinnet.llg.ode;

/**
 * Adaptive Dormand-Prince 5(4) with FSAL over flat arrays; stage buffers are allocated once per dimension
 * so stepping is allocation free.
 *
 * <p>Error norm: maximum over components of |err_i| / (absTol + relTol max(|y_i|, |ynew_i|)). The max
 * norm (not RMS) because a domain wall occupies a few cells of a long track and an RMS would dilute its
 * error. Step control: h *= clamp(0.9 err^-1/5, 0.2, 5). After an accepted step {@link FlatOde#project}
 * is applied; the FSAL derivative is then taken at the unprojected point, which differs by the
 * projection (of the order of the local error) and is corrected by the error control of the next step.
 */
public final class DormandPrince45 {
    private static final double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private static final double A21 = 1.0 / 5;
    private static final double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private static final double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private static final double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561,
            A54 = -212.0 / 729;
    private static final double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176,
            A65 = -5103.0 / 18656;
    private static final double B1 = 35.0 / 384, B3 = 500.0 / 1113, B4 = 125.0 / 192, B5 = -2187.0 / 6784,
            B6 = 11.0 / 84;
    private static final double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200,
            E6 = 22.0 / 525, E7 = -1.0 / 40;

    private final double absTol;
    private final double relTol;
    private final double minStep;
    private final double maxStep;
    private double step;
    private long accepted;
    private long rejected;
    private long evaluations;

    private int dim = -1;
    private double[] k1, k2, k3, k4, k5, k6, k7, ytmp, ynew;

    /**
     * @param absTol      absolute tolerance per component
     * @param relTol      relative tolerance per component
     * @param minStep     smallest allowed step, s; a smaller required step throws
     * @param maxStep     largest step, s
     * @param initialStep first trial step, s
     */
    public DormandPrince45(double absTol, double relTol, double minStep, double maxStep, double initialStep) {
        if (!(absTol > 0) || !(relTol >= 0) || !(minStep > 0) || !(maxStep >= minStep) || !(initialStep > 0)) {
            throw new IllegalArgumentException("invalid DP45 settings: absTol=" + absTol + " relTol=" + relTol
                    + " minStep=" + minStep + " maxStep=" + maxStep + " initialStep=" + initialStep);
        }
        this.absTol = absTol;
        this.relTol = relTol;
        this.minStep = minStep;
        this.maxStep = maxStep;
        this.step = initialStep;
    }

    private void allocate(int n) {
        if (n != dim) {
            dim = n;
            k1 = new double[n];
            k2 = new double[n];
            k3 = new double[n];
            k4 = new double[n];
            k5 = new double[n];
            k6 = new double[n];
            k7 = new double[n];
            ytmp = new double[n];
            ynew = new double[n];
        }
    }

    /**
     * Advances y (in place) from t0 to t1; returns t1. The last step is shortened to land on t1 exactly;
     * the step size reached is remembered for the next call.
     */
    public double integrate(FlatOde ode, double t0, double[] y, double t1, StepObserver observer) {
        int n = ode.dimension();
        allocate(n);
        double t = t0;
        ode.beginStep(t, Math.min(step, t1 - t));
        ode.derivatives(t, y, k1);
        evaluations++;
        while (t < t1) {
            double h = Math.min(step, t1 - t);
            boolean last = h >= t1 - t;
            ode.beginStep(t, h);
            for (int i = 0; i < n; i++) {
                ytmp[i] = y[i] + h * A21 * k1[i];
            }
            ode.derivatives(t + C2 * h, ytmp, k2);
            for (int i = 0; i < n; i++) {
                ytmp[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
            }
            ode.derivatives(t + C3 * h, ytmp, k3);
            for (int i = 0; i < n; i++) {
                ytmp[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
            }
            ode.derivatives(t + C4 * h, ytmp, k4);
            for (int i = 0; i < n; i++) {
                ytmp[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
            }
            ode.derivatives(t + C5 * h, ytmp, k5);
            for (int i = 0; i < n; i++) {
                ytmp[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
            }
            ode.derivatives(t + h, ytmp, k6);
            for (int i = 0; i < n; i++) {
                ynew[i] = y[i] + h * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
            }
            ode.derivatives(t + h, ynew, k7);
            evaluations += 6;
            double err = 0.0;
            int worst = 0;
            for (int i = 0; i < n; i++) {
                double e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
                double sc = absTol + relTol * Math.max(Math.abs(y[i]), Math.abs(ynew[i]));
                double ratio = Math.abs(e) / sc;
                if (!(ratio <= err)) { // also takes the first NaN, so that it is not lost
                    err = ratio;
                    worst = i;
                }
            }
            if (!Double.isFinite(err)) {
                // A NaN error would make every comparison below false and the step size NaN: the loop
                // would then never end. Name the first non-finite value instead.
                SolverException.requireFinite(ode, t + h, ynew);
                SolverException.requireFinite(ode, t + h, k7);
                throw new SolverException("error estimate is " + err, t + h, ode.describeComponent(worst));
            }
            double factor = err == 0.0 ? 5.0 : Math.min(5.0, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
            if (err <= 1.0 || h <= minStep) {
                if (err > 1.0) {
                    throw new SolverException(String.format(java.util.Locale.ROOT,
                            "step size underflow (step %.3g s at the minimum %.3g s, error ratio %.3g)", h, minStep,
                            err), t, ode.describeComponent(worst));
                }
                t = last ? t1 : t + h;
                System.arraycopy(ynew, 0, y, 0, n);
                ode.checkState(t, y);
                ode.project(y);
                double[] swap = k1;
                k1 = k7;
                k7 = swap;
                accepted++;
                observer.accepted(t, y);
                if (!last) {
                    step = Math.min(maxStep, h * factor);
                } else {
                    step = Math.min(maxStep, Math.max(step, h * factor));
                }
            } else {
                rejected++;
                step = Math.max(minStep, h * factor);
            }
        }
        return t;
    }

    public long acceptedSteps() {
        return accepted;
    }

    public long rejectedSteps() {
        return rejected;
    }

    public long evaluations() {
        return evaluations;
    }

    /** Current step-size estimate, s. */
    public double currentStep() {
        return step;
    }
}
