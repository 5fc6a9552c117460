package dev.spinnet.devicefit.physics;

import dev.spinnet.llg.cc.CurrentWaveform;
import dev.spinnet.llg.material.Checks;

/**
 * {@code count} identical trapezoidal pulses, one every {@code period}, the first rising at {@code start}.
 * Same waveform as llg-solver's {@code PulseTrain.uniform}, but evaluated in O(1) (the pulse index follows
 * from the time) instead of summing every pulse: the 300 K synapse runs evaluate the current ~10^8 times.
 *
 * @param amplitude plateau current density, A/m^2
 * @param start     rise of the first pulse, s
 * @param edge      rise = fall time, s
 * @param width     plateau, s
 * @param period    pulse repetition period, s (>= width + 2 edge)
 * @param count     number of pulses
 */
public record PeriodicPulses(double amplitude, double start, double edge, double width, double period, int count)
        implements CurrentWaveform {

    public PeriodicPulses {
        Checks.finite("amplitude (A/m^2)", amplitude);
        Checks.finite("start (s)", start);
        Checks.nonNegative("edge (s)", edge);
        Checks.nonNegative("width (s)", width);
        if (!(period >= width + 2 * edge) || !Double.isFinite(period)) {
            throw new IllegalArgumentException("period must be >= width + 2 edge, got period=" + period);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
    }

    @Override
    public double currentDensity(double t) {
        double s = t - start;
        if (s < 0) {
            return 0;
        }
        long k = (long) Math.floor(s / period);
        if (k >= count) {
            return 0;
        }
        double u = s - k * period;
        if (u < edge) {
            return amplitude * u / edge;
        }
        if (u < edge + width) {
            return amplitude;
        }
        if (u < 2 * edge + width) {
            return amplitude * (2 * edge + width - u) / edge;
        }
        return 0;
    }

    @Override
    public double[] breakpoints() {
        double[] b = new double[4 * count];
        for (int k = 0; k < count; k++) {
            double t = start + k * period;
            b[4 * k] = t;
            b[4 * k + 1] = t + edge;
            b[4 * k + 2] = t + edge + width;
            b[4 * k + 3] = t + 2 * edge + width;
        }
        return java.util.Arrays.stream(b).distinct().sorted().toArray();
    }

    /** A pulse train followed by another (e.g. potentiation then depression), evaluated as a sum of two. */
    public static CurrentWaveform then(PeriodicPulses a, PeriodicPulses b) {
        return new CurrentWaveform() {
            @Override
            public double currentDensity(double t) {
                return a.currentDensity(t) + b.currentDensity(t);
            }

            @Override
            public double[] breakpoints() {
                return java.util.stream.DoubleStream.concat(java.util.Arrays.stream(a.breakpoints()),
                        java.util.Arrays.stream(b.breakpoints())).distinct().sorted().toArray();
            }
        };
    }
}
