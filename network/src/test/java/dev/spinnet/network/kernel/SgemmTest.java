package dev.spinnet.network.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The blocked vector SGEMM against the double-accumulating triple loop {@link Sgemm#reference}. */
class SgemmTest {

    /** Shapes around every blocking boundary: MR, NR, KC (384) and MC (240), plus the tiny path. */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {7, 13, 5}, {3, 1, 17}, {1, 40, 3}, {17, 33, 300}, {8, 32, 64}, {9, 33, 65},
        {16, 64, 384}, {23, 47, 385}, {31, 95, 769}, {241, 37, 20}, {250, 70, 130},
        {64, 216, 400}, {5, 2100, 7}, {40, 31, 1}, {520, 45, 200},
    };

    private static final boolean[] BOOLS = {false, true};

    @Test
    void matchesReferenceForAllTransposesAndShapes() {
        Random rnd = new Random(1);
        for (int[] s : SHAPES) {
            for (boolean ta : BOOLS) {
                for (boolean tb : BOOLS) {
                    check(rnd, ta, tb, s[0], s[1], s[2], 1f, 0f, 0, 0, 0, 0, false);
                }
            }
        }
    }

    @Test
    void offsetsLeadingDimensionsAlphaBeta() {
        Random rnd = new Random(2);
        float[][] alphaBeta = {{1f, 1f}, {-0.5f, 2f}, {2.5f, 0f}, {1f, -1f}, {0.25f, 0.5f}};
        int[][] shapes = {{7, 13, 5}, {17, 33, 300}, {26, 70, 450}, {1, 1, 1}, {9, 40, 16}};
        int i = 0;
        for (int[] s : shapes) {
            for (float[] ab : alphaBeta) {
                for (boolean ta : BOOLS) {
                    for (boolean tb : BOOLS) {
                        int pad = 1 + (i++ % 5);
                        check(rnd, ta, tb, s[0], s[1], s[2], ab[0], ab[1], 3 + pad, pad, 2 * pad,
                                pad + 1, false);
                    }
                }
            }
        }
    }

    @Test
    void betaZeroOverwritesNaNGarbage() {
        Random rnd = new Random(3);
        for (int[] s : new int[][] {{7, 13, 5}, {17, 33, 300}, {16, 64, 800}, {9, 35, 1}, {2, 3, 0}}) {
            for (boolean ta : BOOLS) {
                for (boolean tb : BOOLS) {
                    check(rnd, ta, tb, s[0], s[1], s[2], 1.5f, 0f, 1, 2, 3, 4, true);
                }
            }
        }
    }

    @Test
    void degenerateDimensions() {
        float[] c = {Float.NaN, 2f, 3f, 4f};
        // k == 0: C = beta * C; beta == 0 clears NaN.
        Sgemm.gemm(false, false, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 0f, c, 0, 2);
        assertEquals(0f, c[0]);
        float[] d = {1f, 2f, 3f, 4f};
        Sgemm.gemm(false, false, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 2f, d, 0, 2);
        assertEquals(8f, d[3]);
        // alpha == 0 ignores A and B entirely (even NaN ones).
        float[] nan = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        Sgemm.gemm(false, false, 2, 2, 2, 0f, nan, 0, 2, nan, 0, 2, 1f, d, 0, 2);
        assertEquals(8f, d[3]);
        // m == 0 or n == 0: nothing touched.
        Sgemm.gemm(false, false, 0, 2, 2, 1f, nan, 0, 2, nan, 0, 2, 0f, d, 0, 2);
        assertEquals(8f, d[3]);
        assertThrows(IllegalArgumentException.class,
                () -> Sgemm.gemm(false, false, -1, 2, 2, 1f, nan, 0, 2, nan, 0, 2, 0f, d, 0, 2));
    }

    @Test
    void parallelMatchesSerialExactly() {
        Random rnd = new Random(4);
        // Wide (column split), tall (row split), odd sizes; results must be bitwise identical to
        // the serial kernel because each part runs the same code on the same data. All are above
        // the size where gemmParallel splits at all.
        int[][] shapes = {{40, 400, 150}, {300, 40, 120}, {33, 530, 70}, {110, 110, 110}};
        for (int[] s : shapes) {
            assertTrue((long) s[0] * s[1] * s[2] >= Sgemm.PARALLEL_MIN_WORK, "shape too small to be split");
            for (boolean ta : BOOLS) {
                for (boolean tb : BOOLS) {
                    int m = s[0];
                    int n = s[1];
                    int k = s[2];
                    int lda = (ta ? m : k) + 3;
                    int ldb = (tb ? k : n) + 2;
                    int ldc = n + 5;
                    float[] a = random(rnd, (ta ? k : m) * lda + 7);
                    float[] b = random(rnd, (tb ? n : k) * ldb + 7);
                    float[] c0 = random(rnd, m * ldc + 9);
                    float[] serial = c0.clone();
                    float[] parallel = c0.clone();
                    Sgemm.gemm(ta, tb, m, n, k, 0.7f, a, 7, lda, b, 5, ldb, 0.3f, serial, 9, ldc);
                    for (int threads : new int[] {2, 3, 8}) {
                        float[] p = c0.clone();
                        Sgemm.gemmParallel(threads, ta, tb, m, n, k, 0.7f, a, 7, lda, b, 5, ldb,
                                0.3f, p, 9, ldc);
                        if (!Arrays.equals(serial, p)) {
                            fail("parallel(" + threads + ") differs from serial for " + m + "x" + n
                                    + "x" + k + " ta=" + ta + " tb=" + tb);
                        }
                    }
                    Sgemm.gemmParallel(1, ta, tb, m, n, k, 0.7f, a, 7, lda, b, 5, ldb, 0.3f,
                            parallel, 9, ldc);
                    assertFalse(!Arrays.equals(serial, parallel), "gemmParallel(1) == gemm");
                }
            }
        }
    }

    @Test
    void parallelPropagatesFailures() {
        float[] small = new float[10];
        assertThrows(IndexOutOfBoundsException.class, () -> Sgemm.gemmParallel(2, false, false,
                200, 200, 200, 1f, small, 0, 200, small, 0, 200, 0f, small, 0, 200));
    }

    /**
     * Runs gemm on randomly padded storage and compares the m x n window with the reference;
     * also checks that the padding around the window is untouched.
     */
    private static void check(Random rnd, boolean ta, boolean tb, int m, int n, int k, float alpha,
                              float beta, int offPad, int ldaPad, int ldbPad, int ldcPad,
                              boolean nanC) {
        int lda = (ta ? m : k) + ldaPad;
        int ldb = (tb ? k : n) + ldbPad;
        int ldc = n + ldcPad;
        int aOff = offPad;
        int bOff = 2 * offPad;
        int cOff = offPad + 1;
        float[] a = random(rnd, aOff + (ta ? k : m) * lda + 3);
        float[] b = random(rnd, bOff + (tb ? n : k) * ldb + 3);
        float[] c = random(rnd, cOff + m * ldc + 3);
        if (nanC) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    c[cOff + i * ldc + j] = (i + j) % 2 == 0 ? Float.NaN : Float.POSITIVE_INFINITY;
                }
            }
        }
        float[] expect = c.clone();
        Sgemm.reference(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, expect, cOff, ldc);
        float[] got = c.clone();
        Sgemm.gemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, got, cOff, ldc);
        // Float sums of k products of O(1) terms: rounding error grows ~ sqrt(k) * eps * |terms|.
        double tol = 1e-5 * Math.sqrt(Math.max(k, 1)) * (Math.abs(alpha) + Math.abs(beta) + 1) * 4;
        String what = m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb + " alpha=" + alpha
                + " beta=" + beta;
        for (int idx = 0; idx < c.length; idx++) {
            int rel = idx - cOff;
            boolean inside = rel >= 0 && rel / ldc < m && rel % ldc < n;
            if (!inside) {
                if (Float.floatToRawIntBits(got[idx]) != Float.floatToRawIntBits(c[idx])) {
                    fail("wrote outside C window at " + idx + " for " + what);
                }
                continue;
            }
            float e = expect[idx];
            float g = got[idx];
            if (Float.isNaN(g) || Math.abs(g - e) > tol * Math.max(1.0, Math.abs(e))) {
                fail("C[" + rel / ldc + "," + rel % ldc + "] = " + g + ", expected " + e + " for "
                        + what);
            }
        }
    }

    private static float[] random(Random rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = rnd.nextFloat() * 2f - 1f;
        }
        return x;
    }
}
