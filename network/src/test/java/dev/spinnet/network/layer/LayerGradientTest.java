package dev.spinnet.network.layer;

import dev.spinnet.network.kernel.Parallel;
import dev.spinnet.network.tensor.Rng;
import dev.spinnet.network.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Finite-difference checks of every layer's backward pass. */
class LayerGradientTest {
    private static final double H = 1e-2;
    private static final double TOL = 2e-2;

    @Test
    void conv2dWithPaddingAndBias() {
        Rng rng = new Rng(1);
        Conv2d conv = new Conv2d(3, 5, 3, 1, true, rng);
        GradientCheck.check(conv, GradientCheck.random(rng, 2, 3, 6, 7), true, H, TOL, 11);
    }

    @Test
    void conv2dEvenKernelNoPaddingManyImagesPerChunk() {
        Rng rng = new Rng(2);
        Conv2d conv = new Conv2d(2, 4, 2, 0, false, rng);
        GradientCheck.check(conv, GradientCheck.random(rng, 5, 2, 5, 5), true, H, TOL, 12);
    }

    @Test
    void conv2dFiveByFiveOnTwoThreads() {
        int old = Parallel.threads();
        Parallel.setThreads(2);
        try {
            Rng rng = new Rng(3);
            Conv2d conv = new Conv2d(2, 3, 5, 2, true, rng);
            GradientCheck.check(conv, GradientCheck.random(rng, 4, 2, 9, 8), true, H, TOL, 13);
        } finally {
            Parallel.setThreads(old);
        }
    }

    @Test
    void conv2dMatchesDirectConvolution() {
        Rng rng = new Rng(4);
        int cin = 3;
        int cout = 4;
        int k = 3;
        int pad = 1;
        Conv2d conv = new Conv2d(cin, cout, k, pad, true, rng);
        for (int i = 0; i < cout; i++) {
            conv.bias().value[i] = (float) rng.nextGaussian();
        }
        Tensor x = GradientCheck.random(rng, 2, cin, 5, 6);
        Tensor y = conv.forward(x, false);
        float[] w = conv.weight().value;
        for (int b = 0; b < 2; b++) {
            for (int o = 0; o < cout; o++) {
                for (int oy = 0; oy < 5; oy++) {
                    for (int ox = 0; ox < 6; ox++) {
                        double s = conv.bias().value[o];
                        for (int c = 0; c < cin; c++) {
                            for (int ki = 0; ki < k; ki++) {
                                for (int kj = 0; kj < k; kj++) {
                                    int iy = oy + ki - pad;
                                    int ix = ox + kj - pad;
                                    if (iy < 0 || iy >= 5 || ix < 0 || ix >= 6) {
                                        continue;
                                    }
                                    s += w[((o * cin + c) * k + ki) * k + kj] * x.data[((b * cin + c) * 5 + iy) * 6 + ix];
                                }
                            }
                        }
                        assertEquals(s, y.data[((b * cout + o) * 5 + oy) * 6 + ox], 1e-4);
                    }
                }
            }
        }
    }

    @Test
    void frozenConvStillGivesBiasGradient() {
        Rng rng = new Rng(5);
        Conv2d conv = new Conv2d(3, 4, 2, 0, true, rng);
        conv.weight().trainable = false;
        GradientCheck.check(conv, GradientCheck.random(rng, 2, 3, 4, 4), true, H, TOL, 14);
    }

    @Test
    void linear() {
        Rng rng = new Rng(6);
        GradientCheck.check(new Linear(7, 5, true, rng), GradientCheck.random(rng, 3, 7), true, H, TOL, 15);
    }

    @Test
    void batchNormTrainingFourD() {
        Rng rng = new Rng(7);
        BatchNorm bn = new BatchNorm(3, 0.1f, 1e-5f, false);
        for (int c = 0; c < 3; c++) {
            bn.gamma().value[c] = 0.5f + c;
            bn.beta().value[c] = 0.1f * c;
        }
        GradientCheck.check(bn, GradientCheck.random(rng, 4, 3, 3, 2), true, 1e-2, 3e-2, 16);
    }

    @Test
    void batchNormFrozenScaleTwoD() {
        Rng rng = new Rng(8);
        BatchNorm bn = new BatchNorm(4, 0.1f, 1e-5f, true);
        GradientCheck.check(bn, GradientCheck.random(rng, 6, 4), true, 1e-2, 3e-2, 17);
    }

    @Test
    void batchNormEvalUsesRunningStatistics() {
        Rng rng = new Rng(9);
        BatchNorm bn = new BatchNorm(2, 1f, 1e-5f, false);
        Tensor x = GradientCheck.random(rng, 8, 2, 3, 3);
        Tensor yTrain = bn.forward(x, true).reshape(8, 2, 3, 3);
        float[] train = yTrain.data.clone();
        // With momentum 1 the running mean is the batch mean; running var the unbiased variance.
        Tensor yEval = bn.forward(x, false);
        double n = 8 * 9;
        for (int i = 0; i < train.length; i++) {
            assertEquals(train[i] * Math.sqrt((n - 1) / n), yEval.data[i], 2e-3);
        }
    }

    @Test
    void maxPool() {
        Rng rng = new Rng(10);
        GradientCheck.check(new MaxPool2d(2), GradientCheck.random(rng, 2, 3, 5, 4), true, 1e-3, TOL, 18);
    }

    @Test
    void globalPools() {
        Rng rng = new Rng(11);
        GradientCheck.check(new GlobalPool(GlobalPool.Kind.MAX), GradientCheck.random(rng, 2, 3, 3, 3), true, 1e-3, TOL, 19);
        GradientCheck.check(new GlobalPool(GlobalPool.Kind.AVG), GradientCheck.random(rng, 2, 3, 3, 3), true, H, TOL, 20);
    }

    @Test
    void activations() {
        Rng rng = new Rng(12);
        ActivationFunction[] fns = {new Relu(), new Celu(0.3f), new Celu(1.5f), new Gelu(),
                LookupActivation.tabulate(new Celu(0.5f), -4, 4, 33)};
        for (ActivationFunction f : fns) {
            GradientCheck.check(new Activation(f), GradientCheck.random(rng, 3, 40), true, 1e-3, TOL, 21);
        }
    }

    @Test
    void scaleAndFlatten() {
        Rng rng = new Rng(13);
        GradientCheck.check(new Sequential(new Flatten(), new Scale(1f / 9)), GradientCheck.random(rng, 2, 3, 2, 2),
                true, H, TOL, 22);
    }

    @Test
    void smallNetworkEndToEnd() {
        Rng rng = new Rng(14);
        Sequential net = new Sequential(
                new Conv2d(2, 4, 3, 1, false, rng), new BatchNorm(4, 0.1f, 1e-5f, false),
                new Activation(new Celu(0.5f)), new MaxPool2d(2),
                new Conv2d(4, 4, 3, 1, true, rng), new Activation(new Gelu()),
                new GlobalPool(GlobalPool.Kind.AVG), new Linear(4, 3, true, rng), new Scale(0.5f));
        GradientCheck.check(net, GradientCheck.random(rng, 3, 2, 6, 6), true, 1e-2, 3e-2, 23);
    }
}
