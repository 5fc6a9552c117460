package dev.spinnet.network.layer;

import dev.spinnet.network.tensor.Tensor;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A chain of layers; itself a layer. */
public final class Sequential implements Layer {
    private final List<Layer> layers;

    public Sequential(List<Layer> layers) {
        this.layers = List.copyOf(layers);
    }

    public Sequential(Layer... layers) {
        this(Arrays.asList(layers));
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        Tensor t = x;
        for (Layer l : layers) {
            t = l.forward(t, training);
        }
        return t;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        return backward(gradOut, true);
    }

    /**
     * Backpropagates through the chain. A layer's input gradient is computed only where something below
     * it still learns, or the caller asked for it: once the whitening bias is frozen, the first CIFAR-10
     * convolution no longer pays for the gradient of its input.
     */
    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradientNeeded) {
        int first = inputGradientNeeded ? -1 : firstLearningLayer();
        Tensor g = gradOut;
        for (int i = layers.size() - 1; i >= 0 && g != null; i--) {
            g = layers.get(i).backward(g, i > first);
        }
        return g;
    }

    /**
     * Whether layer {@code i}'s input gradient is used: some layer before it has a trainable parameter,
     * or the caller wants the gradient of this chain's input.
     */
    public boolean inputGradientNeeded(int i, boolean chainInputGradientNeeded) {
        return chainInputGradientNeeded || i > firstLearningLayer();
    }

    /** Index of the first layer with a trainable parameter; the layer count when none has one. */
    private int firstLearningLayer() {
        for (int j = 0; j < layers.size(); j++) {
            for (Param p : layers.get(j).params()) {
                if (p.trainable) {
                    return j;
                }
            }
        }
        return layers.size();
    }

    @Override
    public List<Param> params() {
        List<Param> ps = new ArrayList<>();
        for (Layer l : layers) {
            ps.addAll(l.params());
        }
        return ps;
    }

    @Override
    public List<float[]> buffers() {
        List<float[]> bs = new ArrayList<>();
        for (Layer l : layers) {
            bs.addAll(l.buffers());
        }
        return bs;
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        for (Layer l : layers) {
            l.writeState(out);
        }
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        for (Layer l : layers) {
            l.readState(in);
        }
    }

    @Override
    public int[] outputShape(int[] s) {
        int[] t = s;
        for (Layer l : layers) {
            t = l.outputShape(t);
        }
        return t;
    }

    @Override
    public long forwardMacsPerItem(int[] s) {
        long macs = 0;
        int[] t = s;
        for (Layer l : layers) {
            macs += l.forwardMacsPerItem(t);
            t = l.outputShape(t);
        }
        return macs;
    }

    public void zeroGrad() {
        for (Param p : params()) {
            p.zeroGrad();
        }
    }

    /** One line per layer with its output shape, for logs and reports. */
    public String summary(int[] inputShape) {
        StringBuilder sb = new StringBuilder();
        int[] t = inputShape;
        long params = 0;
        for (Layer l : layers) {
            t = l.outputShape(t);
            long p = l.params().stream().mapToLong(Param::size).sum();
            params += p;
            sb.append(String.format("  %-48s -> %s%n", l.describe(), Arrays.toString(t)));
        }
        sb.append(String.format("  parameters: %,d; forward MACs per image: %,d%n", params,
                forwardMacsPerItem(inputShape)));
        return sb.toString();
    }

    @Override
    public String describe() {
        return "Sequential(" + layers.size() + " layers)";
    }
}
