package dev.spinnet.validation.cli;

/**
 * Range checks of numeric flags. picocli parses "NaN", "-1" or "0" as valid numbers; these checks turn
 * them into one-line errors that name the flag before anything runs.
 */
final class Flags {
    private Flags() {
    }

    static void atLeast(String flag, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(flag + " must be >= " + min + ", got " + value);
        }
    }

    /** Finite and > 0. */
    static void positive(String flag, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(flag + " must be a finite number > 0, got " + value);
        }
    }

    /** Finite and in [min, max). */
    static void inRange(String flag, double value, double min, double max) {
        if (!(value >= min && value < max)) {
            throw new IllegalArgumentException(flag + " must be in [" + min + ", " + max + "), got " + value);
        }
    }
}
