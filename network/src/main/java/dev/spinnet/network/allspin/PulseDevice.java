package dev.spinnet.network.allspin;

/**
 * The pulse response of one synaptic device, in normalised conductance
 * {@code g = (G - G_min) / (G_max - G_min)} in [0, 1].
 *
 * <p>{@link #up} and {@link #down} give the deterministic state after one potentiation or
 * depression pulse from state g (state-dependent step: this is where nonlinearity and up/down
 * asymmetry live). The stochastic parts are applied by the tile ({@link DevicePairWeights}):
 * per device a fixed step multiplier {@code 1 + deviceSigma() * N(0,1)} and per pulse an
 * additive {@code cycleSigma() * N(0,1)}, both in the units stated below, then clipping to
 * [0, 1] (pulses saturate at the bounds).
 *
 * <p>Implementations: {@link TablePulseDevice} (measured or simulated curves, what device files
 * feed), {@link ExponentialPulseDevice} (the A/B nonlinearity model, for tests and ablations)
 * and {@link IdealDevice} (linear, noise-free, many states).
 */
public interface PulseDevice {
    /** Short label for logs and fingerprints. */
    String name();

    /** g after one potentiation pulse from g (deterministic part; non-decreasing, within [0, 1]). */
    float up(float g);

    /** g after one depression pulse from g (deterministic part; non-increasing, within [0, 1]). */
    float down(float g);

    /**
     * Nominal number of conductance levels of a branch, both ends included: a full sweep from
     * G_min to G_max takes {@code states() - 1} pulses.
     */
    int states();

    /** The nominal (mean) step, {@code 1 / (states() - 1)} of the range; gradients are converted with it. */
    default float nominalStep() {
        return 1f / (states() - 1);
    }

    /**
     * Cycle-to-cycle noise: the standard deviation of the conductance change of one pulse, as a
     * fraction of the range G_max - G_min (so in the same units as g, not in units of the step).
     */
    double cycleSigma();

    /**
     * Device-to-device spread: the relative standard deviation of a device's step size, drawn once
     * per device and fixed (a device with multiplier m makes steps {@code m * (up(g) - g)}).
     */
    double deviceSigma();

    /** Energy of one programming pulse, J (0 when unknown). */
    double energyPerPulse();

    /**
     * The levels reachable from g = 0 by potentiation pulses (noise-free), ascending, ending where
     * a further pulse no longer moves the state (at most {@code 4 * states()} levels). Hardware-
     * aware training quantises weights onto these.
     */
    default float[] potentiationLevels() {
        int cap = 4 * states();
        float[] out = new float[cap];
        float g = 0f;
        int n = 0;
        out[n++] = g;
        while (n < cap) {
            float next = Math.min(1f, up(g));
            if (!(next > g)) {
                break;
            }
            g = next;
            out[n++] = g;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** One-line description with the parameters that matter for training. */
    default String describe() {
        return String.format(java.util.Locale.ROOT, "%s(states=%d, c2c=%.3g, d2d=%.3g, E=%.3g J)", name(), states(),
                cycleSigma(), deviceSigma(), energyPerPulse());
    }

    /** Validation shared by the implementations. */
    static void requireSpreads(double cycleSigma, double deviceSigma, double energyPerPulse) {
        if (!(cycleSigma >= 0 && cycleSigma < 1) || !(deviceSigma >= 0 && deviceSigma < 1)) {
            throw new IllegalArgumentException("device spreads must be in [0, 1), got cycle-to-cycle " + cycleSigma
                    + ", device-to-device " + deviceSigma);
        }
        if (!(energyPerPulse >= 0) || !Double.isFinite(energyPerPulse)) {
            throw new IllegalArgumentException("energy per pulse must be finite and >= 0, got " + energyPerPulse);
        }
    }
}
