package dev.spinnet.network.allspin;

import dev.spinnet.network.device.DeviceModels;
import dev.spinnet.network.device.NeuronModel;
import dev.spinnet.network.device.SynapseModel;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Adapter from the device-model files ({@code data/devices/*.json}, schema
 * {@link DeviceModels#SCHEMA}) to the training engine's device types: the only place where the
 * all-spin engine meets the file format, so neither knows the other's internals.
 */
public final class DeviceFiles {
    private DeviceFiles() {
    }

    /** The synapse's simulated pulse response, normalised by its G_min and G_max. */
    public static PulseDevice synapse(SynapseModel m) {
        return TablePulseDevice.fromConductance(m.name(), m.potentiation(), m.depression(), m.gMinS(), m.gMaxS(),
                m.cycleToCycleSigma(), m.deviceToDeviceSigma(), m.energyPerPulseJ());
    }

    /**
     * The neuron's transfer table (uniform grid, values and slopes) with its cycle-to-cycle spread (pooled, and its
     * dependence on the input), and the device-to-device spread of its fitted CeLU about the fitted kink.
     */
    public static NeuronTable neuron(NeuronModel m) {
        NeuronSpread spread = new NeuronSpread(m.noise().deviceToDeviceScale(), m.noise().deviceToDeviceAlpha(),
                m.noise().deviceToDeviceOffset(), m.celu().inputOffset(), m.celu().outputOffset());
        return new NeuronTable(m.name(), m.x0(), m.x1(), toFloat(m.y()), toFloat(m.dydx()),
                m.noise().cycleToCycleSigma(), m.energyPerUnitPulseJ(), spread,
                NeuronNoiseProfile.of(m.noise().inputs(), m.noise().sigma(), m.noise().cycleToCycleSigma()));
    }

    public static PulseDevice readSynapse(Path file) throws IOException {
        return synapse(DeviceModels.readSynapse(file));
    }

    public static NeuronTable readNeuron(Path file) throws IOException {
        return neuron(DeviceModels.readNeuron(file));
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
