package dev.spinnet.devicefit.synapse;

import java.util.SplittableRandom;

/** One fabricated synapse: its notch centres (m) and a factor on the notch depth. */
public record SynapseVariant(double[] centres, double depthFactor) {

    public SynapseVariant {
        centres = centres.clone();
        if (!(depthFactor > 0)) {
            throw new IllegalArgumentException("depthFactor must be > 0, got " + depthFactor);
        }
    }

    @Override
    public double[] centres() {
        return centres.clone();
    }

    public static SynapseVariant nominal(SynapseDesign d) {
        return new SynapseVariant(d.nominalCentres(), 1.0);
    }

    /** Gaussian spread of every notch position and of the depth (truncated at 3 sigma). */
    public static SynapseVariant sample(SynapseDesign d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] c = d.nominalCentres();
        for (int k = 0; k < c.length; k++) {
            c[k] += d.sigmaNotchPosition() * clip(r.nextGaussian());
        }
        return new SynapseVariant(c, 1 + d.sigmaNotchDepth() * clip(r.nextGaussian()));
    }

    private static double clip(double z) {
        return Math.max(-3, Math.min(3, z));
    }
}
