package dev.spinnet.network.layer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Continuously differentiable exponential linear unit,
 * {@code CeLU(x) = max(0, x) + min(0, alpha (exp(x / alpha) - 1))} (Barron 2017): the shape the
 * ferrimagnetic neuron device realises.
 *
 * <p>Vectorised: the scalar {@code Math.expm1} is not a JIT intrinsic and made this pointwise
 * layer cost as much as the convolution before it. The exponential is our own polynomial made of
 * lane-wise multiply/FMA/bit operations, which are exact in IEEE arithmetic whether the JIT has
 * compiled the loop or not; the Vector API's {@code EXP} is not (its interpreted fallback and
 * its compiled intrinsic differ in the last bits), which made runs with the same seed differ.
 */
public final class Celu implements ActivationFunction {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, S.vectorShape());
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
                FloatVector e = expNonPositive(v.min(0f).mul(invAlpha)).sub(1f).mul(alpha);
                v = v.blend(e, neg);
            }
            v.intoArray(y, i);
        }
        for (; i < to; i++) {
            float v = x[i];
            y[i] = v > 0f ? v : alpha * (expScalar(v * invAlpha) - 1f);
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
                FloatVector d = expNonPositive(v.min(0f).mul(invAlpha)).mul(g);
                g = g.blend(d, neg);
            }
            g.intoArray(dx, i);
        }
        for (; i < to; i++) {
            float v = x[i];
            dx[i] = v > 0f ? dy[i] : dy[i] * expScalar(v * invAlpha);
        }
    }

    private static final float LOG2E = 1.44269504f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    // Taylor coefficients 1/n! of exp(r) on |r| <= ln2/2: relative error below 2e-7.
    private static final float C2 = 1f / 2;
    private static final float C3 = 1f / 6;
    private static final float C4 = 1f / 24;
    private static final float C5 = 1f / 120;
    private static final float C6 = 1f / 720;

    /** exp(x) for x <= 0 (x >= -87 keeps 2^k normal; below that the result is ~0 anyway). */
    static FloatVector expNonPositive(FloatVector x) {
        FloatVector xc = x.max(-87f);
        // k = round(x log2 e), by truncating x log2 e - 0.5 (x <= 0). convertShape to the int species,
        // and k kept as ints for 2^k: the same values as convert(F2I)/reinterpret, but JDK 17 compiles
        // this form 1.4-1.6x faster (benchmarks/reference/ActivationSpeed.java; JDK 25 unchanged).
        IntVector k = (IntVector) xc.mul(LOG2E).sub(0.5f).convertShape(VectorOperators.F2I, INTS, 0);
        FloatVector kf = (FloatVector) k.convertShape(VectorOperators.I2F, S, 0);
        FloatVector r = xc.sub(kf.mul(LN2_HI)).sub(kf.mul(LN2_LO));
        FloatVector p = r.mul(C6).add(C5).mul(r).add(C4).mul(r).add(C3).mul(r).add(C2).mul(r).add(1f).mul(r).add(1f);
        FloatVector twoK = k.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(twoK);
    }

    /** The same polynomial for the scalar tail, so every element is computed identically. */
    static float expScalar(float x) {
        float xc = Math.max(x, -87f);
        float kf = (float) (int) (xc * LOG2E - 0.5f);
        float r = xc - kf * LN2_HI - kf * LN2_LO;
        float p = ((((((r * C6 + C5) * r + C4) * r + C3) * r + C2) * r + 1f) * r + 1f);
        return p * Float.intBitsToFloat(((int) kf + 127) << 23);
    }

    @Override
    public String describe() {
        return "celu(alpha=" + alpha + ")";
    }
}
