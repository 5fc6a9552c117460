package dev.spinnet.network.layer;

import dev.spinnet.network.tensor.Tensor;

/** Multiplies by a constant (the airbench head's 1/9 temperature). */
public final class Scale implements Layer {
    private final float factor;
    private Tensor output;
    private Tensor gradInput;

    public Scale(float factor) {
        if (!Float.isFinite(factor)) {
            throw new IllegalArgumentException("scale factor must be finite, got " + factor);
        }
        this.factor = factor;
    }

    @Override
    public int[] outputShape(int[] s) {
        return s.clone();
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        output = Tensor.reuse(output, x.shape());
        for (int i = 0; i < x.size(); i++) {
            output.data[i] = x.data[i] * factor;
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        gradInput = Tensor.reuse(gradInput, gradOut.shape());
        for (int i = 0; i < gradOut.size(); i++) {
            gradInput.data[i] = gradOut.data[i] * factor;
        }
        return gradInput;
    }

    @Override
    public String describe() {
        return "Scale(" + factor + ")";
    }
}
