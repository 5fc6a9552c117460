package dev.spinnet.network.layer;

import dev.spinnet.network.kernel.Parallel;
import dev.spinnet.network.kernel.Sgemm;
import dev.spinnet.network.tensor.Rng;
import dev.spinnet.network.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Fully connected layer {@code y = x W^T + b}, W stored [out, in] as in PyTorch. */
public final class Linear implements Layer {
    private final int in;
    private final int out;
    private final Param weight;
    private final Param bias;
    private Tensor input;
    private Tensor output;
    private Tensor gradInput;

    public Linear(int in, int out, boolean withBias, Rng rng) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("linear: bad sizes in=" + in + " out=" + out);
        }
        this.in = in;
        this.out = out;
        this.weight = new Param("weight", in * out);
        this.bias = withBias ? new Param("bias", out) : null;
        if (bias != null) {
            bias.decay = false;
        }
        float bound = (float) (1.0 / Math.sqrt(in));
        for (int i = 0; i < weight.value.length; i++) {
            weight.value[i] = (2 * rng.nextFloat() - 1) * bound;
        }
    }

    public Param weight() {
        return weight;
    }

    @Override
    public int[] outputShape(int[] s) {
        if (s.length != 2 || s[1] != in) {
            throw new IllegalArgumentException("linear expects [N," + in + "], got " + Arrays.toString(s));
        }
        return new int[]{s[0], out};
    }

    @Override
    public long forwardMacsPerItem(int[] s) {
        return (long) in * out;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        int[] os = outputShape(x.shape());
        input = x;
        output = Tensor.reuse(output, os);
        int n = os[0];
        // One product for the whole batch, split over the cores (same bits for any split).
        Sgemm.gemmParallel(Parallel.threads(), false, true, n, out, in, 1f, x.data, 0, in, weight.value, 0, in,
                0f, output.data, 0, out);
        if (bias != null) {
            for (int b = 0; b < n; b++) {
                for (int o = 0; o < out; o++) {
                    output.data[b * out + o] += bias.value[o];
                }
            }
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        int n = input.dim(0);
        Sgemm.gemmParallel(Parallel.threads(), true, false, out, in, n, 1f, gradOut.data, 0, out, input.data, 0, in,
                1f, weight.grad, 0, in);
        if (bias != null) {
            for (int b = 0; b < n; b++) {
                for (int o = 0; o < out; o++) {
                    bias.grad[o] += gradOut.data[b * out + o];
                }
            }
        }
        gradInput = Tensor.reuse(gradInput, input.shape());
        Sgemm.gemmParallel(Parallel.threads(), false, false, n, in, out, 1f, gradOut.data, 0, out, weight.value, 0,
                in, 0f, gradInput.data, 0, in);
        return gradInput;
    }

    @Override
    public List<Param> params() {
        List<Param> ps = new ArrayList<>();
        ps.add(weight);
        if (bias != null) {
            ps.add(bias);
        }
        return ps;
    }

    @Override
    public String describe() {
        return "Linear(" + in + "->" + out + (bias != null ? ", bias" : "") + ")";
    }
}
