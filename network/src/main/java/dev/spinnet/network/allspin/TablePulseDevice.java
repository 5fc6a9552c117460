package dev.spinnet.network.allspin;

import java.util.Arrays;
import java.util.Locale;

/**
 * A device given by its measured or simulated pulse curves: the normalised conductance after
 * n = 0..P identical pulses, potentiation from G_min upward and depression from G_max downward.
 * One pulse from an arbitrary state g moves along the branch: the (fractional) pulse index
 * p with {@code table(p) = g} is found by inverse linear interpolation, and the new state is
 * {@code table(p + 1)}; beyond the last entry the state saturates. This uses the curves directly,
 * without a fitted formula.
 *
 * <p>Validated on construction: finite, within [0, 1] (up to 1e-3, then clipped), potentiation
 * non-decreasing and depression non-increasing, each with a net swing.
 */
public final class TablePulseDevice implements PulseDevice {
    private static final float RANGE_TOLERANCE = 1e-3f;
    private final String name;
    private final float[] up;
    /** The depression branch as 1 - g, so that both branches are searched as ascending tables. */
    private final float[] downFlipped;
    private final double cycleSigma;
    private final double deviceSigma;
    private final double energyPerPulse;

    /**
     * @param potentiation   g after n pulses from G_min, n = 0..P (non-decreasing, in [0, 1])
     * @param depression     g after n pulses from G_max, n = 0..P' (non-increasing, in [0, 1])
     * @param cycleSigma     cycle-to-cycle sigma per pulse, fraction of the range
     * @param deviceSigma    relative device-to-device sigma of the step size
     * @param energyPerPulse J
     */
    public TablePulseDevice(String name, float[] potentiation, float[] depression, double cycleSigma,
                            double deviceSigma, double energyPerPulse) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a device needs a name");
        }
        this.name = name;
        this.up = check("potentiation", potentiation, +1);
        float[] d = check("depression", depression, -1);
        this.downFlipped = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            downFlipped[i] = 1f - d[i];
        }
        PulseDevice.requireSpreads(cycleSigma, deviceSigma, energyPerPulse);
        this.cycleSigma = cycleSigma;
        this.deviceSigma = deviceSigma;
        this.energyPerPulse = energyPerPulse;
    }

    /** From tables in siemens, normalised with G_min and G_max. */
    public static TablePulseDevice fromConductance(String name, double[] potentiationS, double[] depressionS,
                                                   double gMinS, double gMaxS, double cycleSigma, double deviceSigma,
                                                   double energyPerPulse) {
        if (!(gMaxS > gMinS) || !Double.isFinite(gMinS) || !Double.isFinite(gMaxS)) {
            throw new IllegalArgumentException("need finite G_min < G_max, got " + gMinS + ", " + gMaxS);
        }
        return new TablePulseDevice(name, normalise(potentiationS, gMinS, gMaxS), normalise(depressionS, gMinS, gMaxS),
                cycleSigma, deviceSigma, energyPerPulse);
    }

    /** Tabulates another device's branches (for tests: a table must reproduce its source). */
    public static TablePulseDevice tabulate(PulseDevice d) {
        int n = d.states();
        float[] p = new float[n];
        float[] q = new float[n];
        q[0] = 1f;
        for (int i = 1; i < n; i++) {
            p[i] = d.up(p[i - 1]);
            q[i] = d.down(q[i - 1]);
        }
        return new TablePulseDevice("table(" + d.name() + ")", p, q, d.cycleSigma(), d.deviceSigma(),
                d.energyPerPulse());
    }

    private static float[] normalise(double[] s, double gMin, double gMax) {
        if (s == null) {
            throw new IllegalArgumentException("missing conductance table");
        }
        float[] g = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            g[i] = (float) ((s[i] - gMin) / (gMax - gMin));
        }
        return g;
    }

    private static float[] check(String what, float[] t, int direction) {
        if (t == null || t.length < 2) {
            throw new IllegalArgumentException(what + " table needs >= 2 entries (n = 0 and at least one pulse)");
        }
        float[] c = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            float v = t[i];
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(what + " table has a non-finite entry at pulse " + i);
            }
            if (v < -RANGE_TOLERANCE || v > 1 + RANGE_TOLERANCE) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s table entry %d is %.4g, outside the normalised range [0, 1]", what, i, v));
            }
            c[i] = Math.min(1f, Math.max(0f, v));
            if (i > 0 && direction * (c[i] - c[i - 1]) < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s table is not monotonic: entry %d (%.4g) after %.4g", what, i, c[i], c[i - 1]));
            }
        }
        if (direction * (c[c.length - 1] - c[0]) <= 0) {
            throw new IllegalArgumentException(what + " table has no net swing");
        }
        return c;
    }

    /**
     * State one pulse further along an ascending table: fractional index p of g (the largest
     * index on a flat run, so a flat stretch cannot trap the state), then the table at p + 1.
     */
    static float advance(float[] t, float g) {
        int last = t.length - 1;
        if (g < t[0]) {
            return Math.min(t[1], g + (t[1] - t[0]));
        }
        if (g >= t[last]) {
            return g;
        }
        // Largest j with t[j] <= g (exists since t[0] <= g < t[last]).
        int lo = 0;
        int hi = last;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] <= g) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        int j = lo;
        float frac = (g - t[j]) / (t[j + 1] - t[j]);
        if (j + 1 >= last) {
            return t[last];
        }
        return Math.max(g, t[j + 1] + frac * (t[j + 2] - t[j + 1]));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public float up(float g) {
        return advance(up, g);
    }

    @Override
    public float down(float g) {
        return 1f - advance(downFlipped, 1f - g);
    }

    /** Levels: the longer branch sets the nominal count, P + 1. */
    @Override
    public int states() {
        return Math.max(up.length, downFlipped.length);
    }

    /** Nominal step: the mean step of the potentiation and depression sweeps. */
    @Override
    public float nominalStep() {
        float swingUp = (up[up.length - 1] - up[0]) / (up.length - 1);
        float swingDown = (downFlipped[downFlipped.length - 1] - downFlipped[0]) / (downFlipped.length - 1);
        return 0.5f * (swingUp + swingDown);
    }

    @Override
    public double cycleSigma() {
        return cycleSigma;
    }

    @Override
    public double deviceSigma() {
        return deviceSigma;
    }

    @Override
    public double energyPerPulse() {
        return energyPerPulse;
    }

    public float[] potentiation() {
        return up.clone();
    }

    public float[] depression() {
        float[] d = new float[downFlipped.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = 1f - downFlipped[i];
        }
        return d;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s(table %d/%d pts, step=%.3g, c2c=%.3g, d2d=%.3g, E=%.3g J)", name,
                up.length, downFlipped.length, nominalStep(), cycleSigma, deviceSigma, energyPerPulse) + "#"
                + Integer.toHexString(Arrays.hashCode(up) * 31 + Arrays.hashCode(downFlipped));
    }
}
