package dev.spinnet.network.device;

/** Validation helpers of the device-model records; every message names the field. */
final class Checks {
    /** Largest tolerated step against the direction of a monotonic table, fraction of its range. */
    static final double MONOTONIC_SLACK = 1e-3;

    private Checks() {
    }

    static double finite(String field, double v) {
        if (!Double.isFinite(v)) {
            throw new DeviceFormatException(field + " must be a finite number, got " + v);
        }
        return v;
    }

    static double positive(String field, double v) {
        finite(field, v);
        if (v <= 0) {
            throw new DeviceFormatException(field + " must be > 0, got " + v);
        }
        return v;
    }

    static double nonNegative(String field, double v) {
        finite(field, v);
        if (v < 0) {
            throw new DeviceFormatException(field + " must be >= 0, got " + v);
        }
        return v;
    }

    static String text(String field, String v) {
        if (v == null || v.isBlank()) {
            throw new DeviceFormatException(field + " must be a non-empty string");
        }
        return v;
    }

    /** Copies the table after checking its length and that every entry is finite. */
    static double[] table(String field, double[] v, int minLength) {
        if (v == null) {
            throw new DeviceFormatException(field + " must not be null");
        }
        if (v.length < minLength) {
            throw new DeviceFormatException(field + " needs at least " + minLength + " entries, got " + v.length);
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new DeviceFormatException(field + "[" + i + "] must be a finite number, got " + v[i]);
            }
        }
        return v.clone();
    }

    /**
     * Non-decreasing (sign +1) or non-increasing (sign -1), tolerating steps back of at most 1e-3 of the table's
     * range: simulated curves may carry physical wiggles that small (e.g. the damped oscillation of a
     * ferromagnetic wall, which has inertia, at the readout time), anything larger is an error.
     */
    static void monotonic(String field, double[] v, int sign) {
        double range = 0;
        for (double x : v) {
            range = Math.max(range, Math.abs(x - v[0]));
        }
        double slack = MONOTONIC_SLACK * range;
        for (int i = 1; i < v.length; i++) {
            if (sign * (v[i] - v[i - 1]) < -slack) {
                throw new DeviceFormatException(field + " must be " + (sign > 0 ? "non-decreasing" : "non-increasing")
                        + ", but [" + (i - 1) + "]=" + v[i - 1] + " and [" + i + "]=" + v[i]);
            }
        }
    }
}
