package dev.spinnet.network.optim;

/** Learning-rate multiplier as a function of training progress in [0, 1]. */
@FunctionalInterface
public interface LrSchedule {
    double factor(double progress);

    static LrSchedule constant() {
        return p -> 1.0;
    }

    /**
     * Linear warm-up from {@code start} to 1 over the first {@code warmup} fraction, then linear
     * decay to {@code end} (the one-cycle / airbench triangle).
     */
    static LrSchedule warmupLinear(double warmup, double start, double end) {
        if (!(warmup >= 0 && warmup < 1)) {
            throw new IllegalArgumentException("warm-up fraction must be in [0,1), got " + warmup);
        }
        return p -> {
            if (p < warmup) {
                return start + (1 - start) * p / warmup;
            }
            return 1 + (end - 1) * (p - warmup) / (1 - warmup);
        };
    }

    /** Linear warm-up then cosine decay to zero. */
    static LrSchedule warmupCosine(double warmup) {
        return p -> p < warmup ? p / warmup : 0.5 * (1 + Math.cos(Math.PI * (p - warmup) / (1 - warmup)));
    }
}
