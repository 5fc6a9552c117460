package dev.spinnet.network.layer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Continuously differentiable exponential linear unit,
 * {@code CeLU(x) = max(0, x) + min(0, alpha (exp(x / alpha) - 1))} (Barron 2017): the shape the
 * ferrimagnetic neuron device realises.
 *
 * <p>Vectorised: the scalar {@code Math.expm1} is not a JIT intrinsic and made this pointwise
 * layer cost as much as the convolution before it.
 */
public final class Celu implements ActivationFunction {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
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
        int i = from;
        int upper = from + S.loopBound(to - from);
        for (; i < upper; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            VectorMask<Float> neg = v.compare(VectorOperators.LT, 0f);
            if (neg.anyTrue()) {
                FloatVector e = v.min(0f).mul(invAlpha).lanewise(VectorOperators.EXP).sub(1f).mul(alpha);
                v = v.blend(e, neg);
            }
            v.intoArray(y, i);
        }
        for (; i < to; i++) {
            float v = x[i];
            y[i] = v > 0f ? v : alpha * (float) Math.expm1(v * invAlpha);
        }
    }

    @Override
    public void backward(float[] x, float[] dy, float[] dx, int from, int to) {
        int i = from;
        int upper = from + S.loopBound(to - from);
        for (; i < upper; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            FloatVector g = FloatVector.fromArray(S, dy, i);
            VectorMask<Float> neg = v.compare(VectorOperators.LT, 0f);
            if (neg.anyTrue()) {
                FloatVector d = v.min(0f).mul(invAlpha).lanewise(VectorOperators.EXP).mul(g);
                g = g.blend(d, neg);
            }
            g.intoArray(dx, i);
        }
        for (; i < to; i++) {
            float v = x[i];
            dx[i] = v > 0f ? dy[i] : dy[i] * (float) Math.exp(v * invAlpha);
        }
    }

    @Override
    public String describe() {
        return "celu(alpha=" + alpha + ")";
    }
}
