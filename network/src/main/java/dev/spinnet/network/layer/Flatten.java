package dev.spinnet.network.layer;

import dev.spinnet.network.tensor.Tensor;

/** [N, ...] to [N, prod(...)]; shares the data array, no copy. */
public final class Flatten implements Layer {
    private int[] inShape;

    @Override
    public int[] outputShape(int[] s) {
        int per = 1;
        for (int i = 1; i < s.length; i++) {
            per *= s[i];
        }
        return new int[]{s[0], per};
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        inShape = x.shape();
        return x.reshape(outputShape(inShape));
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        return gradOut.reshape(inShape);
    }
}
