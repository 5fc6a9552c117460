package dev.spinnet.network.layer;

import dev.spinnet.network.tensor.Tensor;

import java.util.Arrays;

/** Global max or average pooling: [N, C, H, W] to [N, C]. */
public final class GlobalPool implements Layer {
    public enum Kind { MAX, AVG }

    private final Kind kind;
    private Tensor output;
    private Tensor gradInput;
    private int[] argmax = new int[0];
    private int[] inShape;

    public GlobalPool(Kind kind) {
        this.kind = kind;
    }

    @Override
    public int[] outputShape(int[] s) {
        if (s.length != 4) {
            throw new IllegalArgumentException("global pooling expects [N,C,H,W], got " + Arrays.toString(s));
        }
        return new int[]{s[0], s[1]};
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        int[] os = outputShape(x.shape());
        inShape = x.shape();
        output = Tensor.reuse(output, os);
        int planes = os[0] * os[1];
        int hw = inShape[2] * inShape[3];
        if (argmax.length < planes) {
            argmax = new int[planes];
        }
        for (int p = 0; p < planes; p++) {
            int base = p * hw;
            if (kind == Kind.MAX) {
                int best = base;
                float bv = x.data[base];
                for (int i = base + 1; i < base + hw; i++) {
                    if (x.data[i] > bv || Float.isNaN(x.data[i])) {
                        bv = x.data[i];
                        best = i;
                    }
                }
                output.data[p] = bv;
                argmax[p] = best;
            } else {
                double s = 0;
                for (int i = base; i < base + hw; i++) {
                    s += x.data[i];
                }
                output.data[p] = (float) (s / hw);
            }
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        gradInput = Tensor.reuse(gradInput, inShape);
        int planes = inShape[0] * inShape[1];
        int hw = inShape[2] * inShape[3];
        if (kind == Kind.MAX) {
            gradInput.fill(0f);
            for (int p = 0; p < planes; p++) {
                gradInput.data[argmax[p]] = gradOut.data[p];
            }
        } else {
            for (int p = 0; p < planes; p++) {
                Arrays.fill(gradInput.data, p * hw, (p + 1) * hw, gradOut.data[p] / hw);
            }
        }
        return gradInput;
    }

    @Override
    public String describe() {
        return "GlobalPool(" + kind + ")";
    }
}
