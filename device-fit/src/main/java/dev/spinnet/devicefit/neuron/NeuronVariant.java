package dev.spinnet.devicefit.neuron;

import java.util.SplittableRandom;

/**
 * One fabricated neuron: relative factors on the spin-torque drive, the barrier depth and the barrier pressure
 * (1, 1, 1 is the nominal device).
 */
public record NeuronVariant(double drive, double depth, double pressure) {

    public static final NeuronVariant NOMINAL = new NeuronVariant(1, 1, 1);

    public NeuronVariant {
        if (!(drive > 0 && depth > 0 && pressure > 0)) {
            throw new IllegalArgumentException("variant factors must be > 0, got " + drive + ", " + depth + ", "
                    + pressure);
        }
    }

    /** Gaussian fabrication spread of the design's sigmas (truncated at 3 sigma so factors stay positive). */
    public static NeuronVariant sample(NeuronDesign d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return new NeuronVariant(1 + d.sigmaDrive() * clip(r.nextGaussian()), 1 + d.sigmaDepth() * clip(r.nextGaussian()),
                1 + d.sigmaPressure() * clip(r.nextGaussian()));
    }

    private static double clip(double z) {
        return Math.max(-3, Math.min(3, z));
    }
}
