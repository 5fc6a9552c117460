package dev.spinnet.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.spinnet.network.device.DeviceModels;
import dev.spinnet.network.device.NeuronModel;

/** {@code spinnet fit --set ... --variant TAG}: a design variant regenerated from the physics under its own name. */
class FitVariantTest {

    @Test
    void shallowerBarrierGivesASharperKneeUnderItsOwnName(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("devices");
        // Few devices and cycles keep the statistics cheap; the nominal curve does not depend on them.
        Object[] r = SweepCommandTest.cli("fit", "--devices", "ferri-neuron", "--no-spot-checks", "--threads", "2",
                "--set", "barrierDepth=20e-9", "--set", "devices=2", "--set", "cycles=2", "--variant", "b20",
                "--out", out.toString());
        assertEquals(0, r[0], r[2].toString());
        Path file = out.resolve("ferri-neuron-b20.json");
        assertTrue(Files.exists(file), r[1].toString());
        assertFalse(Files.exists(out.resolve("ferri-neuron.json")), "the nominal name was written");
        NeuronModel m = DeviceModels.readNeuron(file);
        assertEquals("ferri-neuron-b20", m.name());
        assertEquals(20e-9, m.provenance().parameters().get("barrier_depth_m"), 1e-18);
        assertTrue(m.description().contains("depth 20 nm"), m.description());
        NeuronModel nominal = DeviceModels.readNeuron(Path.of("..", "data", "devices", "ferri-neuron.json"));
        // The barrier sets the saturation depth of the negative branch: 20 nm instead of 50 nm.
        assertTrue(m.celu().alpha() < 0.8 * nominal.celu().alpha(), m.celu() + " vs " + nominal.celu());
        assertEquals(nominal.inputUnitCurrentDensity(), m.inputUnitCurrentDensity(), 1e-6 * nominal.inputUnitCurrentDensity());
    }
}
