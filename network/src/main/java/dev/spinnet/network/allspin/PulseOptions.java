package dev.spinnet.network.allspin;

/**
 * Settings shared by the pulsed update algorithms ({@link InSituSgd}, {@link MixedPrecision}).
 *
 * @param maxPulses        most pulses one device receives per update (>= 1); larger requests are cut,
 *                         which is the one bias of the otherwise unbiased stochastic rounding
 * @param readNoise        standard deviation of the weight read in each training forward, fraction of
 *                         the device range (0 = noise-free read)
 * @param refreshEvery     optimiser steps between refresh checks (0 = never)
 * @param refreshThreshold a device at or above this g (or, push-pull, at or below 1 - it) triggers a refresh
 * @param weightDecay      decoupled weight decay of device weights per unit learning rate (as {@code Sgd}),
 *                         applied as an update request, so it costs pulses too
 * @param seed             seed of stochastic rounding and cycle-to-cycle noise
 * @param stochasticRounding in-situ SGD rounds pulse counts stochastically (unbiased; default) or to
 *                         the nearest integer (updates below half a step are lost)
 * @param rerange          0 = off; otherwise, at each refresh check, a tile whose weights' rms times this
 *                         factor has fallen below half its w_max is re-ranged to w_max = rerange x rms
 *                         (see {@link DevicePairWeights#rerange})
 */
public record PulseOptions(int maxPulses, float readNoise, int refreshEvery, float refreshThreshold,
                           double weightDecay, long seed, boolean stochasticRounding, double rerange) {
    public PulseOptions {
        if (maxPulses < 1) {
            throw new IllegalArgumentException("max pulses per update must be >= 1, got " + maxPulses);
        }
        if (!(readNoise >= 0) || !Float.isFinite(readNoise)) {
            throw new IllegalArgumentException("read noise must be finite and >= 0, got " + readNoise);
        }
        if (refreshEvery < 0) {
            throw new IllegalArgumentException("refresh interval must be >= 0, got " + refreshEvery);
        }
        if (!(refreshThreshold > 0.5f && refreshThreshold <= 1f)) {
            throw new IllegalArgumentException("refresh threshold must be in (0.5, 1], got " + refreshThreshold);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be finite and >= 0, got " + weightDecay);
        }
        if (!(rerange >= 0) || !Double.isFinite(rerange)) {
            throw new IllegalArgumentException("re-range factor must be finite and >= 0, got " + rerange);
        }
    }

    /**
     * 16 pulses per update, noise-free reads, refresh check every 100 steps at g >= 0.9, no decay,
     * stochastic rounding.
     */
    public static PulseOptions defaults(long seed) {
        return new PulseOptions(16, 0f, 100, 0.9f, 0.0, seed, true, 0.0);
    }

    public PulseOptions withMaxPulses(int n) {
        return new PulseOptions(n, readNoise, refreshEvery, refreshThreshold, weightDecay, seed,
                stochasticRounding, rerange);
    }

    public PulseOptions withReadNoise(float s) {
        return new PulseOptions(maxPulses, s, refreshEvery, refreshThreshold, weightDecay, seed,
                stochasticRounding, rerange);
    }

    public PulseOptions withRefresh(int every, float threshold) {
        return new PulseOptions(maxPulses, readNoise, every, threshold, weightDecay, seed, stochasticRounding, rerange);
    }

    public PulseOptions withWeightDecay(double wd) {
        return new PulseOptions(maxPulses, readNoise, refreshEvery, refreshThreshold, wd, seed, stochasticRounding,
                rerange);
    }

    public PulseOptions withStochasticRounding(boolean on) {
        return new PulseOptions(maxPulses, readNoise, refreshEvery, refreshThreshold, weightDecay, seed, on, rerange);
    }

    public PulseOptions withSeed(long s) {
        return new PulseOptions(maxPulses, readNoise, refreshEvery, refreshThreshold, weightDecay, s,
                stochasticRounding, rerange);
    }

    public PulseOptions withRerange(double factor) {
        return new PulseOptions(maxPulses, readNoise, refreshEvery, refreshThreshold, weightDecay, seed,
                stochasticRounding, factor);
    }
}
