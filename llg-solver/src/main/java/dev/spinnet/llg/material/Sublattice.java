package dev.spinnet.llg.material;

import static dev.spinnet.llg.material.Checks.finite;
import static dev.spinnet.llg.material.Checks.nonNegative;
import static dev.spinnet.llg.material.Checks.positive;

/**
 * One magnetic sublattice with a linear saturation-magnetisation model
 * {@code Ms(T) = max(0, ms0 - msSlope * T)}.
 *
 * @param name    label, e.g. "TM" or "RE"
 * @param ms0     extrapolated saturation magnetisation at T = 0, A/m (>= 0)
 * @param msSlope decrease of Ms per kelvin, A/(m K) (finite, any sign)
 * @param g       Lande g factor (> 0)
 * @param alpha   Gilbert damping of this sublattice (> 0)
 */
public record Sublattice(String name, double ms0, double msSlope, double g, double alpha) {

    public Sublattice {
        Checks.notNull("sublattice name", name);
        nonNegative(name + ".ms0 (A/m)", ms0);
        finite(name + ".msSlope (A/(m K))", msSlope);
        positive(name + ".g", g);
        positive(name + ".alpha", alpha);
    }

    /** A sublattice that carries no moment at any temperature: turns the ferrimagnet into a ferromagnet. */
    public static Sublattice absent(String name, double g, double alpha) {
        return new Sublattice(name, 0.0, 0.0, g, alpha);
    }

    /** Saturation magnetisation at temperature {@code t} (K), A/m, clamped at zero (a linear model cannot go negative). */
    public double ms(double t) {
        return Math.max(0.0, ms0 - msSlope * t);
    }

    /** Gyromagnetic ratio g muB / hbar, rad/(s T). */
    public double gamma() {
        return PhysicalConstants.gyromagneticRatio(g);
    }

    /** Spin (angular-momentum) density Ms/gamma at temperature t, J s/m^3. */
    public double spinDensity(double t) {
        return ms(t) / gamma();
    }
}
