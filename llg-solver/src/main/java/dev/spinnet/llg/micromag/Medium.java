package dev.spinnet.llg.micromag;

import dev.spinnet.llg.material.Checks;
import dev.spinnet.llg.material.MaterialState;

/**
 * Per-sublattice dynamical constants on a mesh: saturation magnetisation (A/m), gyromagnetic ratio
 * (rad/(s T)) and Gilbert damping. A sublattice with Ms = 0 is inactive: frozen, and excluded from
 * every field term (this is how the single-sublattice ferromagnet is represented). Damping may be zero
 * here (energy-conservation checks), unlike in the material records.
 *
 * <p>Split of the film constants: A, K, K_perp, D and the spin-torque are shared between sublattices in
 * proportion to M_i / (M_TM + M_RE). Then every term's field coefficient (e.g. 2 A_i / M_i) is the same
 * on both sublattices, the rigidly antiparallel pair has exactly the totals A, K, K_perp, D of the
 * collective model, and the absorbed spin current per area is hbar theta j / (2 e), not twice that.
 */
public record Medium(Mesh1D mesh, double msTm, double msRe, double gammaTm, double gammaRe, double alphaTm,
        double alphaRe) {

    public Medium {
        Checks.notNull("mesh", mesh);
        Checks.nonNegative("msTm (A/m)", msTm);
        Checks.nonNegative("msRe (A/m)", msRe);
        Checks.positive("gammaTm (rad/(s T))", gammaTm);
        Checks.positive("gammaRe (rad/(s T))", gammaRe);
        Checks.nonNegative("alphaTm", alphaTm);
        Checks.nonNegative("alphaRe", alphaRe);
        if (msTm == 0 && msRe == 0) {
            throw new IllegalArgumentException("at least one sublattice needs Ms > 0, got msTm=0 and msRe=0");
        }
    }

    /** Medium of a material at its temperature. */
    public static Medium of(MaterialState s, Mesh1D mesh) {
        return new Medium(mesh, s.msTm(), s.msRe(), s.gammaTm(), s.gammaRe(), s.material().tm().alpha(),
                s.material().re().alpha());
    }

    /** Single-sublattice (ferromagnetic) medium: the RE sublattice is inactive. */
    public static Medium ferromagnet(Mesh1D mesh, double ms, double gamma, double alpha) {
        return new Medium(mesh, ms, 0.0, gamma, gamma, alpha, alpha);
    }

    public double ms(int sublattice) {
        return sublattice == 0 ? msTm : msRe;
    }

    public double gamma(int sublattice) {
        return sublattice == 0 ? gammaTm : gammaRe;
    }

    public double alpha(int sublattice) {
        return sublattice == 0 ? alphaTm : alphaRe;
    }

    public boolean active(int sublattice) {
        return ms(sublattice) > 0;
    }

    /** M_TM + M_RE, A/m. */
    public double msSum() {
        return msTm + msRe;
    }

    /** Share M_i / (M_TM + M_RE) of the film constants carried by sublattice i. */
    public double share(int sublattice) {
        return ms(sublattice) / msSum();
    }
}
