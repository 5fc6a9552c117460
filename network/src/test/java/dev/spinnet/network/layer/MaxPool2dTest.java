package dev.spinnet.network.layer;

import dev.spinnet.network.kernel.Parallel;
import dev.spinnet.network.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The 2x2 pool against a plain argmax: maps wide enough for the 8-window vector path, with
 * scalar tails, odd sizes, many ties (zeros, as after a bias-free conv of a blank background)
 * and NaN. Ties must go to the first value in row-major order, as PyTorch.
 */
class MaxPool2dTest {
    private static float[] input(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < x.length; i++) {
            int kind = r.nextInt(8);
            x[i] = kind == 0 ? 0f : kind == 1 ? 1f : (float) r.nextGaussian();
        }
        x[r.nextInt(x.length)] = Float.NaN;
        return x;
    }

    /** One forward/backward of {@code pool} on fresh data, checked against the reference. */
    private static void roundTrip(MaxPool2d pool, Random r, int[] s) {
        float[] x = input(r, s[0] * s[1] * s[2] * s[3]);
        Tensor y = pool.forward(new Tensor(x.clone(), s), true);
        float[] dy = new float[y.size()];
        for (int i = 0; i < dy.length; i++) {
            dy[i] = 1 + r.nextInt(1000);
        }
        Tensor dx = pool.backward(new Tensor(dy, y.shape()));
        int ho = s[2] / 2;
        int wo = s[3] / 2;
        float[] expDx = new float[x.length];
        boolean[] nanWindow = new boolean[y.size()];
        for (int p = 0; p < s[0] * s[1]; p++) {
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    int best = -1;
                    float bv = 0;
                    for (int dyy = 0; dyy < 2; dyy++) {
                        for (int dxx = 0; dxx < 2; dxx++) {
                            int i = p * s[2] * s[3] + (2 * oy + dyy) * s[3] + 2 * ox + dxx;
                            if (best < 0 || x[i] > bv || (Float.isNaN(x[i]) && !Float.isNaN(bv))) {
                                best = i;
                                bv = x[i];
                            }
                        }
                    }
                    int o = (p * ho + oy) * wo + ox;
                    assertEquals(bv, y.data[o], 0f, "forward at " + o);
                    if (Float.isNaN(bv)) {
                        // Forward propagates NaN; where its gradient goes is unspecified.
                        nanWindow[o] = true;
                        continue;
                    }
                    expDx[best] = dy[o];
                }
            }
        }
        for (int i = 0; i < x.length; i++) {
            int plane = i / (s[2] * s[3]);
            int row = i / s[3] % s[2];
            int col = i % s[3];
            if (row / 2 < ho && col / 2 < wo && nanWindow[(plane * ho + row / 2) * wo + col / 2]) {
                continue;
            }
            assertEquals(expDx[i], dx.data[i], 0f, "backward at " + i + " of " + Arrays.toString(s));
        }
    }

    @Test
    void vectorAndScalarPathsMatchFirstMaxReference() {
        Random r = new Random(5);
        int old = Parallel.threads();
        Parallel.setThreads(3);
        try {
            int[][] shapes = {{2, 3, 24, 24}, {1, 2, 18, 20}, {2, 1, 33, 35}, {1, 2, 32, 32}, {3, 2, 10, 10},
                {1, 1, 17, 16}, {1, 1, 16, 17}, {5, 8, 32, 32}};
            for (int[] s : shapes) {
                // Two rounds on one layer: the second reuses the gradient buffer, so a value the
                // backward fails to overwrite would show up stale.
                MaxPool2d pool = new MaxPool2d(2);
                roundTrip(pool, r, s);
                roundTrip(pool, r, s);
            }
            // Many rounds on one small map, so the JIT compiles the vector code being checked.
            MaxPool2d pool = new MaxPool2d(2);
            for (int round = 0; round < 2000; round++) {
                roundTrip(pool, r, new int[] {1, 1, 4, 32});
            }
        } finally {
            Parallel.setThreads(old);
        }
    }
}
