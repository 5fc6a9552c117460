package dev.spinnet.network.device;

import java.util.List;

import dev.spinnet.network.layer.LookupActivation;

/**
 * A device neuron as the network sees it: the transfer curve y(x) at T = 0 tabulated on a uniform input grid
 * (values and slopes, for cubic Hermite interpolation), the fitted candidate functions, and the spread at the
 * operating temperature.
 *
 * <p>Units: the input x is the signed input current density divided by {@code inputUnitCurrentDensity}
 * (j = x j_unit, A/m^2, one pulse of {@code pulseWidthS}); the output y is the wall displacement divided by
 * {@code outputUnitM} (read out as a Hall or MTJ signal proportional to the displacement).
 *
 * @param name                     file stem, e.g. "ferri-neuron"
 * @param description              the device design in words
 * @param provenance               material, geometry, solver, seed, code version
 * @param inputUnitCurrentDensity  j_unit, A/m^2 (> 0)
 * @param pulseWidthS              input pulse plateau, s (> 0)
 * @param outputUnitM              wall displacement of one output unit, m (> 0)
 * @param energyPerUnitPulseJ      Joule energy of one input pulse at |x| = 1, J (scales as x^2)
 * @param x0                       first grid point, input units
 * @param x1                       last grid point, input units (> x0)
 * @param y                        transfer curve at the n uniformly spaced grid points (non-decreasing)
 * @param dydx                     its slopes dy/dx at the same points
 * @param monotonic                whether y is non-decreasing; when true (the usual neuron) it is enforced on
 *                                 reading, so a corrupted table fails; a device whose simulated curve genuinely
 *                                 turns back (e.g. wall inertia in a ferromagnet) declares false
 * @param celu                     CeLU fit
 * @param fits                     every candidate fit (celu, relu, elu, softplus, sigmoid)
 * @param bestByAic                candidate with the lowest AIC
 * @param bestByBic                candidate with the lowest BIC
 * @param noise                    spread at the operating temperature
 */
public record NeuronModel(String name, String description, Provenance provenance, double inputUnitCurrentDensity,
        double pulseWidthS, double outputUnitM, double energyPerUnitPulseJ, double x0, double x1, double[] y,
        double[] dydx, boolean monotonic, CeluParams celu, List<FitSummary> fits, String bestByAic, String bestByBic,
        NeuronNoise noise) implements DeviceModel {

    public NeuronModel {
        Checks.text("name", name);
        Checks.text("description", description);
        if (provenance == null) {
            throw new DeviceFormatException("provenance is missing");
        }
        Checks.positive("neuron.input_unit_current_density_A_per_m2", inputUnitCurrentDensity);
        Checks.positive("neuron.pulse_width_s", pulseWidthS);
        Checks.positive("neuron.output_unit_m", outputUnitM);
        Checks.nonNegative("neuron.energy_per_unit_pulse_J", energyPerUnitPulseJ);
        Checks.finite("neuron.x0", x0);
        Checks.finite("neuron.x1", x1);
        if (!(x1 > x0)) {
            throw new DeviceFormatException("neuron.x1 must exceed neuron.x0, got x0=" + x0 + " x1=" + x1);
        }
        y = Checks.table("neuron.y", y, 2);
        dydx = Checks.table("neuron.dydx", dydx, 2);
        if (dydx.length != y.length) {
            throw new DeviceFormatException("neuron.dydx needs as many entries as neuron.y (" + y.length + "), got "
                    + dydx.length);
        }
        if (monotonic) {
            Checks.monotonic("neuron.y", y, +1);
        }
        if (celu == null) {
            throw new DeviceFormatException("neuron.celu is missing");
        }
        if (fits == null || fits.isEmpty()) {
            throw new DeviceFormatException("neuron.fits must list at least one fit");
        }
        fits = List.copyOf(fits);
        Checks.text("neuron.best_by_aic", bestByAic);
        Checks.text("neuron.best_by_bic", bestByBic);
        if (noise == null) {
            throw new DeviceFormatException("neuron.noise is missing");
        }
    }

    /** True when every step of y is >= -1e-3 of its range (the test the reader applies when monotonic is set). */
    public static boolean isMonotonic(double[] y) {
        try {
            Checks.monotonic("y", y, +1);
            return true;
        } catch (DeviceFormatException e) {
            return false;
        }
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public double[] dydx() {
        return dydx.clone();
    }

    public int points() {
        return y.length;
    }

    /** Input grid point i, input units. */
    public double x(int i) {
        return x0 + (x1 - x0) * i / (y.length - 1);
    }

    /** The transfer curve as a network activation (cubic Hermite on the same grid). */
    public LookupActivation toActivation() {
        float[] v = new float[y.length];
        float[] s = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            v[i] = (float) y[i];
            s[i] = (float) dydx[i];
        }
        return new LookupActivation(x0, x1, v, s, name);
    }
}
