package dev.spinnet.network.layer;

/**
 * Continuously differentiable exponential linear unit,
 * {@code CeLU(x) = max(0, x) + min(0, alpha (exp(x / alpha) - 1))} (Barron 2017): the shape the
 * ferrimagnetic neuron device realises.
 */
public final class Celu implements ActivationFunction {
    private final float alpha;
    private final float invAlpha;

    public Celu(float alpha) {
        if (!(alpha > 0) || !Float.isFinite(alpha)) {
            throw new IllegalArgumentException("celu alpha must be finite and > 0, got " + alpha);
        }
        this.alpha = alpha;
        this.invAlpha = 1f / alpha;
    }

    public float alpha() {
        return alpha;
    }

    @Override
    public void apply(float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            float v = x[i];
            y[i] = v > 0f ? v : alpha * (float) Math.expm1(v * invAlpha);
        }
    }

    @Override
    public void backward(float[] x, float[] dy, float[] dx, int from, int to) {
        for (int i = from; i < to; i++) {
            float v = x[i];
            dx[i] = v > 0f ? dy[i] : dy[i] * (float) Math.exp(v * invAlpha);
        }
    }

    @Override
    public String describe() {
        return "celu(alpha=" + alpha + ")";
    }
}
