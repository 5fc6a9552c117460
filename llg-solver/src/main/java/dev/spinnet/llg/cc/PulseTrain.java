package dev.spinnet.llg.cc;

import java.util.Arrays;
import java.util.List;

/**
 * Sum of non-overlapping pulses (or any waveforms), e.g. a train of identical pulses separated by gaps,
 * or a train whose amplitudes vary pulse to pulse.
 */
public final class PulseTrain implements CurrentWaveform {
    private final CurrentWaveform[] parts;

    public PulseTrain(List<? extends CurrentWaveform> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a pulse train needs at least one pulse, got 0");
        }
        this.parts = parts.toArray(new CurrentWaveform[0]);
    }

    /**
     * {@code count} identical trapezoidal pulses, the first rising at {@code start}, consecutive pulses
     * separated by {@code gap} seconds of zero current (end of one fall to start of next rise).
     */
    public static PulseTrain uniform(double amplitude, double start, double riseTime, double width,
            double fallTime, double gap, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        dev.spinnet.llg.material.Checks.nonNegative("gap (s)", gap);
        RectangularPulse[] p = new RectangularPulse[count];
        double period = riseTime + width + fallTime + gap;
        for (int k = 0; k < count; k++) {
            p[k] = new RectangularPulse(amplitude, start + k * period, riseTime, width, fallTime);
        }
        return new PulseTrain(List.of(p));
    }

    @Override
    public double currentDensity(double t) {
        double j = 0.0;
        for (CurrentWaveform p : parts) {
            j += p.currentDensity(t);
        }
        return j;
    }

    @Override
    public double[] breakpoints() {
        return Arrays.stream(parts).flatMapToDouble(p -> Arrays.stream(p.breakpoints())).sorted().distinct()
                .toArray();
    }
}
