package dev.spinnet.llg.material;

import static dev.spinnet.llg.material.PhysicalConstants.E_CHARGE;
import static dev.spinnet.llg.material.PhysicalConstants.HBAR;
import static dev.spinnet.llg.material.PhysicalConstants.MU0;

/**
 * A {@link Ferrimagnet} evaluated at one temperature: the inputs of the collective model and of the
 * micromagnetic solver. Sign conventions: the TM sublattice defines the wall orientation, so
 * {@code M_net = M_TM - M_RE} and {@code s_net = s_TM - s_RE} may be negative.
 *
 * @param material    the film
 * @param temperature K
 */
public record MaterialState(Ferrimagnet material, double temperature) {

    /** TM saturation magnetisation, A/m. */
    public double msTm() {
        return material.tm().ms(temperature);
    }

    /** RE saturation magnetisation, A/m. */
    public double msRe() {
        return material.re().ms(temperature);
    }

    /** Net magnetisation M_TM - M_RE, A/m. */
    public double mNet() {
        return msTm() - msRe();
    }

    /** Sum M_TM + M_RE, A/m: weights the split of A, K, D, K_perp and of the spin torque between sublattices. */
    public double mSum() {
        return msTm() + msRe();
    }

    public double gammaTm() {
        return material.tm().gamma();
    }

    public double gammaRe() {
        return material.re().gamma();
    }

    /** TM spin density M_TM/gamma_TM, J s/m^3. */
    public double sTm() {
        return msTm() / gammaTm();
    }

    /** RE spin density, J s/m^3. */
    public double sRe() {
        return msRe() / gammaRe();
    }

    /** Net spin density s_TM - s_RE, J s/m^3 (zero at T_A). */
    public double sNet() {
        return sTm() - sRe();
    }

    /** Total spin density s_TM + s_RE, J s/m^3. */
    public double sTotal() {
        return sTm() + sRe();
    }

    /** Damping-weighted spin density alpha_TM s_TM + alpha_RE s_RE, J s/m^3 (the "alpha s" of the reference). */
    public double alphaS() {
        return material.tm().alpha() * sTm() + material.re().alpha() * sRe();
    }

    /** Effective damping alphaS / s_total. */
    public double effectiveDamping() {
        return alphaS() / sTotal();
    }

    /** Wall width sqrt(A/K_eff), m. */
    public double wallWidth() {
        return material.wallWidth();
    }

    /** Spin-orbit-torque pressure J_s = hbar theta_SH j / (2 e t_F), J/m^3, for charge current density j (A/m^2). */
    public double spinHallPressure(double j) {
        return HBAR * material.heavyMetal().spinHallAngle() * j / (2.0 * E_CHARGE * material.thickness());
    }

    /** Characteristic current j0 = 2 e t_F D / (hbar theta_SH Delta), A/m^2, of the SOT + DMI closed form. */
    public double characteristicCurrent() {
        return 2.0 * E_CHARGE * material.thickness() * material.dmi()
                / (HBAR * material.heavyMetal().spinHallAngle() * wallWidth());
    }

    /** Walker field H_W = alpha s K_perp / (|s_net| mu0 |M_net|), A/m; infinite at T_A. */
    public double walkerField() {
        return alphaS() * material.shapeAnisotropyKperp() / (Math.abs(sNet()) * MU0 * Math.abs(mNet()));
    }
}
