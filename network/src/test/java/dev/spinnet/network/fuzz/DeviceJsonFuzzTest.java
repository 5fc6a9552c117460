package dev.spinnet.network.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.spinnet.network.allspin.DeviceFiles;
import dev.spinnet.network.device.DeviceModel;
import dev.spinnet.network.device.DeviceModels;
import dev.spinnet.network.device.NeuronModel;
import dev.spinnet.network.device.SynapseModel;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Device-model JSON reader, and the adapters that turn an accepted file into training devices: a file the
 * reader accepts must also be usable, so a bad value must be caught by the reader, not later in training.
 */
class DeviceJsonFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void fuzzDeviceJson(byte[] input) {
        try (FuzzFiles f = new FuzzFiles()) {
            Path file = f.write("device.json", input);
            try {
                DeviceModel m = DeviceModels.read(file);
                if (m instanceof SynapseModel s) {
                    DeviceFiles.synapse(s);
                } else if (m instanceof NeuronModel n) {
                    DeviceFiles.neuron(n);
                }
            } catch (IOException | IllegalArgumentException e) {
                // DeviceFormatException is an IllegalArgumentException; both are documented by DeviceModels.read
                FuzzFiles.requireOneLine(e);
            }
        }
    }
}
