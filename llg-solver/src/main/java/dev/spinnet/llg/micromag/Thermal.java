package dev.spinnet.llg.micromag;

import static dev.spinnet.llg.material.PhysicalConstants.K_B;

import java.util.SplittableRandom;

import dev.spinnet.llg.material.Checks;

/**
 * Brown's thermal field: per cell, sublattice and component B_th = eta sqrt(2 alpha_i k_B T /
 * (M_i gamma_i dV dt)), eta ~ N(0, 1), drawn in {@link #beginStep} and held for the whole step (use with
 * {@link dev.spinnet.llg.ode.StochasticHeun}; an adaptive integrator would redraw on every attempt).
 */
public final class Thermal implements FieldTerm, StepAware {
    private final Medium medium;
    private final double temperature;
    private final SplittableRandom random;
    private final double[] noise;
    private double preparedDt = Double.NaN;
    private final double[] sigmaPerRootDt = new double[2];

    /**
     * @param temperature T, K (>= 0)
     * @param seed        random seed (runs are reproducible)
     */
    public Thermal(Medium medium, double temperature, long seed) {
        this.medium = medium;
        this.temperature = Checks.nonNegative("temperature (K)", temperature);
        this.random = new SplittableRandom(seed);
        this.noise = new double[medium.mesh().stateLength()];
        double dv = medium.mesh().cellVolume();
        for (int s = 0; s < 2; s++) {
            sigmaPerRootDt[s] = medium.active(s)
                    ? Math.sqrt(2.0 * medium.alpha(s) * K_B * temperature / (medium.ms(s) * medium.gamma(s) * dv))
                    : 0.0;
        }
    }

    @Override
    public void beginStep(double t, double dt) {
        preparedDt = dt;
        Mesh1D mesh = medium.mesh();
        int n = mesh.cells();
        for (int s = 0; s < 2; s++) {
            double sigma = sigmaPerRootDt[s] / Math.sqrt(dt);
            int o = mesh.offset(s, 0);
            for (int i = 0; i < 3 * n; i++) {
                noise[o + i] = sigma == 0.0 ? 0.0 : sigma * random.nextGaussian();
            }
        }
    }

    @Override
    public void addField(double t, double[] m, double[] b, int from, int to) {
        if (Double.isNaN(preparedDt) || temperature == 0.0) {
            return;
        }
        Mesh1D mesh = medium.mesh();
        for (int s = 0; s < 2; s++) {
            if (!medium.active(s)) {
                continue;
            }
            for (int c = 0; c < 3; c++) {
                int o = mesh.offset(s, c);
                for (int i = from; i < to; i++) {
                    b[o + i] += noise[o + i];
                }
            }
        }
    }

    /** True when {@link #addField} adds noise (a step was prepared and T > 0). */
    boolean active() {
        return !Double.isNaN(preparedDt) && temperature != 0.0;
    }

    /** The noise held for the current step (not a copy; for the fused kernel). */
    double[] noise() {
        return noise;
    }

    @Override
    public double energy(double[] m) {
        return 0.0;
    }

    @Override
    public String name() {
        return "thermal";
    }
}
