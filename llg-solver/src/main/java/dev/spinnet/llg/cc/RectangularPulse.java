package dev.spinnet.llg.cc;

import dev.spinnet.llg.material.Checks;

/**
 * Trapezoidal current pulse: zero, linear rise, plateau, linear fall, zero. Zero rise or fall times
 * give ideal rectangular edges.
 *
 * @param amplitude plateau current density, A/m^2
 * @param start     time the rise begins, s
 * @param riseTime  s (>= 0)
 * @param width     plateau duration, s (>= 0)
 * @param fallTime  s (>= 0)
 */
public record RectangularPulse(double amplitude, double start, double riseTime, double width, double fallTime)
        implements CurrentWaveform {

    public RectangularPulse {
        Checks.finite("amplitude (A/m^2)", amplitude);
        Checks.finite("start (s)", start);
        Checks.nonNegative("riseTime (s)", riseTime);
        Checks.nonNegative("width (s)", width);
        Checks.nonNegative("fallTime (s)", fallTime);
    }

    /** End of the fall, s. */
    public double end() {
        return start + riseTime + width + fallTime;
    }

    /** Time integral of j, A s/m^2 (the charge per area that the pulse carries). */
    public double chargeDensity() {
        return amplitude * (width + 0.5 * (riseTime + fallTime));
    }

    @Override
    public double currentDensity(double t) {
        double t1 = start + riseTime;
        double t2 = t1 + width;
        double t3 = t2 + fallTime;
        if (t < start || t >= t3) {
            return 0.0;
        }
        if (t < t1) {
            return amplitude * (t - start) / riseTime;
        }
        if (t < t2) {
            return amplitude;
        }
        return amplitude * (t3 - t) / fallTime;
    }

    @Override
    public double[] breakpoints() {
        double t1 = start + riseTime;
        double t2 = t1 + width;
        return java.util.stream.DoubleStream.of(start, t1, t2, t2 + fallTime).distinct().toArray();
    }
}
