package dev.spinnet.llg.cc;

import java.util.Arrays;

import dev.spinnet.llg.material.Checks;

/**
 * Arbitrary piecewise-linear waveform through knots (t_k, j_k); constant outside the knot range.
 * Two knots at the same time make a jump (the right-continuous value is the later one).
 */
public final class PiecewiseLinearCurrent implements CurrentWaveform {
    private final double[] times;
    private final double[] values;

    /**
     * @param times  knot times, s, non-decreasing, at most two equal in a row
     * @param values current densities at the knots, A/m^2
     */
    public PiecewiseLinearCurrent(double[] times, double[] values) {
        if (times.length == 0 || times.length != values.length) {
            throw new IllegalArgumentException("knots need equal, non-zero lengths, got times=" + times.length
                    + " values=" + values.length);
        }
        for (int k = 0; k < times.length; k++) {
            Checks.finite("times[" + k + "] (s)", times[k]);
            Checks.finite("values[" + k + "] (A/m^2)", values[k]);
            if (k > 0 && times[k] < times[k - 1]) {
                throw new IllegalArgumentException("times must be non-decreasing, got times[" + k + "]=" + times[k]
                        + " after " + times[k - 1]);
            }
            if (k > 1 && times[k] == times[k - 2]) {
                throw new IllegalArgumentException("at most two knots may share a time, got three at " + times[k]);
            }
        }
        this.times = times.clone();
        this.values = values.clone();
    }

    @Override
    public double currentDensity(double t) {
        int n = times.length;
        if (t < times[0]) {
            return values[0];
        }
        if (t >= times[n - 1]) {
            return values[n - 1];
        }
        // Last knot with times[k] <= t: right-continuous at jumps.
        int k = Arrays.binarySearch(times, t);
        if (k >= 0) {
            while (k + 1 < n && times[k + 1] == t) {
                k++;
            }
            return values[k];
        }
        k = -k - 2;
        double w = (t - times[k]) / (times[k + 1] - times[k]);
        return values[k] + w * (values[k + 1] - values[k]);
    }

    @Override
    public double[] breakpoints() {
        return Arrays.stream(times).distinct().toArray();
    }
}
