package dev.spinnet.llg.validation;

import java.util.Locale;

/**
 * One comparison of a simulation against an analytic result or a physical bound: what was measured, what was
 * expected, the error and the tolerance it must meet. Produced by {@link AnalyticChecks}; the unit tests assert
 * {@link #passed()} and the validation report tabulates the same records.
 *
 * @param group     the check family, e.g. "collective model: SOT + DMI steady velocity"
 * @param name      this case, e.g. "Pt/Co, j = 1e12 A/m^2"
 * @param reference the analytic result or bound, in words or as a formula
 * @param unit      unit of expected and measured ("" when dimensionless)
 * @param expected  analytic value (NaN for bounds and for errors of whole trajectories)
 * @param measured  simulated value
 * @param error     |measured / expected - 1| (RELATIVE), |measured - expected| or a maximum deviation (ABSOLUTE),
 *                  or the measured value itself (AT_MOST, AT_LEAST)
 * @param tolerance the largest error allowed (RELATIVE, ABSOLUTE, AT_MOST) or the smallest value (AT_LEAST)
 * @param kind      how error and tolerance compare
 * @param seconds   wall time of the simulation behind this case (shared by the cases of one run)
 */
public record AnalyticCheck(String group, String name, String reference, String unit, double expected,
                            double measured, double error, double tolerance, Kind kind, double seconds) {

    /** How an error is formed and compared with the tolerance. */
    public enum Kind {
        RELATIVE, ABSOLUTE, AT_MOST, AT_LEAST;

        public String label() {
            return switch (this) {
                case RELATIVE -> "relative error";
                case ABSOLUTE -> "absolute error";
                case AT_MOST -> "at most";
                case AT_LEAST -> "at least";
            };
        }
    }

    /** A relative comparison: error = |measured / expected - 1|. */
    public static AnalyticCheck relative(String group, String name, String reference, String unit, double expected,
            double measured, double tolerance, double seconds) {
        return new AnalyticCheck(group, name, reference, unit, expected, measured, Math.abs(measured / expected - 1),
                tolerance, Kind.RELATIVE, seconds);
    }

    /** An absolute comparison: error = |measured - expected|. */
    public static AnalyticCheck absolute(String group, String name, String reference, String unit, double expected,
            double measured, double tolerance, double seconds) {
        return new AnalyticCheck(group, name, reference, unit, expected, measured, Math.abs(measured - expected),
                tolerance, Kind.ABSOLUTE, seconds);
    }

    /** A largest deviation over a whole trajectory or profile (no single expected value). */
    public static AnalyticCheck maxDeviation(String group, String name, String reference, String unit,
            double deviation, double tolerance, double seconds) {
        return new AnalyticCheck(group, name, reference, unit, Double.NaN, deviation, deviation, tolerance,
                Kind.ABSOLUTE, seconds);
    }

    /** A bound: passes when measured <= limit. */
    public static AnalyticCheck atMost(String group, String name, String reference, String unit, double measured,
            double limit, double seconds) {
        return new AnalyticCheck(group, name, reference, unit, Double.NaN, measured, measured, limit, Kind.AT_MOST,
                seconds);
    }

    /** A bound: passes when measured >= limit. */
    public static AnalyticCheck atLeast(String group, String name, String reference, String unit, double measured,
            double limit, double seconds) {
        return new AnalyticCheck(group, name, reference, unit, Double.NaN, measured, measured, limit, Kind.AT_LEAST,
                seconds);
    }

    /** True when the error is finite and within the tolerance (or the bound holds). */
    public boolean passed() {
        if (!Double.isFinite(error)) {
            return false;
        }
        return kind == Kind.AT_LEAST ? error >= tolerance : error <= tolerance;
    }

    /** One line for logs and assertion messages. */
    public String describe() {
        String exp = Double.isNaN(expected) ? "" : String.format(Locale.ROOT, "expected %.6g %s, ", expected, unit);
        return String.format(Locale.ROOT, "%s [%s] %s: %smeasured %.6g %s, %s %.3g (tolerance %.3g) -> %s", group,
                name, reference, exp, measured, unit, kind.label(), error, tolerance, passed() ? "pass" : "FAIL");
    }
}
