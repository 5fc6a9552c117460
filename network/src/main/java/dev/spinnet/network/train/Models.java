package dev.spinnet.network.train;

import dev.spinnet.network.layer.Activation;
import dev.spinnet.network.layer.ActivationFunction;
import dev.spinnet.network.layer.BatchNorm;
import dev.spinnet.network.layer.Conv2d;
import dev.spinnet.network.layer.Flatten;
import dev.spinnet.network.layer.GlobalPool;
import dev.spinnet.network.layer.Layer;
import dev.spinnet.network.layer.Linear;
import dev.spinnet.network.layer.MaxPool2d;
import dev.spinnet.network.layer.Scale;
import dev.spinnet.network.layer.Sequential;
import dev.spinnet.network.tensor.Rng;

import java.util.ArrayList;
import java.util.List;

/** The two reference networks. */
public final class Models {
    private Models() {
    }

    /**
     * MNIST CNN: conv 5x5 -> pool -> BN -> act, conv 3x3 -> pool -> BN -> act, FC -> BN -> act, FC.
     * Pooling before the pointwise stages (as airbench) does them on a quarter of the values.
     *
     * @param c1 first conv width
     * @param c2 second conv width
     * @param hidden width of the hidden fully connected layer
     */
    public static Model mnist(int c1, int c2, int hidden, ActivationFunction act, long seed) {
        Rng rng = Rng.of(seed, 1);
        Conv2d first = new Conv2d(1, c1, 5, 0, false, rng).inputGradNeeded(false);
        Sequential net = new Sequential(
                first, new MaxPool2d(2), new BatchNorm(c1, 0.1f, 1e-5f, false), new Activation(act),
                new Conv2d(c1, c2, 3, 0, false, rng), new MaxPool2d(2), new BatchNorm(c2, 0.1f, 1e-5f, false),
                new Activation(act),
                new Flatten(), new Linear(c2 * 5 * 5, hidden, false, rng), new BatchNorm(hidden, 0.1f, 1e-5f, false),
                new Activation(act), new Linear(hidden, 10, true, rng));
        return new Model("mnist-cnn-" + c1 + "-" + c2 + "-" + hidden, net, new int[]{1, 28, 28}, null);
    }

    /** Airbench decays every parameter, BatchNorm biases included. */
    private static BatchNorm decayedBias(BatchNorm bn) {
        bn.beta().decay = true;
        return bn;
    }

    /**
     * Airbench-class CIFAR-10 net: frozen 2x2 whitening conv (+ trainable bias), then three
     * groups conv3x3 -> maxpool2 -> BN -> act -> conv3x3 -> BN -> act, global max pool, linear
     * without bias, x 1/9. BatchNorm scales frozen at 1; partial dirac initialisation.
     */
    public static Model airbench(int[] widths, ActivationFunction act, TrainingData whitenFrom, long seed) {
        Rng rng = Rng.of(seed, 2);
        int cin = whitenFrom.channels;
        int whiteOut = 2 * cin * 4;
        Conv2d whiten = new Conv2d(cin, whiteOut, 2, 0, true, rng).inputGradNeeded(false);
        java.util.Arrays.fill(whiten.bias().value, 0f);
        whiten.bias().decay = true;
        Whitening.init(whiten, whitenFrom, 2, 5000, 5e-4);
        List<Layer> layers = new ArrayList<>();
        layers.add(whiten);
        layers.add(new Activation(act));
        int in = whiteOut;
        float bnMomentum = 0.4f;   // airbench's 0.6 in its own convention (1 - PyTorch's)
        for (int w : widths) {
            Conv2d a = new Conv2d(in, w, 3, 1, false, rng);
            a.diracInit();
            Conv2d b = new Conv2d(w, w, 3, 1, false, rng);
            b.diracInit();
            layers.add(a);
            layers.add(new MaxPool2d(2));
            layers.add(decayedBias(new BatchNorm(w, bnMomentum, 1e-12f, true)));
            layers.add(new Activation(act));
            layers.add(b);
            layers.add(decayedBias(new BatchNorm(w, bnMomentum, 1e-12f, true)));
            layers.add(new Activation(act));
            in = w;
        }
        layers.add(new GlobalPool(GlobalPool.Kind.MAX));
        layers.add(new Linear(in, 10, false, rng));
        layers.add(new Scale(1f / 9));
        StringBuilder name = new StringBuilder("airbench");
        for (int w : widths) {
            name.append('-').append(w);
        }
        return new Model(name.toString(), new Sequential(layers), new int[]{cin, whitenFrom.height, whitenFrom.width},
                whiten.bias());
    }
}
