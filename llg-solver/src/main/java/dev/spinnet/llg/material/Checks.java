package dev.spinnet.llg.material;

/** One-line parameter validation shared by the records; messages name the parameter and value. */
public final class Checks {
    private Checks() {
    }

    public static double finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, got " + v);
        }
        return v;
    }

    public static double positive(String name, double v) {
        finite(name, v);
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + v);
        }
        return v;
    }

    public static double nonNegative(String name, double v) {
        finite(name, v);
        if (v < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + v);
        }
        return v;
    }

    public static double nonPositive(String name, double v) {
        finite(name, v);
        if (v > 0) {
            throw new IllegalArgumentException(name + " must be <= 0, got " + v);
        }
        return v;
    }

    public static <T> T notNull(String name, T v) {
        if (v == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return v;
    }
}
