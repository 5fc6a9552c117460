package dev.spinnet.network.allspin;

import dev.spinnet.network.layer.Param;
import dev.spinnet.network.optim.Optimizer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Common frame of the pulsed algorithms: step the inner (digital) optimiser, turn each device
 * weight's gradient into pulses ({@link #update}), refresh periodically, and write the new weights
 * into the Params. Randomness is keyed by (seed, tile, step, weight), so runs are reproducible and
 * a checkpoint needs only the counters.
 */
abstract class PulsedOptimizer implements DeviceTraining {
    protected final List<DevicePairWeights> tiles;
    protected final Optimizer inner;
    protected final PulseOptions options;
    private long steps;
    private long reads;

    PulsedOptimizer(List<DevicePairWeights> tiles, Optimizer inner, PulseOptions options) {
        this.tiles = List.copyOf(tiles);
        this.inner = inner;
        this.options = options;
    }

    /** {@code floor(x)} plus one with probability {@code x - floor(x)}: unbiased, E[n] = x (x >= 0). */
    static int stochasticRound(double x, float u) {
        double f = Math.floor(x);
        return (int) f + (u < x - f ? 1 : 0);
    }

    @Override
    public List<DevicePairWeights> tiles() {
        return tiles;
    }

    public long steps() {
        return steps;
    }

    @Override
    public final void step(double lr) {
        if (inner != null) {
            inner.step(lr);
        }
        for (int t = 0; t < tiles.size(); t++) {
            DevicePairWeights tile = tiles.get(t);
            Param p = tile.param();
            if (!p.trainable) {
                continue;
            }
            float rate = (float) lr * p.lrScale;
            float decay = p.decay ? (float) (lr * options.weightDecay()) : 0f;
            update(t, tile, rate, decay, Noise.key(options.seed(), t, steps));
        }
        steps++;
        if (options.refreshEvery() > 0 && steps % options.refreshEvery() == 0) {
            for (DevicePairWeights tile : tiles) {
                tile.refresh(options.refreshThreshold());
                if (options.rerange() > 0) {
                    float target = (float) (options.rerange() * tile.rms());
                    if (target > 0 && target < 0.5f * tile.wMax()) {
                        tile.rerange(target);
                    }
                }
            }
        }
        for (DevicePairWeights tile : tiles) {
            tile.materialise();
        }
    }

    /**
     * Moves a device-held weight tensor towards {@code target} with pulses (a digital parameter is copied). This
     * is how Lookahead's reset of the fast weights reaches the devices: the slow average is kept in the digital
     * periphery, and the devices are pulsed towards it, so what the network computes with is still only what the
     * devices hold. Pulse counts are part of the tile's update counters.
     */
    @Override
    public void assign(Param p, float[] target) {
        for (int t = 0; t < tiles.size(); t++) {
            DevicePairWeights tile = tiles.get(t);
            if (tile.param() == p) {
                moveTo(t, tile, target, Noise.key(options.seed(), STREAM_ASSIGN, t, steps));
                tile.materialise();
                return;
            }
        }
        System.arraycopy(target, 0, p.value, 0, p.value.length);
    }

    /** Stream of the random keys of {@link #assign} (the steps' keys use {@code Noise.key(seed, t, step)}). */
    private static final long STREAM_ASSIGN = -7;

    /**
     * Pulses each pair of a tile towards its target: the difference in nominal pulses, rounded as the updates
     * are and cut at {@code maxPulses}, like one in-situ update. Subclasses with a digital accumulator route it
     * through that instead.
     */
    void moveTo(int tileIndex, DevicePairWeights tile, float[] target, long key) {
        float invEps = 1f / tile.nominalDelta();
        int cap = options.maxPulses();
        for (int i = 0; i < target.length; i++) {
            float dw = target[i] - tile.weight(i);
            if (dw != 0f) {
                pulseRounded(tile, i, dw, invEps, cap, key);
            }
        }
    }

