package dev.spinnet.llg.cc;

import dev.spinnet.llg.material.Checks;
import dev.spinnet.llg.material.HeavyMetal;

/**
 * Lumped Joule heating of the film by the heavy-metal current, dT/dt = kappa j(t)^2 - (T - T0)/tau: the
 * temperature (and with it s_net, M_net and alpha s) follows the pulse, which matters for sub-ns pulses
 * near T_A. Steady heating under a constant current: kappa tau j^2.
 *
 * @param ambient     substrate temperature T0, K
 * @param kappa       heating rate per squared current density, K s^-1 (A/m^2)^-2
 * @param coolingTime tau, s
 */
public record JouleHeating(double ambient, double kappa, double coolingTime) {

    public JouleHeating {
        Checks.nonNegative("ambient temperature (K)", ambient);
        Checks.nonNegative("kappa (K s^-1 (A/m^2)^-2)", kappa);
        Checks.positive("coolingTime tau (s)", coolingTime);
    }

    /**
     * From the stack: power per area rho j^2 t_HM dissipated in the heavy metal heats a stack of thickness
     * t_stack and volumetric heat capacity c_v: kappa = rho t_HM / (c_v t_stack).
     *
     * @param hm                   heavy metal (resistivity)
     * @param hmThickness          m
     * @param stackThickness       heated thickness, m
     * @param volumetricHeatCapacity J/(m^3 K), ~3e6 for metals
     * @param coolingTime          s
     */
    public static JouleHeating fromStack(double ambient, HeavyMetal hm, double hmThickness, double stackThickness,
            double volumetricHeatCapacity, double coolingTime) {
        Checks.positive("hmThickness (m)", hmThickness);
        Checks.positive("stackThickness (m)", stackThickness);
        Checks.positive("volumetricHeatCapacity (J/(m^3 K))", volumetricHeatCapacity);
        return new JouleHeating(ambient, hm.resistivity() * hmThickness / (volumetricHeatCapacity * stackThickness),
                coolingTime);
    }

    /** dT/dt at temperature T (K) and current density j (A/m^2), K/s. */
    public double rate(double temperature, double j) {
        return kappa * j * j - (temperature - ambient) / coolingTime;
    }
}
