package dev.spinnet.network.layer;

import dev.spinnet.network.tensor.Tensor;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * One differentiable stage. {@link #forward} keeps what {@link #backward} needs; backward
 * accumulates into the parameters' gradients and returns the gradient of the input. Returned
 * tensors are owned by the layer and overwritten by its next call.
 */
public interface Layer {
    Tensor forward(Tensor x, boolean training);

    Tensor backward(Tensor gradOut);

    /**
     * {@link #backward}, told whether the caller will use the input gradient. A layer may then skip
     * computing it and return {@code null} (a convolution saves one of its two backward GEMMs); the
     * parameter gradients are the same either way.
     */
    default Tensor backward(Tensor gradOut, boolean inputGradientNeeded) {
        return backward(gradOut);
    }

    default List<Param> params() {
        return List.of();
    }

    /** Non-trainable state arrays (running statistics), for weight averaging. */
    default List<float[]> buffers() {
        return List.of();
    }

    /** Non-trainable state that a checkpoint must keep (running statistics). */
    default void writeState(DataOutputStream out) throws IOException {
    }

    default void readState(DataInputStream in) throws IOException {
    }

    /** Multiply-adds per item of the batch in forward, for FLOP accounting (2 FLOP each). */
    default long forwardMacsPerItem(int[] inputShape) {
        return 0;
    }

    /** Output shape for an input shape (including the batch dimension). */
    int[] outputShape(int[] inputShape);

    default String describe() {
        return getClass().getSimpleName();
    }
}