    /**
     * Applies the weight change dw to pair i as {@code |dw| / eps} pulses (invEps = 1 / eps), cut at {@code cap}
     * and rounded as the options say (stochastically: unbiased), in the sign of dw.
     */
    final void pulseRounded(DevicePairWeights tile, int i, float dw, float invEps, int cap, long key) {
        double x = Math.min(cap, Math.abs(dw) * invEps);
        long k = weightKey(key, i);
        int n = options.stochasticRounding() ? stochasticRound(x, Noise.uniform(k)) : (int) Math.rint(x);
        if (n > 0) {
            tile.update(i, n, dw > 0, Noise.mix(k));
        }
    }

    /**
     * Applies one update to a tile.
     *
     * @param rate  learning rate of the tile's Param (base rate times lrScale)
     * @param decay decoupled weight-decay factor for this step (0 when the Param is not decayed)
     * @param key   random key of this tile and step
     */
    abstract void update(int tileIndex, DevicePairWeights tile, float rate, float decay, long key);

    /** Random key of weight i: first for rounding, then (mixed) for the pulses' noise. */
    static long weightKey(long key, int i) {
        return Noise.mix(key + 0x9E3779B97F4A7C15L * (i + 1));
    }

    @Override
    public void beforeForward() {
        if (options.readNoise() > 0) {
            long r = reads++;
            for (DevicePairWeights tile : tiles) {
                tile.materialise(tile.param().value, options.readNoise(), r);
            }
        }
    }

    @Override
    public void beforeEvaluation() {
        long r = reads++;
        for (DevicePairWeights tile : tiles) {
            tile.materialise(tile.param().value, options.readNoise(), r);
        }
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        out.writeLong(steps);
        out.writeLong(reads);
        if (inner != null) {
            inner.writeState(out);
        }
        for (DevicePairWeights t : tiles) {
            t.writeState(out);
        }
        writeExtra(out);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        steps = in.readLong();
        reads = in.readLong();
        if (inner != null) {
            inner.readState(in);
        }
        for (DevicePairWeights t : tiles) {
            t.readState(in);
        }
        readExtra(in);
    }

    void writeExtra(DataOutputStream out) throws IOException {
    }

    void readExtra(DataInputStream in) throws IOException {
    }

    static void writeArrays(DataOutputStream out, float[][] a) throws IOException {
        out.writeInt(a.length);
        for (float[] x : a) {
            out.writeInt(x.length);
            for (float v : x) {
                out.writeFloat(v);
            }
        }
    }

    static void readArrays(DataInputStream in, float[][] a) throws IOException {
        if (in.readInt() != a.length) {
            throw new IOException("device optimiser state: buffer count differs");
        }
        for (float[] x : a) {
            if (in.readInt() != x.length) {
                throw new IOException("device optimiser state: buffer size differs");
            }
            for (int i = 0; i < x.length; i++) {
                x[i] = in.readFloat();
            }
        }
    }

    String optionsText() {
        return "maxPulses=" + options.maxPulses() + ", readNoise=" + options.readNoise() + ", refresh="
                + options.refreshEvery() + "@" + options.refreshThreshold() + ", wd=" + options.weightDecay()
                + ", seed=" + options.seed() + (options.stochasticRounding() ? "" : ", nearest rounding")
                + (options.rerange() > 0 ? ", rerange=" + options.rerange() : "");
    }

    /**
     * The algorithm and every tile, as the checkpoint fingerprint needs them. A tile's learning-rate multiplier
     * (its Param's lrScale, {@code --device-lr-scale}) is named when it is not 1, so that a run resumed under
     * another multiplier is refused instead of silently mixing two settings.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(describe());
        for (DevicePairWeights t : tiles) {
            sb.append("; ").append(t.describe());
            float scale = t.param().lrScale;
            if (scale != 1f) {
                sb.append(", lr x").append(scale);
            }
        }
        return sb.toString();
    }
}
