package dev.spinnet.llg.micromag;

import static dev.spinnet.llg.material.PhysicalConstants.E_CHARGE;
import static dev.spinnet.llg.material.PhysicalConstants.HBAR;

import dev.spinnet.llg.cc.CurrentWaveform;
import dev.spinnet.llg.material.Checks;

/**
 * Spin-orbit torque from the heavy-metal spin current, polarisation sigma = +y, written as an
 * equivalent field so that the LLG stays in field form:
 * -gamma B_DL m x (m x sigma) - gamma B_FL m x sigma = -gamma m x (B_DL (m x sigma) + B_FL sigma).
 *
 * <p>B_DL = hbar theta_SH j(t) / (2 e M_sum t_F) on both sublattices: sublattice i then absorbs the
 * angular momentum J_s M_i / M_sum per volume and time, the two together J_s = hbar theta j / (2 e t_F)
 * (the reference's B_DL,i = hbar theta j / (2 e M_i t_F) would give each sublattice the whole J_s and the
 * pair twice the drive of the collective model; both agree for a ferromagnet). The sign (sigma = +y for
 * theta j &gt; 0) is the one for which the phi = 0 wall moves towards +x, as in (A) of the collective model.
 * B_FL = chi B_DL.
 */
public final class SpinOrbitTorque implements FieldTerm {
    private final Medium medium;
    private final CurrentWaveform current;
    private final double bPerJ;
    private final double chi;

    /**
     * @param spinHallAngle theta_SH
     * @param thickness     ferrimagnet thickness t_F, m
     * @param current       heavy-metal current density j(t), A/m^2
     * @param chi           field-like / damping-like ratio
     */
    public SpinOrbitTorque(Medium medium, double spinHallAngle, double thickness, CurrentWaveform current,
            double chi) {
        this.medium = medium;
        Checks.finite("spinHallAngle", spinHallAngle);
        Checks.positive("thickness t_F (m)", thickness);
        this.current = Checks.notNull("current", current);
        this.chi = Checks.finite("chi (field-like ratio)", chi);
        this.bPerJ = HBAR * spinHallAngle / (2.0 * E_CHARGE * medium.msSum() * thickness);
    }

    @Override
    public void addField(double t, double[] m, double[] b, int from, int to) {
        double bdl = bPerJ * current.currentDensity(t);
        if (bdl == 0.0) {
            return;
        }
        double bfl = chi * bdl;
        Mesh1D mesh = medium.mesh();
        for (int s = 0; s < 2; s++) {
            if (!medium.active(s)) {
                continue;
            }
            int ox = mesh.offset(s, 0);
            int oy = mesh.offset(s, 1);
            int oz = mesh.offset(s, 2);
            for (int i = from; i < to; i++) {
                // m x y = (-m_z, 0, m_x)
                b[ox + i] -= bdl * m[oz + i];
                b[oy + i] += bfl;
                b[oz + i] += bdl * m[ox + i];
            }
        }
    }

    /** Damping-like field per current density, T per A/m^2 (for the fused kernel). */
    double bPerJ() {
        return bPerJ;
    }

    double chi() {
        return chi;
    }

    CurrentWaveform current() {
        return current;
    }

    @Override
    public double energy(double[] m) {
        return 0.0;
    }

    @Override
    public String name() {
        return "spin-orbit torque";
    }
}
