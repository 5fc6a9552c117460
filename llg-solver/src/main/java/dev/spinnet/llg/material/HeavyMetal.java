package dev.spinnet.llg.material;

import static dev.spinnet.llg.material.Checks.finite;
import static dev.spinnet.llg.material.Checks.positive;

/**
 * Heavy-metal underlayer that converts a charge current into a spin current (spin Hall effect).
 *
 * @param name          label
 * @param spinHallAngle effective spin Hall angle theta_SH (dimensionless, sign included)
 * @param resistivity   electrical resistivity, ohm m (> 0); used for Joule heating and power estimates
 */
public record HeavyMetal(String name, double spinHallAngle, double resistivity) {

    /** Pt: theta_SH ~ 0.07 - 0.1 (reference table), rho ~ 2e-7 ohm m for thin films. */
    public static final HeavyMetal PLATINUM = new HeavyMetal("Pt", 0.07, 2.0e-7);
    /** beta-Ta: theta_SH ~ -0.15, rho ~ 1.9e-6 ohm m. */
    public static final HeavyMetal BETA_TANTALUM = new HeavyMetal("beta-Ta", -0.15, 1.9e-6);
    /** beta-W: theta_SH ~ -0.30, rho ~ 2.0e-6 ohm m. */
    public static final HeavyMetal BETA_TUNGSTEN = new HeavyMetal("beta-W", -0.30, 2.0e-6);

    public HeavyMetal {
        Checks.notNull("heavy metal name", name);
        finite("spinHallAngle", spinHallAngle);
        positive("resistivity (ohm m)", resistivity);
    }

    /** Joule power density rho j^2 in the heavy metal, W/m^3, for current density j (A/m^2). */
    public double joulePowerDensity(double j) {
        return resistivity * j * j;
    }
}
