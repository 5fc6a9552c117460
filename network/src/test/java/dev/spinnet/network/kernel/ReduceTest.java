package dev.spinnet.network.kernel;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReduceTest {
    private static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextGaussian() * 3 + 1);
        }
        return a;
    }

    /** The documented order: 8 lane partials (FMA for products), lanes in order, then the tail. */
    private static float emulate(float[] g, float[] x, int off, int len, float m, int kind) {
        float[] acc = new float[8];
        int i = off;
        int end = off + len;
        boolean vec = len >= 8;
        if (vec) {
            for (; i <= end - 8; i += 8) {
                for (int l = 0; l < 8; l++) {
                    float d = x[i + l] - m;
                    acc[l] = switch (kind) {
                        case 0 -> acc[l] + x[i + l];
                        case 1 -> Math.fma(d, d, acc[l]);
                        default -> Math.fma(d, g[i + l], acc[l]);
                    };
                }
            }
        }
        float s = 0f;
        if (vec) {
            s = acc[0];
            for (int l = 1; l < 8; l++) {
                s += acc[l];
            }
        }
        for (; i < end; i++) {
            float d = x[i] - m;
            s += switch (kind) {
                case 0 -> x[i];
                case 1 -> d * d;
                default -> g[i] * d;
            };
        }
        return s;
    }

    @Test
    void fixedOrderBitForBitAndCloseToExact() {
        Random r = new Random(11);
        float[] x = random(r, 700);
        float[] g = random(r, 700);
        // First rounds run interpreted, later ones JIT-compiled: the bits must not change.
        for (int round = 0; round < 40; round++) {
            checkAll(x, g);
        }
    }

    private static void checkAll(float[] x, float[] g) {
        for (int off : new int[] {0, 3, 17}) {
            for (int len = 0; len <= 300; len += (len < 40 ? 1 : 37)) {
                float m = 0.7f;
                float s = Reduce.sum(x, off, len);
                float q = Reduce.sumSquaredDeviation(x, off, len, m);
                float p = Reduce.sumProductCentered(g, x, off, len, m);
                // Same bits as the documented order: machine- and JIT-independent results.
                assertEquals(Float.floatToIntBits(emulate(g, x, off, len, m, 0)), Float.floatToIntBits(s), "sum " + len);
                assertEquals(Float.floatToIntBits(emulate(g, x, off, len, m, 1)), Float.floatToIntBits(q), "sq " + len);
                assertEquals(Float.floatToIntBits(emulate(g, x, off, len, m, 2)), Float.floatToIntBits(p), "prod " + len);
                double es = 0;
                double eq = 0;
                double ep = 0;
                double scale = 0;
                for (int i = off; i < off + len; i++) {
                    es += x[i];
                    eq += (x[i] - m) * (double) (x[i] - m);
                    ep += g[i] * (double) (x[i] - m);
                    scale += Math.abs(g[i] * (double) (x[i] - m)) + x[i] * (double) x[i];
                }
                double tol = 1e-5 * (scale + 1);
                assertEquals(es, s, tol);
                assertEquals(eq, q, tol);
                assertEquals(ep, p, tol);
            }
        }
    }
}
