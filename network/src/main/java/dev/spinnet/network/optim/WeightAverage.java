package dev.spinnet.network.optim;

import dev.spinnet.network.layer.Param;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Exponential moving average of the weights (and, optionally, of buffers such as BatchNorm
 * running statistics, as airbench's Lookahead averages the whole state): averaging the last
 * steps of SGD gives a flatter, better-generalising point at no training cost. {@link #swap()}
 * exchanges the live and averaged values (call it twice to restore).
 */
public final class WeightAverage {
    private final List<Param> params;
    private final List<float[]> live;
    private final float[][] shadow;
    private boolean started;

    public WeightAverage(List<Param> params) {
        this(params, List.of());
    }

    public WeightAverage(List<Param> params, List<float[]> buffers) {
        this.params = List.copyOf(params);
        List<float[]> all = new java.util.ArrayList<>();
        for (Param p : params) {
            all.add(p.value);
        }
        all.addAll(buffers);
        this.live = List.copyOf(all);
        this.shadow = new float[live.size()][];
        for (int i = 0; i < shadow.length; i++) {
            shadow[i] = live.get(i).clone();
        }
    }

    /** shadow = decay * shadow + (1 - decay) * weights; the first call copies. */
    public void update(double decay) {
        float d = started ? (float) decay : 0f;
        started = true;
        for (int pi = 0; pi < live.size(); pi++) {
            float[] w = live.get(pi);
            float[] s = shadow[pi];
            for (int i = 0; i < w.length; i++) {
                s[i] = d * s[i] + (1 - d) * w[i];
            }
        }
    }

    /**
     * Overwrites the live weights with the averaged ones (Lookahead's reset of the fast weights). The parameters
     * are set through {@code opt}, so that weights held in devices are moved by pulses ({@link Optimizer#assign};
     * other optimisers copy); the buffers are copied.
     */
    public void load(Optimizer opt) {
        for (int pi = 0; pi < live.size(); pi++) {
            if (pi < params.size()) {
                opt.assign(params.get(pi), shadow[pi]);
            } else {
                System.arraycopy(shadow[pi], 0, live.get(pi), 0, shadow[pi].length);
            }
        }
    }

    public void swap() {
        for (int pi = 0; pi < live.size(); pi++) {
            float[] w = live.get(pi);
            float[] s = shadow[pi];
            for (int i = 0; i < w.length; i++) {
                float t = w[i];
                w[i] = s[i];
                s[i] = t;
            }
        }
    }

    public void writeState(DataOutputStream out) throws IOException {
        out.writeBoolean(started);
        OptimizerState.write(out, shadow);
    }

    public void readState(DataInputStream in) throws IOException {
        started = in.readBoolean();
        OptimizerState.read(in, shadow);
    }
}
