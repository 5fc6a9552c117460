package dev.spinnet.network.kernel;

import dev.spinnet.network.tensor.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * im2col against its definition, and col2im as its exact adjoint, on maps with short rows (the gather
 * path) and long ones (the row-copy path), several kernel sizes and paddings, and a chunk that starts
 * inside the batch.
 */
class Im2colTest {
    private static final int[][] CASES = {
        // c, h, w, k, pad
        {3, 3, 3, 3, 1}, {2, 1, 1, 3, 1}, {4, 5, 7, 3, 1}, {2, 9, 9, 3, 1}, {3, 8, 13, 5, 2},
        {2, 6, 4, 2, 0}, {1, 12, 12, 5, 0}, {2, 4, 9, 3, 0}, {2, 2, 3, 1, 0}, {2, 3, 5, 5, 2},
    };

    private static float[] random(int n, long seed) {
        Rng r = new Rng(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    @Test
    void columnsHoldTheShiftedPixelsOrZeroInThePadding() {
        for (int[] cs : CASES) {
            int c = cs[0], h = cs[1], w = cs[2], k = cs[3], pad = cs[4];
            int ho = h + 2 * pad - k + 1;
            int wo = w + 2 * pad - k + 1;
            int n = 5, first = 1, count = 3;
            float[] x = random(n * c * h * w, 1);
            int ld = count * ho * wo;
            float[] cols = random(c * k * k * ld, 2); // garbage the call must overwrite
            Im2col.im2col(x, first, count, c, h, w, k, pad, cols);
            for (int ch = 0; ch < c; ch++) {
                for (int ki = 0; ki < k; ki++) {
                    for (int kj = 0; kj < k; kj++) {
                        for (int b = 0; b < count; b++) {
                            for (int oy = 0; oy < ho; oy++) {
                                for (int ox = 0; ox < wo; ox++) {
                                    int iy = oy + ki - pad;
                                    int ix = ox + kj - pad;
                                    float want = iy < 0 || iy >= h || ix < 0 || ix >= w ? 0f
                                            : x[(((first + b) * c + ch) * h + iy) * w + ix];
                                    int row = (ch * k + ki) * k + kj;
                                    assertEquals(want, cols[row * ld + b * ho * wo + oy * wo + ox],
                                            java.util.Arrays.toString(cs));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void col2imIsTheAdjointOfIm2col() {
        for (int[] cs : CASES) {
            int c = cs[0], h = cs[1], w = cs[2], k = cs[3], pad = cs[4];
            int ho = h + 2 * pad - k + 1;
            int wo = w + 2 * pad - k + 1;
            int n = 4, first = 2, count = 2;
            float[] x = random(n * c * h * w, 3);
            float[] g = random(c * k * k * count * ho * wo, 4);
            float[] cols = new float[g.length];
            Im2col.im2col(x, first, count, c, h, w, k, pad, cols);
            float[] dx = new float[x.length];
            Im2col.col2im(g, first, count, c, h, w, k, pad, dx);
            double lhs = 0;
            double scale = 0;
            for (int i = 0; i < g.length; i++) {
                lhs += (double) g[i] * cols[i];
                scale += Math.abs((double) g[i] * cols[i]);
            }
            double rhs = 0;
            for (int i = 0; i < x.length; i++) {
                rhs += (double) dx[i] * x[i];
            }
            assertEquals(lhs, rhs, 1e-5 * scale, java.util.Arrays.toString(cs));
            // Images outside the chunk receive nothing.
            for (int i = 0; i < first * c * h * w; i++) {
                assertEquals(0f, dx[i]);
            }
        }
    }
}
