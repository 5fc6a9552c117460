package dev.spinnet.llg.cc;

import static dev.spinnet.llg.material.PhysicalConstants.MU0;

import org.hipparchus.ode.OrdinaryDifferentialEquation;

import dev.spinnet.llg.material.Checks;
import dev.spinnet.llg.material.Ferrimagnet;
import dev.spinnet.llg.material.Sublattice;
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
 * Temperature is either fixed by a {@link MaterialState} (state y = (q, phi)) or follows a
 * {@link JouleHeating} model (state y = (q, phi, T [K])); then s_net, alphaS and M_net are re-evaluated from
 * the Ms(T) lines at every call while A, K, D, K_perp stay constant.
 */
public final class CollectiveCoordinateModel implements OrdinaryDifferentialEquation {
    private final double sNet;
    private final double alphaS;
    private final double delta;
    private final double dmi;
    private final double kPerp;
    /** J_s per unit current density, J/m^3 per A/m^2. */
    private final double pressurePerCurrent;
    /** mu0 M_net H_z, J/m^3 (fixed-temperature model). */
    private final double zeemanPressure;
    private final double hz;
    private final CurrentWaveform current;
    private final WallPotential potential;
    /** Non-null for the heated model. */
    private final JouleHeating heating;
    private final Sublattice tm;
    private final Sublattice re;

    /**
     * Fixed-temperature model, y = (q, phi).
     *
     * @param state     material at the working temperature
     * @param hz        applied out-of-plane field H_z, A/m (constant)
     * @param current   heavy-metal current density waveform
     * @param potential pinning / confinement / track ends (WallPotential.NONE for a free wall)
     */
    public CollectiveCoordinateModel(MaterialState state, double hz, CurrentWaveform current,
            WallPotential potential) {
        this(state.material(), state, null, hz, current, potential);
    }

    /**
     * Heated model, y = (q, phi, T): the temperature starts wherever the initial state says and follows
     * {@code heating}.
     */
    public CollectiveCoordinateModel(Ferrimagnet material, JouleHeating heating, double hz, CurrentWaveform current,
            WallPotential potential) {
        this(material, material.at(heating.ambient()), Checks.notNull("heating", heating), hz, current, potential);
    }

    private CollectiveCoordinateModel(Ferrimagnet material, MaterialState state, JouleHeating heating, double hz,
            CurrentWaveform current, WallPotential potential) {
        Checks.finite("hz (A/m)", hz);
        if (!(state.alphaS() > 0)) {
            throw new IllegalArgumentException("no magnetic moment left at T = " + state.temperature()
                    + " K (alpha s = " + state.alphaS() + ")");
        }
        this.sNet = state.sNet();
        this.alphaS = state.alphaS();
        this.delta = state.wallWidth();
        this.dmi = material.dmi();
        this.kPerp = material.shapeAnisotropyKperp();
        this.pressurePerCurrent = state.spinHallPressure(1.0);
        this.zeemanPressure = MU0 * state.mNet() * hz;
        this.hz = hz;
        this.current = Checks.notNull("current", current);
        this.potential = Checks.notNull("potential", potential);
        this.heating = heating;
        this.tm = material.tm();
        this.re = material.re();
    }

    public CurrentWaveform current() {
        return current;
    }

    public WallPotential potential() {
        return potential;
    }

    /** Initial state (q0, phi0), or (q0, phi0, ambient T) for the heated model. */
    public double[] initialState(double q0, double phi0) {
        return heating == null ? new double[] {q0, phi0} : new double[] {q0, phi0, heating.ambient()};
    }

    /** True when the state carries the temperature as third component. */
    public boolean heated() {
        return heating != null;
    }

    @Override
    public int getDimension() {
        return heating == null ? 2 : 3;
    }

    @Override
    public double[] computeDerivatives(double t, double[] y) {
        double[] dy = new double[getDimension()];
        if (heating == null) {
            derivatives(t, y[0], y[1], dy);
        } else {
            double temp = y[2];
            double sT = tm.ms(temp) / tm.gamma();
            double sR = re.ms(temp) / re.gamma();
            double j = current.currentDensity(t);
            derivatives(t, y[0], y[1], sT - sR, tm.alpha() * sT + re.alpha() * sR,
                    MU0 * (tm.ms(temp) - re.ms(temp)) * hz, j, dy);
            dy[2] = heating.rate(temp, j);
        }
        return dy;
    }

    /** Allocation-free form (fixed temperature): writes (qdot [m/s], phidot [rad/s]) into {@code out}. */
    public void derivatives(double t, double q, double phi, double[] out) {
        derivatives(t, q, phi, sNet, alphaS, zeemanPressure, current.currentDensity(t), out);
    }

    private void derivatives(double t, double q, double phi, double sN, double aS, double zeeman, double j,
            double[] out) {
        double fa = zeeman + 0.5 * Math.PI * pressurePerCurrent * j * Math.cos(phi) + 0.5 * potential.force(q);
        double fb = 0.5 * Math.PI * dmi * Math.sin(phi) - kPerp * delta * Math.sin(2.0 * phi);
        double den = sN * sN + aS * aS;
        out[0] = (aS * delta * fa + sN * fb) / den;
        out[1] = (sN * fa - aS / delta * fb) / den;
    }
}
