package dev.spinnet.network.layer;

import dev.spinnet.network.kernel.Parallel;
import dev.spinnet.network.tensor.Tensor;

/** Applies an {@link ActivationFunction} element-wise, split across the worker threads. */
public final class Activation implements Layer {
    private final ActivationFunction fn;
    private Tensor input;
    private Tensor output;
    private Tensor gradInput;

    public Activation(ActivationFunction fn) {
        this.fn = fn;
    }

    public ActivationFunction function() {
        return fn;
    }

    @Override
    public int[] outputShape(int[] s) {
        return s.clone();
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        input = x;
        output = Tensor.reuse(output, x.shape());
        final float[] xd = x.data;
        final float[] yd = output.data;
        Parallel.forRange(x.size(), 8, (part, a, b) -> fn.apply(xd, yd, a, b));
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        gradInput = Tensor.reuse(gradInput, input.shape());
        final float[] xd = input.data;
        final float[] g = gradOut.data;
        final float[] dx = gradInput.data;
        Parallel.forRange(input.size(), 8, (part, a, b) -> fn.backward(xd, g, dx, a, b));
        return gradInput;
    }

    @Override
    public String describe() {
        return "Activation(" + fn.describe() + ")";
    }
}
