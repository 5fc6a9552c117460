package dev.spinnet.network.allspin;

import java.util.Locale;

/**
 * How a neuron's cycle-to-cycle output noise depends on its device input x, as a factor of the table's pooled sigma:
 * the noise at x is {@code factorAt(x) x pooled sigma}. The device files give the noise of the nominal device at a
 * grid of inputs; for the domain-wall neurons it is ~5x smaller on the saturating branch (the barrier confines the
 * wall) than on the free branch, which the pooled figure averages away.
 *
 * <p>{@link #POOLED} is the factor 1 everywhere. A measured profile is linear interpolation between the file's
 * inputs, constant beyond its ends. On a uniform grid (the files') the interval is found by an index computation,
 * else by binary search: the per-element lookup sits in the training forward.
 */
public final class NeuronNoiseProfile {
    /** The pooled sigma at every input. */
    public static final NeuronNoiseProfile POOLED = new NeuronNoiseProfile(new float[]{0, 1}, new float[]{1f, 1f},
            "pooled");

    private final float[] xs;
    private final float[] factor;
    /** 1 / grid step when the inputs are uniform, else 0 (binary search). */
    private final float invStep;
    private final String description;

    private NeuronNoiseProfile(float[] xs, float[] factor, String description) {
        this.xs = xs;
        this.factor = factor;
        this.description = description;
        float step = (xs[xs.length - 1] - xs[0]) / (xs.length - 1);
        boolean uniform = true;
        for (int i = 1; i < xs.length; i++) {
            uniform &= Math.abs(xs[i] - (xs[0] + i * step)) <= 1e-6f * (xs[xs.length - 1] - xs[0]);
        }
        this.invStep = uniform ? 1 / step : 0;
    }

    /**
     * The profile of per-input sigmas {@code sigma[i]} at increasing {@code inputs[i]} (device input units) relative
     * to the pooled sigma (same output units). A pooled sigma of 0 leaves no noise to shape: {@link #POOLED}.
     */
    public static NeuronNoiseProfile of(double[] inputs, double[] sigma, double pooled) {
        if (inputs == null || sigma == null || inputs.length < 2 || sigma.length != inputs.length) {
            throw new IllegalArgumentException("a neuron noise profile needs >= 2 inputs and one sigma per input");
        }
        if (!(pooled >= 0 && Double.isFinite(pooled))) {
            throw new IllegalArgumentException("pooled neuron sigma must be finite and >= 0, got " + pooled);
        }
        for (int i = 0; i < inputs.length; i++) {
            if (!Double.isFinite(inputs[i]) || !(sigma[i] >= 0 && Double.isFinite(sigma[i]))) {
                throw new IllegalArgumentException("neuron noise profile entry " + i + " is not finite and >= 0: x="
                        + inputs[i] + ", sigma=" + sigma[i]);
            }
            if (i > 0 && !((float) inputs[i] > (float) inputs[i - 1])) {
                throw new IllegalArgumentException("neuron noise profile inputs must increase, got " + inputs[i - 1]
                        + " then " + inputs[i]);
            }
        }
        if (pooled == 0) {
            return POOLED;
        }
        float[] xs = new float[inputs.length];
        float[] f = new float[inputs.length];
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < inputs.length; i++) {
            xs[i] = (float) inputs[i];
            f[i] = (float) (sigma[i] / pooled);
            min = Math.min(min, f[i]);
            max = Math.max(max, f[i]);
        }
        return new NeuronNoiseProfile(xs, f, String.format(Locale.ROOT, "by input (%.2f-%.2f x pooled)", min, max));
    }

    public boolean isPooled() {
        return this == POOLED;
    }

    /** The factor of the pooled sigma at device input x: linear interpolation, constant beyond the grid. */
    public float factorAt(float x) {
        int last = xs.length - 1;
        if (!(x > xs[0])) { // also NaN: the first entry
            return factor[0];
        }
        if (x >= xs[last]) {
            return factor[last];
        }
        int i;
        if (invStep > 0) {
            i = Math.min(last - 1, (int) ((x - xs[0]) * invStep));
        } else {
            int k = java.util.Arrays.binarySearch(xs, x);
            i = k >= 0 ? Math.min(k, last - 1) : -k - 2;
        }
        float w = (x - xs[i]) / (xs[i + 1] - xs[i]);
        return factor[i] + w * (factor[i + 1] - factor[i]);
    }

    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return "NeuronNoiseProfile[" + description + "]";
    }
}
