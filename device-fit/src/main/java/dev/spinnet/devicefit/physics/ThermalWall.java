package dev.spinnet.devicefit.physics;

import static dev.spinnet.llg.material.PhysicalConstants.K_B;

import java.util.SplittableRandom;

import dev.spinnet.llg.cc.CollectiveCoordinateModel;
import dev.spinnet.llg.material.Checks;
import dev.spinnet.llg.material.MaterialState;
import dev.spinnet.llg.ode.FlatOde;
import dev.spinnet.llg.ode.StochasticHeun;
import dev.spinnet.llg.ode.StepObserver;

/**
 * The collective-coordinate wall at temperature T: the deterministic right-hand side is llg-solver's
 * {@link CollectiveCoordinateModel}; thermal forces are added to the two balance equations.
 *
 * <p>Fluctuation-dissipation for a rigid wall of cross-section S = width x t_F: the Rayleigh dissipation per
 * area is alphaS (qdot^2 / Delta + Delta phidot^2), i.e. friction coefficients 2 alphaS S / Delta on q and
 * 2 alphaS S Delta on phi, so the Langevin forces have white-noise strengths 2 k_B T times those. Equations
 * (A) and (B) are the half pressure balances (per area, divided by 2), so their noise terms have variance per
 * step
 * <pre>
 *   var(F_A) = k_B T alphaS / (Delta S dt),   var(F_B) = k_B T alphaS Delta / (S dt)
 * </pre>
 * and enter through the same inverse matrix as the deterministic forces. Check: free diffusion of q at T_A
 * then has D_q = k_B T Delta / (2 alphaS S), the Einstein relation for the wall's friction (tested).
 * Integrated with llg-solver's Stratonovich {@link StochasticHeun} (noise held over the step).
 */
public final class ThermalWall implements FlatOde {
    private final CollectiveCoordinateModel model;
    private final double sNet;
    private final double alphaS;
    private final double delta;
    private final double sigmaA;
    private final double sigmaB;
    private final SplittableRandom random;
    private double noiseA;
    private double noiseB;
    private final double[] tmp = new double[2];

    /**
     * @param state       material at the operating temperature (its s_net, alphaS, Delta)
     * @param model       deterministic equations (drive, potential) at the same state
     * @param crossSection wall area S = track width x film thickness, m^2
     * @param temperature noise temperature, K (0: deterministic)
     * @param seed        noise seed
     */
    public ThermalWall(MaterialState state, CollectiveCoordinateModel model, double crossSection,
            double temperature, long seed) {
        this.model = Checks.notNull("model", model);
        Checks.positive("crossSection (m^2)", crossSection);
        Checks.nonNegative("temperature (K)", temperature);
        this.sNet = state.sNet();
        this.alphaS = state.alphaS();
        this.delta = state.wallWidth();
        double kt = K_B * temperature;
        this.sigmaA = Math.sqrt(kt * alphaS / (delta * crossSection));
        this.sigmaB = Math.sqrt(kt * alphaS * delta / crossSection);
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public void beginStep(double t, double dt) {
        double r = 1.0 / Math.sqrt(dt);
        noiseA = sigmaA == 0 ? 0 : sigmaA * r * random.nextGaussian();
        noiseB = sigmaB == 0 ? 0 : sigmaB * r * random.nextGaussian();
    }

    @Override
    public void derivatives(double t, double[] y, double[] dydt) {
        model.derivatives(t, y[0], y[1], tmp);
        double den = sNet * sNet + alphaS * alphaS;
        dydt[0] = tmp[0] + (alphaS * delta * noiseA + sNet * noiseB) / den;
        dydt[1] = tmp[1] + (sNet * noiseA - alphaS / delta * noiseB) / den;
    }

    /**
     * Integrates from (q, phi) at t0 through the given times (s, increasing), writing q at each into
     * {@code positions}; returns the final (q, phi).
     */
    public double[] run(double q0, double phi0, double t0, double[] times, double dt, double[] positions) {
        StochasticHeun heun = new StochasticHeun(dt);
        double[] y = {q0, phi0};
        double t = t0;
        for (int k = 0; k < times.length; k++) {
            long steps = Math.round((times[k] - t) / dt);
            if (steps > 0) {
                t = heun.integrate(this, t, y, steps, StepObserver.NONE);
            }
            positions[k] = y[0];
        }
        return y;
    }
}
