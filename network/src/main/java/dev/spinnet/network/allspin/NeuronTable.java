package dev.spinnet.network.allspin;

import dev.spinnet.network.layer.ActivationFunction;
import dev.spinnet.network.layer.LookupActivation;

/**
 * A neuron device's transfer curve in its own units: output y at n uniformly spaced inputs
 * x0..x1 with slopes dy/dx (cubic Hermite interpolation, linear extension outside), plus the
 * spread and energy the network needs. Device files feed this record.
 *
 * @param x0                 first grid point, device input units
 * @param x1                 last grid point (> x0)
 * @param y                  output at the grid points, device output units
 * @param dydx               slopes at the grid points
 * @param cycleSigma         standard deviation of repeated evaluations, device output units
 * @param energyPerUnitInput energy of one evaluation at |x| = 1, J (scales as x^2; 0 when unknown)
 * @param spread             device-to-device spread of the curve ({@link NeuronSpread#NONE} when unknown)
 * @param noiseProfile       how the cycle-to-cycle sigma depends on the input, relative to {@code cycleSigma}
 *                           ({@link NeuronNoiseProfile#POOLED}: the same everywhere)
 */
public record NeuronTable(String name, double x0, double x1, float[] y, float[] dydx, double cycleSigma,
                          double energyPerUnitInput, NeuronSpread spread, NeuronNoiseProfile noiseProfile) {
    /** A table without a device-to-device spread. */
    public NeuronTable(String name, double x0, double x1, float[] y, float[] dydx, double cycleSigma,
                       double energyPerUnitInput) {
        this(name, x0, x1, y, dydx, cycleSigma, energyPerUnitInput, NeuronSpread.NONE);
    }

    /** A table whose noise is the pooled sigma at every input. */
    public NeuronTable(String name, double x0, double x1, float[] y, float[] dydx, double cycleSigma,
                       double energyPerUnitInput, NeuronSpread spread) {
        this(name, x0, x1, y, dydx, cycleSigma, energyPerUnitInput, spread, NeuronNoiseProfile.POOLED);
    }

    public NeuronTable {
        if (spread == null) {
            throw new IllegalArgumentException("a neuron table needs a spread (NeuronSpread.NONE for none)");
        }
        if (noiseProfile == null) {
            throw new IllegalArgumentException("a neuron table needs a noise profile (NeuronNoiseProfile.POOLED)");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a neuron table needs a name");
        }
        if (!(cycleSigma >= 0) || !Double.isFinite(cycleSigma) || !(energyPerUnitInput >= 0)
                || !Double.isFinite(energyPerUnitInput)) {
            throw new IllegalArgumentException("neuron sigma and energy must be finite and >= 0");
        }
        y = y.clone();
        dydx = dydx.clone();
        new LookupActivation(x0, x1, y, dydx, name); // validates grid and values
    }

    /** Tabulates a known function (tests, ideal references) with n points on [x0, x1]. */
    public static NeuronTable of(ActivationFunction f, double x0, double x1, int n, double cycleSigma) {
        float[] xs = new float[n];
        float[] v = new float[n];
        float[] s = new float[n];
        float[] ones = new float[n];
        java.util.Arrays.fill(ones, 1f);
        for (int i = 0; i < n; i++) {
            xs[i] = (float) (x0 + (x1 - x0) * i / (n - 1));
        }
        f.apply(xs, v, 0, n);
        f.backward(xs, ones, s, 0, n);
        return new NeuronTable("table(" + f.describe() + ")", x0, x1, v, s, cycleSigma, 0);
    }

    /** The same curve with this device-to-device spread. */
    public NeuronTable withSpread(NeuronSpread s) {
        return new NeuronTable(name, x0, x1, y, dydx, cycleSigma, energyPerUnitInput, s, noiseProfile);
    }

    /** The same curve with this dependence of the noise on the input. */
    public NeuronTable withNoiseProfile(NeuronNoiseProfile p) {
        return new NeuronTable(name, x0, x1, y, dydx, cycleSigma, energyPerUnitInput, spread, p);
    }

    /** The same curve with the pooled sigma at every input. */
    public NeuronTable pooledNoise() {
        return withNoiseProfile(NeuronNoiseProfile.POOLED);
    }

    public LookupActivation activation() {
        return new LookupActivation(x0, x1, y, dydx, name);
    }

    public int points() {
        return y.length;
    }

    @Override
    public float[] y() {
        return y.clone();
    }

    @Override
    public float[] dydx() {
        return dydx.clone();
    }
}
