package dev.spinnet.network.layer;

/** max(0, x). */
public final class Relu implements ActivationFunction {
    @Override
    public void apply(float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] = Math.max(0f, x[i]);
        }
    }

    @Override
    public void backward(float[] x, float[] dy, float[] dx, int from, int to) {
        for (int i = from; i < to; i++) {
            dx[i] = x[i] > 0f ? dy[i] : 0f;
        }
    }

    @Override
    public String describe() {
        return "relu";
    }
}
