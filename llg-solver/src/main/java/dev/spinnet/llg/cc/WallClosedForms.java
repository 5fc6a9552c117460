package dev.spinnet.llg.cc;

import static dev.spinnet.llg.material.PhysicalConstants.E_CHARGE;
import static dev.spinnet.llg.material.PhysicalConstants.HBAR;
import static dev.spinnet.llg.material.PhysicalConstants.MU0;

import dev.spinnet.llg.material.MaterialState;

/**
 * Closed-form steady states of the collective model (physics reference), in SI units. Used as test
 * oracles and by the device fits.
 */
public final class WallClosedForms {
    private WallClosedForms() {
    }

    /**
     * SOT + DMI steady velocity at H = 0 for K_perp Delta &lt;&lt; D, m/s:
     * v = (pi/2) D j / sqrt((j s_net)^2 + (j0 alphaS)^2).
     */
    public static double sotDmiVelocity(MaterialState s, double j) {
        double d = s.material().dmi();
        double j0 = s.characteristicCurrent();
        return 0.5 * Math.PI * d * j / Math.hypot(j * s.sNet(), j0 * s.alphaS());
    }

    /** Velocity at T_A (s_net = 0): pi Delta hbar theta_SH j / (4 e t_F alphaS), m/s, linear in j. */
    public static double compensatedSotVelocity(MaterialState s, double j) {
        return Math.PI * s.wallWidth() * HBAR * s.material().heavyMetal().spinHallAngle() * j
                / (4.0 * E_CHARGE * s.material().thickness() * s.alphaS());
    }

    /** Saturation velocity pi D / (2 |s_net|) of the SOT + DMI drive away from T_A, m/s. */
    public static double sotSaturationVelocity(MaterialState s) {
        return 0.5 * Math.PI * s.material().dmi() / Math.abs(s.sNet());
    }

    /** Field-driven steady velocity below the Walker field, Delta mu0 M_net H / alphaS, m/s. */
    public static double fieldVelocity(MaterialState s, double h) {
        return s.wallWidth() * MU0 * s.mNet() * h / s.alphaS();
    }

    /**
     * Time-averaged field-driven velocity (D = 0, no current) below and above the Walker field, m/s.
     * Above H_W the angle precesses with mean rate sqrt(a^2 - b^2), a = s_net F / den,
     * b = alphaS K_perp / den, F = mu0 M_net H, den = s_net^2 + alphaS^2, and
     * v = Delta F / alphaS - (s_net Delta / alphaS) mean(phidot).
     */
    public static double fieldMeanVelocity(MaterialState s, double h) {
        double f = MU0 * s.mNet() * h;
        double den = s.sNet() * s.sNet() + s.alphaS() * s.alphaS();
        double a = s.sNet() * f / den;
        double b = s.alphaS() * s.material().shapeAnisotropyKperp() / den;
        double meanPhiDot = Math.abs(a) > Math.abs(b) ? Math.signum(a) * Math.sqrt(a * a - b * b) : 0.0;
        return s.wallWidth() / s.alphaS() * (f - s.sNet() * meanPhiDot);
    }
}
