package dev.spinnet.network.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Sums over short contiguous float runs (one channel of one image: BatchNorm statistics and
 * gradients). A plain {@code s += a[i]} loop is not vectorised by C2, because reordering float
 * additions changes the result, so it runs at one add per FP-add latency (~4 cycles per value);
 * these kernels keep 8 partial sums in a vector instead.
 *
 * <p>The order of additions is fixed and independent of the machine: always 8 lanes (256-bit,
 * also on AVX-512 hardware), lanes summed one by one in lane order, tail added last. So the same
 * input gives the same bits whether the code runs interpreted, JIT-compiled, on AVX2 or AVX-512.
 * ({@code reduceLanes(ADD)} is avoided on purpose: its order is unspecified for floats.)
 *
 * <p>Cost: {@code len} adds (sum) or {@code 3 len} FLOPs (the others) over {@code 4 len} bytes
 * per array; the runs are L1/L2-resident, so these are add-throughput bound.
 */
public final class Reduce {
    private static final VectorSpecies<Float> S8 = FloatVector.SPECIES_256;

    private Reduce() {
    }

    /** {@code sum(a[off .. off+len))}. */
    public static float sum(float[] a, int off, int len) {
        int end = off + len;
        int i = off;
        float s = 0f;
        if (len >= 8) {
            FloatVector acc = FloatVector.fromArray(S8, a, i);
            for (i += 8; i <= end - 8; i += 8) {
                acc = acc.add(FloatVector.fromArray(S8, a, i));
            }
            s = lanes(acc);
        }
        for (; i < end; i++) {
            s += a[i];
        }
        return s;
    }

    /** {@code sum((a[i] - m)^2)} over {@code [off, off+len)}. */
    public static float sumSquaredDeviation(float[] a, int off, int len, float m) {
        return sumCenteredProduct(a, m, a, m, off, len);
    }

    /** {@code sum(g[i] * (x[i] - m))} over {@code [off, off+len)} of both arrays. */
    public static float sumProductCentered(float[] g, float[] x, int off, int len, float m) {
        // g - 0 is g exactly, and FMA's product is exact, so this is bit-for-bit g * (x - m).
        return sumCenteredProduct(g, 0f, x, m, off, len);
    }

    /** {@code sum((g[i] - gm) * (x[i] - xm))}: one kernel behind the two above. */
    private static float sumCenteredProduct(float[] g, float gm, float[] x, float xm, int off, int len) {
        int end = off + len;
        int i = off;
        float s = 0f;
        if (len >= 8) {
            FloatVector gmv = FloatVector.broadcast(S8, gm);
            FloatVector xmv = FloatVector.broadcast(S8, xm);
            FloatVector acc = FloatVector.zero(S8);
            for (; i <= end - 8; i += 8) {
                FloatVector dg = FloatVector.fromArray(S8, g, i).sub(gmv);
                acc = dg.fma(FloatVector.fromArray(S8, x, i).sub(xmv), acc);
            }
            s = lanes(acc);
        }
        for (; i < end; i++) {
            s += (g[i] - gm) * (x[i] - xm);
        }
        return s;
    }

    /** Lanes in order; constant indices, since C2 compiles {@code lane(i)} well only for constants. */
    private static float lanes(FloatVector v) {
        return v.lane(0) + v.lane(1) + v.lane(2) + v.lane(3) + v.lane(4) + v.lane(5) + v.lane(6) + v.lane(7);
    }
}
