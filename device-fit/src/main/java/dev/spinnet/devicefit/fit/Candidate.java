package dev.spinnet.devicefit.fit;

/**
 * Candidate transfer functions fitted to a neuron curve. Each maps internal parameters p (unconstrained: the
 * positive shape parameters enter as exp(p) so the optimiser never leaves their domain) to y(x). Every
 * candidate has an output scale, an input offset c and an output offset b, so that only the shape differs.
 */
public enum Candidate {
    /** s celu(x - c, alpha) + b: continuous slope, exponential saturation at -s alpha. */
    CELU(new String[] {"scale", "alpha", "input_offset", "output_offset"}) {
        @Override
        public double value(double[] p, double x) {
            double a = Math.exp(p[1]);
            double u = x - p[2];
            return p[0] * (u > 0 ? u : a * Math.expm1(u / a)) + p[3];
        }
    },
    /** s max(0, x - c) + b. */
    RELU(new String[] {"scale", "input_offset", "output_offset"}) {
        @Override
        public double value(double[] p, double x) {
            return p[0] * Math.max(0, x - p[1]) + p[2];
        }
    },
    /**
     * ELU with free kink: k u for u = x - c &gt; 0, amp (exp(u / tau) - 1) below, + b. Contains CeLU (k = amp / tau);
     * the information criterion says whether the extra slope parameter is justified.
     */
    ELU(new String[] {"slope", "amplitude", "tau", "input_offset", "output_offset"}) {
        @Override
        public double value(double[] p, double x) {
            double amp = Math.exp(p[1]);
            double tau = Math.exp(p[2]);
            double u = x - p[3];
            return (u > 0 ? p[0] * u : amp * Math.expm1(u / tau)) + p[4];
        }
    },
    /** s ln(1 + exp(beta (x - c))) / beta + b. */
    SOFTPLUS(new String[] {"scale", "beta", "input_offset", "output_offset"}) {
        @Override
        public double value(double[] p, double x) {
            double beta = Math.exp(p[1]);
            double z = beta * (x - p[2]);
            double sp = z > 30 ? z : Math.log1p(Math.exp(z));
            return p[0] * sp / beta + p[3];
        }
    },
    /** s / (1 + exp(-beta (x - c))) + b. */
    SIGMOID(new String[] {"scale", "beta", "input_offset", "output_offset"}) {
        @Override
        public double value(double[] p, double x) {
            double beta = Math.exp(p[1]);
            return p[0] / (1 + Math.exp(-beta * (x - p[2]))) + p[3];
        }
    };

    private final String[] names;

    Candidate(String[] names) {
        this.names = names;
    }

    /** y(x) for internal parameters p. */
    public abstract double value(double[] p, double x);

    public int parameterCount() {
        return names.length;
    }

    /** Lower-case name as written to files. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String[] parameterNames() {
        return names.clone();
    }

    /** Physical (reported) value of internal parameter i: exp() for the log-parameterised shape parameters. */
    public double physical(double[] p, int i) {
        return isLog(i) ? Math.exp(p[i]) : p[i];
    }

    /** Internal value of physical parameter i. */
    public double internal(double v, int i) {
        return isLog(i) ? Math.log(v) : v;
    }

    private boolean isLog(int i) {
        return switch (this) {
            case CELU, SOFTPLUS, SIGMOID -> i == 1;
            case ELU -> i == 1 || i == 2;
            case RELU -> false;
        };
    }

    /**
     * Starting points (physical parameters) derived from the data: the slope at the right end, the range and a
     * few shape scales; the fitter keeps the best result over all of them.
     */
    double[][] starts(double[] x, double[] y) {
        int n = x.length;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            yMin = Math.min(yMin, v);
            yMax = Math.max(yMax, v);
        }
        double range = Math.max(yMax - yMin, 1e-12);
        double slope = (y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2]);
        if (!(Math.abs(slope) > 1e-12)) {
            slope = range / (x[n - 1] - x[0]);
        }
        double xMid = 0.5 * (x[0] + x[n - 1]);
        double span = x[n - 1] - x[0];
        double y0 = interpolate(x, y, 0.0);
        double[] shapes = {0.1 * span, 0.25 * span, 0.5 * span};
        double[][] s = new double[shapes.length * 3][];
        int k = 0;
        for (double shape : shapes) {
            for (double c : new double[] {x[0] + 0.25 * span, xMid, x[0] + 0.75 * span}) {
                s[k++] = switch (this) {
                    case CELU -> new double[] {slope, shape, c, y0};
                    case RELU -> new double[] {slope, c, yMin};
                    case ELU -> new double[] {slope, Math.max(y0 - yMin, 1e-3 * range), shape, c, y0};
                    case SOFTPLUS -> new double[] {slope, 1.0 / shape, c, yMin};
                    case SIGMOID -> new double[] {range, 4.0 / shape, c, yMin};
                };
            }
        }
        return s;
    }

    private static double interpolate(double[] x, double[] y, double at) {
        if (at <= x[0]) {
            return y[0];
        }
        for (int i = 1; i < x.length; i++) {
            if (at <= x[i]) {
                double w = (at - x[i - 1]) / (x[i] - x[i - 1]);
                return y[i - 1] + w * (y[i] - y[i - 1]);
            }
        }
        return y[y.length - 1];
    }
}
