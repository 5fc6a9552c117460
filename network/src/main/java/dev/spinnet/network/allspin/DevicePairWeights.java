package dev.spinnet.network.allspin;

import dev.spinnet.network.layer.Param;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The device tile of one weight tensor: every weight is a differential pair of synaptic devices,
 * {@code W = w_max * (g+ - g-)}, with g+ and g- normalised conductances in [0, 1] and w_max a
 * per-layer scale (a digital peripheral: the read-out gain).
 *
 * <p>Device-to-device variation: each device gets a fixed step multiplier
 * {@code m = max(0.05, 1 + deviceSigma * N(0,1))}, drawn from the seed. A pulse moves a device from
 * g to {@code g + m (up(g) - g) + cycleSigma * N(0,1)} (or {@code down}), clipped to [0, 1]: pulses
 * saturate at the bounds and such pulses are counted as bound hits.
 *
 * <p>Programming (initialisation, refresh, deployment) is closed-loop program-and-verify: the device
 * is reset to g = 0 and potentiated pulse by pulse while it is below its target, stopping before a pulse
 * that would overshoot it by more than it is short (a noisy pulse that fails to move it up is followed by
 * another), so it lands on the closest state its own (noisy) pulse sequence reaches. A reset drives a device
 * into its lower bound; it is noise-free and is charged the pulses of a nominal sweep from its state,
 * {@code round(g / nominalStep)}.
 *
 * <p>Refresh is the standard practice for differential pairs updated by potentiation only (the
 * occasional RESET of Burr et al., IEEE TED 2015; also Ambrogio et al., Nature 2018): both devices
 * climb during training, and once one approaches its upper bound the pair is reset and the
 * difference reprogrammed into one device,
 * keeping W while restoring headroom. Every pulse spent is counted ({@link #counts()}).
 *
 * <p>The Param's value is the forward weight; {@link #materialise()} writes W into it and must be
 * called after the device states change (the optimisers do it after each step).
 */
public final class DevicePairWeights {
    /**
     * How a signed update is applied to a pair. POTENTIATE_ONLY: a positive update potentiates g+,
     * a negative one potentiates g- (one branch for both signs, so up/down asymmetry of the device
     * cannot bias the weight; needs refresh). PUSH_PULL: a positive update potentiates g+ and depresses
     * g- (twice the pulses, both branches; the pair idles around g = 1/2).
     */
    public enum UpdateMode { POTENTIATE_ONLY, PUSH_PULL }

    /**
     * Cumulative pulse counts of one tile (or a sum of tiles). Energy is pulses times the device's
     * energy per pulse, J; programming includes resets, initialisation, refresh and deployment.
     */
    public record PulseCount(long weights, long updatePulses, long programPulses, long refreshes, long boundHits,
                             double energyJ) {
        public long totalPulses() {
            return updatePulses + programPulses;
        }

        public double updatePulsesPerWeight() {
            return weights == 0 ? 0 : (double) updatePulses / weights;
        }

        /** Counts since an earlier snapshot of the same tiles. */
        public PulseCount minus(PulseCount o) {
            return new PulseCount(weights, updatePulses - o.updatePulses, programPulses - o.programPulses,
                    refreshes - o.refreshes, boundHits - o.boundHits, energyJ - o.energyJ);
        }

        public PulseCount plus(PulseCount o) {
            return new PulseCount(weights + o.weights, updatePulses + o.updatePulses, programPulses + o.programPulses,
                    refreshes + o.refreshes, boundHits + o.boundHits, energyJ + o.energyJ);
        }

        public static PulseCount zero() {
            return new PulseCount(0, 0, 0, 0, 0, 0);
        }

        public String describe() {
            return String.format(Locale.ROOT, "%,d update pulses (%.2f per weight), %,d programming pulses, "
                            + "%,d refreshes, %,d bound hits, %.4g J", updatePulses, updatePulsesPerWeight(),
                    programPulses, refreshes, boundHits, energyJ);
        }
    }

    private static final long STREAM_MULTIPLIER = 0;
    private static final long STREAM_PROGRAM = 1;
    private static final long STREAM_READ = 2;

    private final String name;
    private final Param param;
    private final PulseDevice device;
    /** The read-out gain the tile was built with (names the tile in fingerprints). */
    private final float initialWMax;
    private float wMax;
    private final long seed;
    private final float cycleSigma;
    private final float[] gp;
    private final float[] gm;
    private final float[] mulP;
    private final float[] mulM;
    private final float[] levels;
    private final boolean exactLevels;
    private final UpdateMode mode;
    private long updatePulses;
    private long programPulses;
    private long refreshes;
    private long boundHits;
    private long programCalls;
    private long reranges;

    /**
     * Builds the tile and programs the Param's current (float) values into it.
     *
     * @param wMax weight of a fully potentiated device against a reset one (> 0)
     * @param seed seed of the device multipliers and programming noise (give each tile its own)
     */
    public DevicePairWeights(String name, Param param, PulseDevice device, float wMax, UpdateMode mode, long seed) {
        if (!(wMax > 0) || !Float.isFinite(wMax)) {
            throw new IllegalArgumentException("w_max must be finite and > 0, got " + wMax);
        }
        if (device.states() < 2) {
            throw new IllegalArgumentException("device " + device.name() + " has fewer than 2 states");
        }
        this.name = name;
        this.param = param;
        this.device = device;
        this.wMax = wMax;
        this.initialWMax = wMax;
        this.seed = seed;
        this.mode = mode;
        this.cycleSigma = (float) device.cycleSigma();
        int n = param.size();
        this.gp = new float[n];
        this.gm = new float[n];
        this.mulP = new float[n];
        this.mulM = new float[n];
        double sd = device.deviceSigma();
        for (int i = 0; i < n; i++) {
            mulP[i] = multiplier(sd, Noise.key(seed, STREAM_MULTIPLIER, 2L * i));
            mulM[i] = multiplier(sd, Noise.key(seed, STREAM_MULTIPLIER, 2L * i + 1));
        }
        this.levels = device.potentiationLevels();
        this.exactLevels = cycleSigma == 0 && sd == 0;
        program(param.value);
    }

    /** w_max = rangeFactor * rms(initial weights), so that the initial spread covers part of the range. */
    public static float scaleFor(Param p, double rangeFactor) {
        double s = 0;
        double max = 0;
        for (float v : p.value) {
            s += (double) v * v;
            max = Math.max(max, Math.abs(v));
        }
        double rms = Math.sqrt(s / Math.max(1, p.size()));
        double w = rangeFactor * rms;
        if (!(w > 0)) {
            w = max > 0 ? max : 1;
        }
        return (float) w;
    }

    private static float multiplier(double sigma, long key) {
        return sigma == 0 ? 1f : (float) Math.max(0.05, 1 + sigma * Noise.exactGaussian(key));
    }

    public String name() {
        return name;
    }

    public Param param() {
        return param;
    }

    public PulseDevice device() {
        return device;
    }

    public float wMax() {
        return wMax;
    }

    public UpdateMode mode() {
        return mode;
    }

    public int size() {
        return gp.length;
    }

    /** Weight change of one nominal pulse on one device, {@code w_max * nominalStep}. */
    public float nominalDelta() {
        return wMax * device.nominalStep();
    }

    /** Noise-free weight of pair i as stored in the devices. */
    public float weight(int i) {
        return wMax * (gp[i] - gm[i]);
    }

    public float gPlus(int i) {
        return gp[i];
    }

    public float gMinus(int i) {
        return gm[i];
    }

    /** Writes the stored weights into the Param's value (noise-free read). */
    public void materialise() {
        materialise(param.value);
    }

    /** Writes the stored weights, noise-free, into {@code w}. */
    public void materialise(float[] w) {
        for (int i = 0; i < w.length; i++) {
            w[i] = wMax * (gp[i] - gm[i]);
        }
    }

    /**
     * Writes the stored weights read with additive read noise: {@code w_max * (g+ - g- + readSigma N)},
     * readSigma a fraction of the range; {@code read} numbers the read so every read differs.
     */
    public void materialise(float[] w, float readSigma, long read) {
        if (readSigma == 0) {
            materialise(w);
            return;
        }
        long base = Noise.key(seed, STREAM_READ, read);
        for (int i = 0; i < w.length; i++) {
            w[i] = wMax * (gp[i] - gm[i] + readSigma * Noise.gaussian(Noise.mix(base + 0x9E3779B97F4A7C15L * i)));
        }
    }

    /**
     * Applies an update of n pulses to pair i in the direction {@code increase} (see {@link UpdateMode});
     * returns the weight change actually obtained. {@code key} seeds the cycle-to-cycle noise.
     */
    public float update(int i, int n, boolean increase, long key) {
        if (n <= 0) {
            return 0f;
        }
        float before = gp[i] - gm[i];
        if (mode == UpdateMode.POTENTIATE_ONLY) {
            if (increase) {
                gp[i] = pulses(gp[i], mulP[i], true, n, key);
            } else {
                gm[i] = pulses(gm[i], mulM[i], true, n, key);
            }
            updatePulses += n;
        } else {
            gp[i] = pulses(gp[i], mulP[i], increase, n, key);
            gm[i] = pulses(gm[i], mulM[i], !increase, n, key ^ 0x5851F42D4C957F2DL);
            updatePulses += 2L * n;
        }
        return wMax * (gp[i] - gm[i] - before);
    }

    private float pulses(float g, float mul, boolean potentiate, int n, long key) {
        for (int k = 0; k < n; k++) {
            float det = potentiate ? device.up(g) : device.down(g);
            float next = g + mul * (det - g);
            if (cycleSigma > 0) {
                next += cycleSigma * Noise.gaussian(Noise.mix(key + 0x9E3779B97F4A7C15L * k));
            }
            if (next >= 1f) {
                next = 1f;
                boundHits++;
            } else if (next <= 0f) {
                next = 0f;
                boundHits++;
            } else if (next == g) {
                boundHits++;
            }
            g = next;
        }
        return g;
    }

    /**
     * Programs target weights into all pairs (reset, then closed-loop potentiation). Targets beyond
     * +-w_max are clipped. In PUSH_PULL mode the pair is programmed around g = 1/2.
     */
    public void program(float[] target) {
        long stream = programCalls++;
        for (int i = 0; i < gp.length; i++) {
            programPair(i, target[i] / wMax, stream);
        }
        materialise();
    }

    private void programPair(int i, float d, long stream) {
        d = Math.max(-1f, Math.min(1f, d));
        float tp;
        float tm;
        if (mode == UpdateMode.POTENTIATE_ONLY) {
            tp = Math.max(d, 0f);
            tm = Math.max(-d, 0f);
        } else {
            tp = 0.5f + 0.5f * d;
            tm = 0.5f - 0.5f * d;
        }
        programPulses += resetCost(gp[i]) + resetCost(gm[i]);
        gp[i] = programDevice(tp, mulP[i], Noise.key(seed, STREAM_PROGRAM, stream, 2L * i));
        gm[i] = programDevice(tm, mulM[i], Noise.key(seed, STREAM_PROGRAM, stream, 2L * i + 1));
    }

    private int resetCost(float g) {
        return Math.round(g / device.nominalStep());
    }

    /**
     * From g = 0, potentiate while the device is below its target, up to the pulse that would overshoot it by more
     * than the device is short of it (a noisy pulse that fails to move the device up does not end programming).
     */
    private float programDevice(float target, float mul, long key) {
        if (target <= 0f) {
            return 0f;
        }
        if (exactLevels) {
            // Noise-free nominal device: the closest level, found by search.
            int j = Arrays.binarySearch(levels, target);
            if (j < 0) {
                int hi = -j - 1;
                if (hi >= levels.length) {
                    j = levels.length - 1;
                } else if (hi == 0) {
                    j = 0;
                } else {
                    j = target - levels[hi - 1] <= levels[hi] - target ? hi - 1 : hi;
                }
            }
            programPulses += j;
            return levels[j];
        }
        float g = 0f;
        int cap = 4 * device.states();
        for (int k = 0; k < cap; k++) {
            float det = device.up(g);
            float next = g + mul * (det - g);
            if (cycleSigma > 0) {
                next += cycleSigma * Noise.gaussian(Noise.mix(key + 0x9E3779B97F4A7C15L * k));
            }
            next = Math.max(0f, Math.min(1f, next));
            if (next > g && !(Math.abs(next - target) < Math.abs(g - target))) {
                break; // the pulse would overshoot farther than the device is now: the verify step stops here
            }
            // A pulse that did not move the device up (noise, or the lower bound) does not end programming: the
            // device is where that pulse left it, and the loop pulses again while it is below the target.
            g = next;
            programPulses++;
            if (g >= target) {
                break;
            }
        }
        return g;
    }

    /**
     * Reprograms every pair in which a device has come within {@code 1 - threshold} of a bound,
     * keeping the difference, when reprogramming can restore headroom. Returns the pairs refreshed.
     */
    public int refresh(float threshold) {
        if (!(threshold > 0.5f && threshold <= 1f)) {
            throw new IllegalArgumentException("refresh threshold must be in (0.5, 1], got " + threshold);
        }
        long stream = programCalls++;
        int count = 0;
        for (int i = 0; i < gp.length; i++) {
            float d = gp[i] - gm[i];
            boolean due;
            if (mode == UpdateMode.POTENTIATE_ONLY) {
                due = Math.max(gp[i], gm[i]) >= threshold && Math.abs(d) < threshold;
            } else {
                due = (Math.max(gp[i], gm[i]) >= threshold || Math.min(gp[i], gm[i]) <= 1 - threshold)
                        && Math.abs(d) < 2 * threshold - 1;
            }
            if (due) {
                programPair(i, d, stream);
                count++;
            }
        }
        refreshes += count;
        return count;
    }

    /**
     * Re-ranging: sets the read-out gain to {@code newWMax} and reprograms every pair to hold the same
     * weight on the new scale (program-and-verify, pulses counted). Weights beyond +-newWMax are clipped.
     * Scale-invariant layers (conv -> BatchNorm) shrink under weight decay until they use only a few
     * device levels; re-ranging gives them the device's full resolution back.
     */
    public void rerange(float newWMax) {
        if (!(newWMax > 0) || !Float.isFinite(newWMax)) {
            throw new IllegalArgumentException("w_max must be finite and > 0, got " + newWMax);
        }
        float[] w = new float[gp.length];
        materialise(w);
        wMax = newWMax;
        long stream = programCalls++;
        for (int i = 0; i < gp.length; i++) {
            programPair(i, w[i] / wMax, stream);
        }
        reranges++;
        materialise();
    }

    /** Root mean square of the stored weights. */
    public double rms() {
        double s = 0;
        for (int i = 0; i < gp.length; i++) {
            double w = wMax * (gp[i] - gm[i]);
            s += w * w;
        }
        return Math.sqrt(s / gp.length);
    }

    /**
     * How much of the device's resolution the weights use: their rms in nominal pulse steps, and the
     * fraction of pairs whose difference is within one step of the range. Few steps of rms mean a
     * coarsely quantised layer; many pairs at the range mean clipped weights.
     */
    public String utilisation() {
        double step = device.nominalStep();
        long atRange = 0;
        for (int i = 0; i < gp.length; i++) {
            if (Math.abs(gp[i] - gm[i]) >= 1 - step) {
                atRange++;
            }
        }
        return String.format(Locale.ROOT, "weight rms %.2f steps, %.3f %% of pairs at the range",
                rmsSteps(), 100.0 * atRange / Math.max(1, gp.length));
    }

    /** Root mean square of the stored weights in nominal pulse steps ({@link #nominalDelta()}). */
    public double rmsSteps() {
        return rms() / nominalDelta();
    }

    /** Times the tile was re-ranged. */
    public long reranges() {
        return reranges;
    }

    public PulseCount counts() {
        return new PulseCount(gp.length, updatePulses, programPulses, refreshes, boundHits,
                (updatePulses + programPulses) * device.energyPerPulse());
    }

    /** Device states and counters, for checkpoints. */
    public void writeState(DataOutputStream out) throws IOException {
        out.writeInt(gp.length);
        for (int i = 0; i < gp.length; i++) {
            out.writeFloat(gp[i]);
            out.writeFloat(gm[i]);
        }
        out.writeLong(updatePulses);
        out.writeLong(programPulses);
        out.writeLong(refreshes);
        out.writeLong(boundHits);
        out.writeLong(programCalls);
        out.writeFloat(wMax);
        out.writeLong(reranges);
    }

    public void readState(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n != gp.length) {
            throw new IOException("device tile " + name + " holds " + gp.length + " pairs, checkpoint has " + n);
        }
        for (int i = 0; i < n; i++) {
            gp[i] = in.readFloat();
            gm[i] = in.readFloat();
        }
        updatePulses = in.readLong();
        programPulses = in.readLong();
        refreshes = in.readLong();
        boundHits = in.readLong();
        programCalls = in.readLong();
        wMax = in.readFloat();
        reranges = in.readLong();
        if (!(wMax > 0) || !Float.isFinite(wMax)) {
            throw new IOException("device tile " + name + ": w_max in checkpoint is " + wMax);
        }
        materialise();
    }

    public String describe() {
        return String.format(Locale.ROOT, "%s: %d pairs of %s, w_max=%.4g, %s", name, gp.length, device.describe(),
                initialWMax, mode);
    }
}
