package dev.spinnet.network.optim;

import dev.spinnet.network.layer.Param;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * SGD with (Nesterov) momentum, PyTorch's formulation ({@code buf = mu buf + g};
 * Nesterov uses {@code g + mu buf}), and decoupled weight decay
 * ({@code w -= lr * wd * w}, independent of the gradient, as in Loshchilov and Hutter).
 */
public final class Sgd implements Optimizer {
    private final List<Param> params;
    private final float momentum;
    private final boolean nesterov;
    private final float weightDecay;
    private final float[][] buffers;

    public Sgd(List<Param> params, double momentum, boolean nesterov, double weightDecay) {
        if (!(momentum >= 0 && momentum < 1) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("sgd: momentum must be in [0,1) and weight decay >= 0, got "
                    + momentum + ", " + weightDecay);
        }
        this.params = List.copyOf(params);
        this.momentum = (float) momentum;
        this.nesterov = nesterov;
        this.weightDecay = (float) weightDecay;
        this.buffers = new float[this.params.size()][];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = new float[this.params.get(i).size()];
        }
    }

    @Override
    public void step(double lr) {
        for (int pi = 0; pi < params.size(); pi++) {
            Param p = params.get(pi);
            if (!p.trainable) {
                continue;
            }
            float rate = (float) lr * p.lrScale;
            float shrink = p.decay ? 1f - (float) lr * weightDecay : 1f;
            float[] w = p.value;
            float[] g = p.grad;
            float[] buf = buffers[pi];
            for (int i = 0; i < w.length; i++) {
                float b = momentum * buf[i] + g[i];
                buf[i] = b;
                float d = nesterov ? g[i] + momentum * b : b;
                w[i] = w[i] * shrink - rate * d;
            }
        }
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        OptimizerState.write(out, buffers);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        OptimizerState.read(in, buffers);
    }
}
