package dev.spinnet.network.train;

import dev.spinnet.network.layer.Conv2d;
import dev.spinnet.network.tensor.Rng;
import dev.spinnet.network.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AugmentAndWhiteningTest {
    @Test
    void reflectIndexing() {
        assertEquals(1, Augment.reflect(-1, 5));
        assertEquals(2, Augment.reflect(-2, 5));
        assertEquals(3, Augment.reflect(5, 5));
        assertEquals(2, Augment.reflect(6, 5));
        assertEquals(4, Augment.reflect(4, 5));
    }

    @Test
    void flipAndShift() {
        float[] in = {1, 2, 3, 4, 5, 6};   // 1 channel, 2 x 3
        float[] out = new float[6];
        Augment.copyShifted(in, 0, out, 0, 1, 2, 3, 0, 0, true);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[]{3, 2, 1, 6, 5, 4}, out);
        Augment.copyShifted(in, 0, out, 0, 1, 2, 3, 1, 0, false);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[]{2, 3, 2, 5, 6, 5}, out);
        Augment.copyShifted(in, 0, out, 0, 1, 2, 3, 0, 1, false);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[]{4, 5, 6, 1, 2, 3}, out);
    }

    @Test
    void whitenedPatchesHaveUnitCovariance() {
        // Correlated 3-channel images: channel 1 and 2 follow channel 0 plus noise.
        Rng r = new Rng(3);
        int n = 200;
        float[] img = new float[n * 3 * 8 * 8];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 64; p++) {
                float base = (float) r.nextGaussian();
                img[(i * 3) * 64 + p] = base;
                img[(i * 3 + 1) * 64 + p] = 0.8f * base + 0.2f * (float) r.nextGaussian();
                img[(i * 3 + 2) * 64 + p] = -0.5f * base + 0.5f * (float) r.nextGaussian();
            }
        }
        TrainingData data = new TrainingData(n, 3, 8, 8, img, new int[n], 1);
        Conv2d conv = new Conv2d(3, 24, 2, 0, false, r);
        Whitening.init(conv, data, 2, n, 1e-9);
        Tensor y = conv.forward(new Tensor(img, n, 3, 8, 8), false);
        // The first 12 outputs are the whitened coordinates: unit variance, uncorrelated.
        int hw = 49;
        double[][] c = new double[12][12];
        double[] m = new double[12];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < hw; p++) {
                for (int a = 0; a < 12; a++) {
                    m[a] += y.data[(i * 24 + a) * hw + p];
                }
            }
        }
        long cnt = (long) n * hw;
        for (int a = 0; a < 12; a++) {
            m[a] /= cnt;
        }
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < hw; p++) {
                for (int a = 0; a < 12; a++) {
                    for (int b = 0; b < 12; b++) {
                        c[a][b] += (y.data[(i * 24 + a) * hw + p] - m[a]) * (y.data[(i * 24 + b) * hw + p] - m[b]);
                    }
                }
            }
        }
        for (int a = 0; a < 12; a++) {
            for (int b = 0; b < 12; b++) {
                assertEquals(a == b ? 1.0 : 0.0, c[a][b] / cnt, 1e-3, "cov[" + a + "][" + b + "]");
            }
        }
    }
}
