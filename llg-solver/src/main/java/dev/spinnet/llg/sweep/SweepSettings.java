package dev.spinnet.llg.sweep;

import dev.spinnet.llg.material.Checks;

/**
 * Settings shared by every run of a sweep (SI units). The pulse rises at {@code pulseDelay}, ramps up over
 * {@code riseTime}, holds for the (swept) pulse width, ramps down over {@code fallTime}; the run continues for
 * {@code relaxTime} after the fall. The wall starts at {@code wallStart} on a track [0, trackLength] in its
 * equilibrium angle; it has left the track when it reaches either end (collective model) or no m_z sign
 * change is left (LLG), and the run then stops.
 *
 * @param riseTime       s (>= 0)
 * @param fallTime       s (>= 0)
 * @param pulseDelay     s (>= 0)
 * @param relaxTime      s (>= 0), simulated after the pulse
 * @param trackLength    m (> 0)
 * @param wallStart      initial wall position, m, inside (0, trackLength)
 * @param trackWidth     m (> 0); LLG thermal field only (cell volume = cellSize x trackWidth x t_F)
 * @param pinningBarrier periodic pinning barrier U0, J/m^2 (>= 0; 0 = none), collective model only
 * @param pinningPeriod  pinning period, m (> 0); a well sits at wallStart
 * @param thermal        thermal field in the LLG model (stochastic Heun at the run's temperature)
 * @param seed           base seed; run k uses {@link #runSeed(long, int)}
 * @param sampleInterval trajectory sampling interval, s (> 0)
 * @param cellSize       LLG cell size, m (> 0)
 * @param thermalStep    fixed step of the stochastic LLG integrator, s (> 0)
 */
public record SweepSettings(double riseTime, double fallTime, double pulseDelay, double relaxTime,
        double trackLength, double wallStart, double trackWidth, double pinningBarrier, double pinningPeriod,
        boolean thermal, long seed, double sampleInterval, double cellSize, double thermalStep) {

    /** Defaults for a drive parameter that no axis sets: j = 5e11 A/m^2, 1 ns pulse, 300 K, H_z = 0. */
    public static final double DEFAULT_J = 5e11;
    public static final double DEFAULT_PULSE_WIDTH = 1e-9;
    public static final double DEFAULT_TEMPERATURE = 300.0;

    public SweepSettings {
        Checks.nonNegative("rise time (s)", riseTime);
        Checks.nonNegative("fall time (s)", fallTime);
        Checks.nonNegative("pulse delay (s)", pulseDelay);
        Checks.nonNegative("relax time (s)", relaxTime);
        Checks.positive("track length (m)", trackLength);
        Checks.finite("wall start (m)", wallStart);
        if (!(wallStart > 0 && wallStart < trackLength)) {
            throw new IllegalArgumentException("wall start must lie inside the track (0, " + trackLength
                    + ") m, got " + wallStart);
        }
        Checks.positive("track width (m)", trackWidth);
        Checks.nonNegative("pinning barrier (J/m^2)", pinningBarrier);
        Checks.positive("pinning period (m)", pinningPeriod);
        Checks.positive("sample interval (s)", sampleInterval);
        Checks.positive("cell size (m)", cellSize);
        Checks.positive("thermal step (s)", thermalStep);
    }

    /**
     * Defaults: rectangular pulse (no rise/fall) starting at t = 0, 1 ns relaxation, 2 um track, wall at 0.5 um,
     * 100 nm wide, no pinning, no thermal field, seed 1, 10 ps sampling, 1 nm LLG cells, 10 fs thermal step.
     */
    public static SweepSettings defaults() {
        return new SweepSettings(0, 0, 0, 1e-9, 2e-6, 0.5e-6, 100e-9, 0, 100e-9, false, 1L, 1e-11, 1e-9, 1e-14);
    }

    public SweepSettings withPulse(double rise, double fall, double delay, double relax) {
        return new SweepSettings(rise, fall, delay, relax, trackLength, wallStart, trackWidth, pinningBarrier,
                pinningPeriod, thermal, seed, sampleInterval, cellSize, thermalStep);
    }

    public SweepSettings withTrack(double length, double start, double width) {
        return new SweepSettings(riseTime, fallTime, pulseDelay, relaxTime, length, start, width, pinningBarrier,
                pinningPeriod, thermal, seed, sampleInterval, cellSize, thermalStep);
    }

    public SweepSettings withPinning(double barrier, double period) {
        return new SweepSettings(riseTime, fallTime, pulseDelay, relaxTime, trackLength, wallStart, trackWidth,
                barrier, period, thermal, seed, sampleInterval, cellSize, thermalStep);
    }

    public SweepSettings withThermal(boolean on) {
        return new SweepSettings(riseTime, fallTime, pulseDelay, relaxTime, trackLength, wallStart, trackWidth,
                pinningBarrier, pinningPeriod, on, seed, sampleInterval, cellSize, thermalStep);
    }

    public SweepSettings withSeed(long s) {
        return new SweepSettings(riseTime, fallTime, pulseDelay, relaxTime, trackLength, wallStart, trackWidth,
                pinningBarrier, pinningPeriod, thermal, s, sampleInterval, cellSize, thermalStep);
    }

    public SweepSettings withNumerics(double sample, double cell, double heunStep) {
        return new SweepSettings(riseTime, fallTime, pulseDelay, relaxTime, trackLength, wallStart, trackWidth,
                pinningBarrier, pinningPeriod, thermal, seed, sample, cell, heunStep);
    }

    /** Seed of run {@code run}: a SplitMix64 mix of (seed, run), independent of thread count and order. */
    public static long runSeed(long seed, int run) {
        long z = seed + 0x9E3779B97F4A7C15L * (run + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
