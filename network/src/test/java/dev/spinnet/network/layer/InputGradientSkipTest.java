package dev.spinnet.network.layer;

import dev.spinnet.network.tensor.Rng;
import dev.spinnet.network.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chain skips the input gradient of a layer below which nothing learns (the CIFAR-10 net once its
 * whitening bias is frozen), and the parameter gradients stay exactly those of the full backward pass.
 */
class InputGradientSkipTest {

    /** A frozen 2x2 "whitening" conv with a bias, an activation, and two 3x3 convs (im2col and Winograd). */
    private static Sequential net(boolean whitenBiasTrainable) {
        Rng rng = new Rng(3);
        Conv2d whiten = new Conv2d(3, 8, 2, 0, true, rng).inputGradNeeded(false);
        whiten.weight().trainable = false;
        whiten.bias().trainable = whitenBiasTrainable;
        for (int i = 0; i < whiten.bias().value.length; i++) {
            whiten.bias().value[i] = 0.1f * (i - 4);
        }
        return new Sequential(whiten, new Activation(new Celu(0.3f)), new Conv2d(8, 40, 3, 1, true, rng),
                new Activation(new Celu(0.3f)), new Conv2d(40, 6, 3, 1, false, rng));
    }

    private static float[][] grads(Sequential s, boolean chainInputGradient) {
        Rng rng = new Rng(11);
        float[] x = new float[2 * 3 * 9 * 9];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        Tensor y = s.forward(new Tensor(x, 2, 3, 9, 9), true);
        float[] g = new float[y.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) rng.nextGaussian();
        }
        s.zeroGrad();
        Tensor dx = s.backward(new Tensor(g, y.shape()), chainInputGradient);
        assertNull(dx, "the frozen first layer never returns the data's gradient");
        // Frozen parameters' gradients are not part of the contract: the lean pass may skip them.
        return s.params().stream().filter(p -> p.trainable).map(p -> p.grad.clone()).toArray(float[][]::new);
    }

    @Test
    void frozenLayersBelowAConvolutionSkipItsInputGradientWithSameParameterGradients() {
        for (Conv2d.ConvAlgorithm a : new Conv2d.ConvAlgorithm[] {Conv2d.ConvAlgorithm.GEMM,
                Conv2d.ConvAlgorithm.WINOGRAD}) {
            Conv2d.ConvAlgorithm old = Conv2d.algorithm();
            Conv2d.setAlgorithm(a);
            try {
                for (boolean biasTrains : new boolean[] {false, true}) {
                    Sequential full = net(biasTrains);
                    Sequential lean = net(biasTrains);
                    float[][] want = grads(full, true);
                    float[][] got = grads(lean, false);
                    for (int p = 0; p < want.length; p++) {
                        assertArrayEquals(want[p], got[p], a + " bias trains " + biasTrains + " param " + p);
                    }
                    // The first 3x3 conv (layer 2) computes its input gradient only while the bias learns.
                    assertTrue(lean.inputGradientNeeded(2, false) == biasTrains, a + " " + biasTrains);
                    assertTrue(lean.inputGradientNeeded(4, false));
                    assertTrue(full.inputGradientNeeded(2, true));
                }
            } finally {
                Conv2d.setAlgorithm(old);
            }
        }
    }

    @Test
    void aConvolutionToldItsInputGradientIsUnusedReturnsNone() {
        Rng rng = new Rng(5);
        Conv2d c = new Conv2d(4, 5, 3, 1, true, rng);
        Tensor y = c.forward(new Tensor(new float[2 * 4 * 6 * 6], 2, 4, 6, 6), true);
        Tensor g = new Tensor(new float[y.size()], y.shape());
        assertNull(c.backward(g, false));
        assertNotNull(c.backward(g, true));
        assertNotNull(c.backward(g));
        assertFalse(new Sequential(c).inputGradientNeeded(0, false));
    }
}
