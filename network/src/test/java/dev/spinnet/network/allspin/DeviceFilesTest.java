package dev.spinnet.network.allspin;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed device files feed the engine's device types. */
class DeviceFilesTest {
    private static final Path DEVICES = Path.of("..", "data", "devices");

    @Test
    void ferrimagneticSynapseIsLinearWithItsStates() throws Exception {
        PulseDevice d = DeviceFiles.readSynapse(DEVICES.resolve("ferri-synapse.json"));
        assertEquals(33, d.states());
        // Linear device: each potentiation pulse from G_min adds one nominal step.
        float g = 0f;
        for (int i = 0; i < 8; i++) {
            float next = d.up(g);
            assertEquals(d.nominalStep(), next - g, 0.02 * d.nominalStep(), "pulse " + i);
            g = next;
        }
        assertTrue(d.energyPerPulse() > 0);
    }

    @Test
    void ferrimagneticNeuronIsCeluLike() throws Exception {
        NeuronTable t = DeviceFiles.readNeuron(DEVICES.resolve("ferri-neuron.json"));
        DeviceNeuron n = DeviceNeuron.mapped(t, -4, 4);
        // Linear for positive inputs, saturating for negative ones.
        double slopePos = n.value(2.0) - n.value(1.0);
        double slopeNeg = n.value(-3.0) - n.value(-4.0);
        assertTrue(slopePos > 5 * Math.abs(slopeNeg), "positive slope " + slopePos + ", negative " + slopeNeg);
    }

    /** The device-to-device spread and the kink it is taken about come from the file's noise and CeLU fit. */
    @Test
    void neuronSpreadIsTheFilesFittedSpread() throws Exception {
        Path file = DEVICES.resolve("ferri-neuron.json");
        dev.spinnet.network.device.NeuronModel m = dev.spinnet.network.device.DeviceModels.readNeuron(file);
        NeuronSpread s = DeviceFiles.readNeuron(file).spread();
        assertEquals(m.noise().deviceToDeviceScale(), s.scaleRelative());
        assertEquals(m.noise().deviceToDeviceAlpha(), s.alphaRelative());
        assertEquals(m.noise().deviceToDeviceOffset(), s.offsetSigma());
        assertEquals(m.celu().inputOffset(), s.kinkInput());
        assertEquals(m.celu().outputOffset(), s.kinkOutput());
        assertTrue(s.scaleRelative() > 0 && s.alphaRelative() > 0 && s.offsetSigma() > 0, s.toString());
    }
}
