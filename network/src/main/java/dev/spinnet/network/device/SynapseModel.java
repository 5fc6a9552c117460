package dev.spinnet.network.device;

/**
 * A pulsed device synapse as the network sees it: conductance after n identical pulses, potentiation from
 * G_min upward and depression from G_max downward (T = 0 tables of the nominal device, n = 0..P_max), the
 * exponential-model nonlinearity of each branch, and the spreads at the operating temperature.
 *
 * @param name                 file stem, e.g. "ferri-synapse"
 * @param description          the device design in words
 * @param provenance           material, geometry, solver, seed, code version
 * @param gMinS                lowest conductance, S (> 0)
 * @param gMaxS                highest conductance, S (> G_min)
 * @param pulseAmplitude       current density of a programming pulse, A/m^2 (sign: potentiation)
 * @param pulseWidthS          pulse plateau, s
 * @param energyPerPulseJ      Joule energy of one programming pulse in the heavy metal, J
 * @param potentiation         G after n pulses from G_min, S, n = 0..P_max (non-decreasing)
 * @param depression           G after n pulses from G_max, S, n = 0..P_max (non-increasing)
 * @param distinguishableStates number of conductance levels separated by more than 2 sigma (cycle-to-cycle,
 *                             at the operating temperature)
 * @param potentiationNl       exponential-model nonlinearity of the potentiation branch
 * @param depressionNl         of the depression branch
 * @param asymmetry            mean |dG_up(G) + dG_down(G)| / mean |dG|: 0 for symmetric updates
 * @param cycleToCycleSigma    standard deviation of the conductance change of one pulse, fraction of
 *                             G_max - G_min
 * @param deviceToDeviceSigma  relative standard deviation of the mean step size across devices
 * @param onOffRatio           G_max / G_min
 * @param devices              simulated devices for the device-to-device statistics
 * @param cycles               potentiation/depression cycles per device
 */
public record SynapseModel(String name, String description, Provenance provenance, double gMinS, double gMaxS,
        double pulseAmplitude, double pulseWidthS, double energyPerPulseJ, double[] potentiation,
        double[] depression, int distinguishableStates, BranchNonlinearity potentiationNl,
        BranchNonlinearity depressionNl, double asymmetry, double cycleToCycleSigma, double deviceToDeviceSigma,
        double onOffRatio, int devices, int cycles) implements DeviceModel {

    public SynapseModel {
        Checks.text("name", name);
        Checks.text("description", description);
        if (provenance == null) {
            throw new DeviceFormatException("provenance is missing");
        }
        Checks.positive("synapse.g_min_S", gMinS);
        Checks.positive("synapse.g_max_S", gMaxS);
        if (!(gMaxS > gMinS)) {
            throw new DeviceFormatException("synapse.g_max_S must exceed synapse.g_min_S, got " + gMinS + ", " + gMaxS);
        }
        Checks.finite("synapse.pulse_amplitude_A_per_m2", pulseAmplitude);
        Checks.positive("synapse.pulse_width_s", pulseWidthS);
        Checks.nonNegative("synapse.energy_per_pulse_J", energyPerPulseJ);
        potentiation = Checks.table("synapse.potentiation_S", potentiation, 2);
        depression = Checks.table("synapse.depression_S", depression, 2);
        if (potentiation.length != depression.length) {
            throw new DeviceFormatException("synapse.depression_S needs as many entries as synapse.potentiation_S ("
                    + potentiation.length + "), got " + depression.length);
        }
        Checks.monotonic("synapse.potentiation_S", potentiation, +1);
        Checks.monotonic("synapse.depression_S", depression, -1);
        if (distinguishableStates < 1) {
            throw new DeviceFormatException("synapse.distinguishable_states must be >= 1, got " + distinguishableStates);
        }
        if (potentiationNl == null || depressionNl == null) {
            throw new DeviceFormatException("synapse.potentiation_nl and synapse.depression_nl are required");
        }
        Checks.nonNegative("synapse.asymmetry", asymmetry);
        Checks.nonNegative("synapse.cycle_to_cycle_sigma", cycleToCycleSigma);
        Checks.nonNegative("synapse.device_to_device_sigma", deviceToDeviceSigma);
        Checks.positive("synapse.on_off_ratio", onOffRatio);
        if (devices < 1 || cycles < 1) {
            throw new DeviceFormatException("synapse.devices and synapse.cycles must be >= 1, got " + devices + ", "
                    + cycles);
        }
    }

    @Override
    public double[] potentiation() {
        return potentiation.clone();
    }

    @Override
    public double[] depression() {
        return depression.clone();
    }

    /** P_max: pulses per branch. */
    public int pulsesPerBranch() {
        return potentiation.length - 1;
    }
}
