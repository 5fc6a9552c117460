package dev.spinnet.network.optim;

import dev.spinnet.network.layer.Param;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/** Adam (Kingma and Ba) with bias correction and decoupled weight decay (AdamW). */
public final class Adam implements Optimizer {
    private final List<Param> params;
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private final float[][] m;
    private final float[][] v;
    private long t;

    public Adam(List<Param> params, double beta1, double beta2, double eps, double weightDecay) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(eps > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("adam: need 0<=beta<1, eps>0, weight decay>=0");
        }
        this.params = List.copyOf(params);
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.eps = (float) eps;
        this.weightDecay = (float) weightDecay;
        this.m = new float[this.params.size()][];
        this.v = new float[this.params.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = new float[this.params.get(i).size()];
            v[i] = new float[this.params.get(i).size()];
        }
    }

    @Override
    public void step(double lr) {
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (int pi = 0; pi < params.size(); pi++) {
            Param p = params.get(pi);
            if (!p.trainable) {
                continue;
            }
            float rate = (float) (lr * p.lrScale / c1);
            float invC2 = (float) (1 / c2);
            float shrink = p.decay ? 1f - (float) lr * weightDecay : 1f;
            float[] w = p.value;
            float[] g = p.grad;
            float[] mi = m[pi];
            float[] vi = v[pi];
            for (int i = 0; i < w.length; i++) {
                mi[i] = beta1 * mi[i] + (1 - beta1) * g[i];
                vi[i] = beta2 * vi[i] + (1 - beta2) * g[i] * g[i];
                w[i] = w[i] * shrink - rate * mi[i] / ((float) Math.sqrt(vi[i] * invC2) + eps);
            }
        }
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        out.writeLong(t);
        OptimizerState.write(out, m);
        OptimizerState.write(out, v);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        t = in.readLong();
        OptimizerState.read(in, m);
        OptimizerState.read(in, v);
    }
}
