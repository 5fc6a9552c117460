package dev.spinnet.network.layer;

/**
 * A pointwise nonlinearity applied to whole ranges, so that each implementation's loop is
 * monomorphic and the JIT can compile it tightly.
 */
public interface ActivationFunction {
    /** {@code y[i] = f(x[i])} for i in [from, to). */
    void apply(float[] x, float[] y, int from, int to);

    /** {@code dx[i] = f'(x[i]) * dy[i]} for i in [from, to). */
    void backward(float[] x, float[] dy, float[] dx, int from, int to);

    /** f at one point, for tests, plots and fits. */
    default double value(double x) {
        float[] in = {(float) x};
        float[] out = new float[1];
        apply(in, out, 0, 1);
        return out[0];
    }

    String describe();
}
