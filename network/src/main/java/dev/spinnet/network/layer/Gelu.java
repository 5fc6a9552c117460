package dev.spinnet.network.layer;

/**
 * Gaussian error linear unit, tanh approximation (PyTorch's {@code approximate="tanh"}):
 * {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}; exact within ~1e-3 of the erf form.
 */
public final class Gelu implements ActivationFunction {
    private static final double C = Math.sqrt(2 / Math.PI);
    private static final double A = 0.044715;

    @Override
    public void apply(float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            double v = x[i];
            y[i] = (float) (0.5 * v * (1 + Math.tanh(C * (v + A * v * v * v))));
        }
    }

    @Override
    public void backward(float[] x, float[] dy, float[] dx, int from, int to) {
        for (int i = from; i < to; i++) {
            double v = x[i];
            double u = C * (v + A * v * v * v);
            double t = Math.tanh(u);
            double du = C * (1 + 3 * A * v * v);
            double d = 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * du;
            dx[i] = (float) (d * dy[i]);
        }
    }

    @Override
    public String describe() {
        return "gelu(tanh)";
    }
}
