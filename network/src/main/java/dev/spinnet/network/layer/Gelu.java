package dev.spinnet.network.layer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Gaussian error linear unit, tanh approximation (PyTorch's {@code approximate="tanh"}):
 * {@code 0.5 x (1 + tanh(u))}, {@code u = sqrt(2/pi) (x + 0.044715 x^3)}; within ~1e-3 of the erf form.
 *
 * <p>Computed as {@code x s} with {@code s = 0.5 (1 + tanh u) = 1 / (1 + exp(-2u))}, from
 * {@code e = exp(-2|u|) <= 1} so that nothing overflows: {@code s = 1/(1+e)} for u >= 0 and
 * {@code e/(1+e)} otherwise. Vectorised with {@link Celu}'s polynomial exponential for the same
 * reason as CELU: {@code Math.tanh} is not a JIT intrinsic, and the polynomial gives bit-identical
 * results whether or not the loop is compiled.
 */
public final class Gelu implements ActivationFunction {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final float C = (float) Math.sqrt(2 / Math.PI);
    private static final float A = 0.044715f;

    @Override
    public void apply(float[] x, float[] y, int from, int to) {
        int i = from;
        int upper = from + S.loopBound(to - from);
        for (; i < upper; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            FloatVector u = inner(v);
            v.mul(logistic(u, exp(u))).intoArray(y, i);
        }
        for (; i < to; i++) {
            float v = x[i];
            float u = innerScalar(v);
            y[i] = v * logisticScalar(u);
        }
    }

    @Override
    public void backward(float[] x, float[] dy, float[] dx, int from, int to) {
        int i = from;
        int upper = from + S.loopBound(to - from);
        for (; i < upper; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            FloatVector u = inner(v);
            FloatVector s = logistic(u, exp(u));
            // d/dx [x s(u)] = s + x * 2 s (1 - s) * du/dx, with 0.5 (1 - tanh^2 u) = 2 s (1 - s).
            FloatVector du = v.mul(v).mul(3 * A * C).add(C);
            FloatVector d = v.mul(s).mul(s.neg().add(1f)).mul(du).mul(2f).add(s);
            d.mul(FloatVector.fromArray(S, dy, i)).intoArray(dx, i);
        }
        for (; i < to; i++) {
            float v = x[i];
            float s = logisticScalar(innerScalar(v));
            float du = v * v * (3 * A * C) + C;
            dx[i] = (v * s * (1f - s) * du * 2f + s) * dy[i];
        }
    }

    private static FloatVector inner(FloatVector v) {
        return v.mul(v).mul(A).add(1f).mul(v).mul(C);
    }

    private static float innerScalar(float v) {
        return (v * v * A + 1f) * v * C;
    }

    /** exp(-2|u|). */
    private static FloatVector exp(FloatVector u) {
        return Celu.expNonPositive(u.abs().mul(-2f));
    }

    private static FloatVector logistic(FloatVector u, FloatVector e) {
        FloatVector inv = e.add(1f);
        VectorMask<Float> neg = u.compare(VectorOperators.LT, 0f);
        return FloatVector.broadcast(S, 1f).blend(e, neg).div(inv);
    }

    private static float logisticScalar(float u) {
        float e = Celu.expScalar(-2f * Math.abs(u));
        return (u < 0f ? e : 1f) / (1f + e);
    }

    @Override
    public String describe() {
        return "gelu(tanh)";
    }
}
