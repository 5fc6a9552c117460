package dev.spinnet.network.allspin;

/**
 * Counter-based randomness: every random number is a hash of (seed, stream, index, ...), so a
 * result does not depend on call order or thread count, and a run resumed from a checkpoint
 * needs only its step counters to continue exactly.
 */
final class Noise {
    private static final float SQRT3 = (float) Math.sqrt(3);

    private Noise() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long key(long seed, long a) {
        return mix(mix(seed ^ 0x2545F4914F6CDD1DL) + 0x9E3779B97F4A7C15L * (a + 1));
    }

    static long key(long seed, long a, long b) {
        return mix(key(seed, a) + 0x9E3779B97F4A7C15L * (b + 1));
    }

    static long key(long seed, long a, long b, long c) {
        return mix(key(seed, a, b) + 0x9E3779B97F4A7C15L * (c + 1));
    }

    /** Uniform in [0, 1) from a hash. */
    static float uniform(long h) {
        return (h >>> 40) * 0x1.0p-24f;
    }

    /**
     * Approximately standard normal from a hash: the Irwin-Hall sum of four 16-bit uniforms,
     * rescaled to unit variance (exact mean and variance, tails cut at 3.46 sigma). Much cheaper
     * than Box-Muller, which matters when every activation of a batch gets noise.
     */
    static float gaussian(long h) {
        float s = ((h & 0xFFFF) + (h >>> 16 & 0xFFFF) + (h >>> 32 & 0xFFFF) + (h >>> 48 & 0xFFFF) + 2f) * 0x1.0p-16f;
        return (s - 2f) * SQRT3;
    }

    /** Normal from a hash by Box-Muller, for the few draws (per-device spreads) that want true tails. */
    static double exactGaussian(long h) {
        double u1 = ((mix(h) >>> 11) + 1) * 0x1.0p-53;
        double u2 = (mix(h + 0x632BE59BD9B4E019L) >>> 11) * 0x1.0p-53;
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
