package dev.spinnet.llg.cc;

import static dev.spinnet.llg.material.PhysicalConstants.MU0;

import org.hipparchus.ode.OrdinaryDifferentialEquation;

import dev.spinnet.llg.material.Checks;
import dev.spinnet.llg.material.MaterialState;

/**
 * Rigid-wall collective-coordinate equations for an up/down wall (m_z = +1 for x < q) in a
 * two-sublattice ferrimagnet, state y = (q [m], phi [rad]):
 *
 * <pre>
 *   (A) alphaS qdot/Delta + s_net phidot = mu0 M_net H_z + (pi/2) J_s(t) cos(phi) - (1/2) dU/dq
 *   (B) s_net qdot - alphaS Delta phidot = (pi/2) D sin(phi) - K_perp Delta sin(2 phi)
 * </pre>
 *
 * solved in the explicit form of the reference with alphaS = alpha_TM s_TM + alpha_RE s_RE and
 * J_s = hbar theta_SH j(t) / (2 e t_F). (B) is half the phi-derivative of the wall energy
 * -pi D cos(phi) + 2 Delta K_perp cos^2(phi): D > 0 selects phi = 0 and K_perp the Bloch angles.
 * Temperature is fixed by the {@link MaterialState}.
 */
public final class CollectiveCoordinateModel implements OrdinaryDifferentialEquation {
    private final double sNet;
    private final double alphaS;
    private final double delta;
    private final double dmi;
    private final double kPerp;
    /** J_s per unit current density, J/m^3 per A/m^2. */
    private final double pressurePerCurrent;
    /** mu0 M_net H_z, J/m^3. */
    private final double zeemanPressure;
    private final CurrentWaveform current;
    private final WallPotential potential;

    /**
     * @param state     material at the working temperature
     * @param hz        applied out-of-plane field H_z, A/m (constant)
     * @param current   heavy-metal current density waveform
     * @param potential pinning / confinement / track ends (WallPotential.NONE for a free wall)
     */
    public CollectiveCoordinateModel(MaterialState state, double hz, CurrentWaveform current,
            WallPotential potential) {
        Checks.finite("hz (A/m)", hz);
        if (!(state.alphaS() > 0)) {
            throw new IllegalArgumentException("no magnetic moment left at T = " + state.temperature()
                    + " K (alpha s = " + state.alphaS() + ")");
        }
        this.sNet = state.sNet();
        this.alphaS = state.alphaS();
        this.delta = state.wallWidth();
        this.dmi = state.material().dmi();
        this.kPerp = state.material().shapeAnisotropyKperp();
        this.pressurePerCurrent = state.spinHallPressure(1.0);
        this.zeemanPressure = MU0 * state.mNet() * hz;
        this.current = Checks.notNull("current", current);
        this.potential = Checks.notNull("potential", potential);
    }

    public CurrentWaveform current() {
        return current;
    }

    public WallPotential potential() {
        return potential;
    }

    @Override
    public int getDimension() {
        return 2;
    }

    @Override
    public double[] computeDerivatives(double t, double[] y) {
        double[] dy = new double[2];
        derivatives(t, y[0], y[1], dy);
        return dy;
    }

    /** Allocation-free form: writes (qdot [m/s], phidot [rad/s]) into {@code out}. */
    public void derivatives(double t, double q, double phi, double[] out) {
        double fa = zeemanPressure
                + 0.5 * Math.PI * pressurePerCurrent * current.currentDensity(t) * Math.cos(phi)
                + 0.5 * potential.force(q);
        double fb = 0.5 * Math.PI * dmi * Math.sin(phi) - kPerp * delta * Math.sin(2.0 * phi);
        double den = sNet * sNet + alphaS * alphaS;
        out[0] = (alphaS * delta * fa + sNet * fb) / den;
        out[1] = (sNet * fa - alphaS / delta * fb) / den;
    }
}
