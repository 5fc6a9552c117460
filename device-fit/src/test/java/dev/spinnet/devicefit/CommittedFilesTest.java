package dev.spinnet.devicefit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.spinnet.devicefit.neuron.NeuronDesign;
import dev.spinnet.devicefit.neuron.NeuronSimulator;
import dev.spinnet.devicefit.neuron.NeuronVariant;
import dev.spinnet.devicefit.synapse.SynapseDesign;
import dev.spinnet.devicefit.synapse.SynapseSimulator;
import dev.spinnet.devicefit.synapse.SynapseVariant;
import dev.spinnet.network.device.DeviceModels;
import dev.spinnet.network.device.NeuronModel;
import dev.spinnet.network.device.SynapseModel;

/**
 * The committed data/devices files are what {@code spinnet fit} produces with the default seed: the
 * deterministic T = 0 parts are recomputed here (every 8th table point of each neuron with its slope, the
 * synapse pulse calibration and both T = 0 branches) and compared with a tolerance far below any physical
 * difference. The 300 K statistics are checked for determinism in {@link DeterminismTest}; the full
 * regeneration is {@code ./spinnet fit} (about a minute).
 */
class CommittedFilesTest {
    static final Path DIR = Path.of("..", "data", "devices");

    static void neuron(String name) throws IOException {
        neuron(DeviceFit.neuron(name));
    }

    static void neuron(NeuronDesign d) throws IOException {
        String name = d.name();
        NeuronModel m = DeviceModels.readNeuron(DIR.resolve(name + ".json"));
        assertEquals(d.unitCurrentDensity(), m.inputUnitCurrentDensity(), 1e-9 * d.unitCurrentDensity());
        assertEquals(d.gridPoints(), m.points());
        for (int i = 0; i < m.points(); i += 8) {
            double x = m.x(i);
            double y = NeuronSimulator.outputT0(d, NeuronVariant.NOMINAL, x);
            assertEquals(y, m.y()[i], 1e-7, name + " y at x=" + x);
            double yp = NeuronSimulator.outputT0(d, NeuronVariant.NOMINAL, x + 1e-3);
            double ym = NeuronSimulator.outputT0(d, NeuronVariant.NOMINAL, x - 1e-3);
            assertEquals((yp - ym) / 2e-3, m.dydx()[i], 1e-4, name + " dy/dx at x=" + x);
        }
        assertTrue(m.provenance().parameters().get("table_interpolation_max_error") < 0.01,
                "the table is dense enough for cubic Hermite interpolation");
    }

    @Test
    void ferriNeuronTable() throws IOException {
        neuron("ferri-neuron");
    }

    @Test
    void ferroNeuronTable() throws IOException {
        neuron("ferro-neuron");
    }

    /**
     * The committed neuron variant with a shallower, softer barrier (both scaled by 0.375, CeLU alpha 0.30):
     * {@code fit --devices ferri-neuron --set barrierDepth=18.75e-9 --set barrierFactor=0.5625 --variant b18.75nm}.
     */
    @Test
    void ferriNeuronWithShallowBarrierTable() throws IOException {
        NeuronDesign d = DesignOverrides.apply(DeviceFit.neuron("ferri-neuron"),
                Map.of("barrierDepth", "18.75e-9", "barrierFactor", "0.5625"), "b18.75nm");
        neuron(d);
        NeuronModel m = DeviceModels.readNeuron(DIR.resolve("ferri-neuron-b18.75nm.json"));
        assertEquals(18.75e-9, m.provenance().parameters().get("barrier_depth_m"), 1e-15);
        assertTrue(Files.isRegularFile(DIR.resolve("ferri-neuron-b18.75nm.png")));
    }

    /**
     * The committed long-pulse neuron, the same T = 0 curve as b18.75nm with the default barrier: {@code fit
     * --devices ferri-neuron --set outputUnit=133.33333333333334e-9 --set pulseWidth=2.6666666666666665e-9 --set
     * edgeTime=133.33333333333334e-12 --set barrierFactor=0.5625 --set trackLength=1.6e-6 --variant long2.7ns}.
     */
    @Test
    void ferriNeuronWithLongPulseTable() throws IOException {
        NeuronDesign d = DesignOverrides.apply(DeviceFit.neuron("ferri-neuron"), Map.of(
                "outputUnit", "133.33333333333334e-9", "pulseWidth", "2.6666666666666665e-9",
                "edgeTime", "133.33333333333334e-12", "barrierFactor", "0.5625", "trackLength", "1.6e-6"), "long2.7ns");
        neuron(d);
        NeuronModel m = DeviceModels.readNeuron(DIR.resolve("ferri-neuron-long2.7ns.json"));
        NeuronModel shallow = DeviceModels.readNeuron(DIR.resolve("ferri-neuron-b18.75nm.json"));
        for (int i = 0; i < m.points(); i++) {
            assertEquals(shallow.y()[i], m.y()[i], 1e-5, "same curve as b18.75nm at x=" + m.x(i));
        }
        assertTrue(Files.isRegularFile(DIR.resolve("ferri-neuron-long2.7ns.png")));
    }

    static void synapse(String name) throws IOException {
        synapse(DeviceFit.synapse(name));
    }

    static void synapse(SynapseDesign d) throws IOException {
        String name = d.name();
        SynapseModel m = DeviceModels.readSynapse(DIR.resolve(name + ".json"));
        double w = SynapseSimulator.calibrateWidth(d);
        assertEquals(w, m.pulseWidthS(), 1e-6 * w, name + " pulse width");
        double[] up = SynapseSimulator.branchT0(d, SynapseVariant.nominal(d), w, +1);
        double[] down = SynapseSimulator.branchT0(d, SynapseVariant.nominal(d), w, -1);
        double tol = 1e-6 * (m.gMaxS() - m.gMinS());
        for (int n = 0; n < up.length; n++) {
            assertEquals(up[n], m.potentiation()[n], tol, name + " potentiation n=" + n);
            assertEquals(down[n], m.depression()[n], tol, name + " depression n=" + n);
        }
    }

    @Test
    void ferriSynapseTables() throws IOException {
        synapse("ferri-synapse");
    }

    @Test
    void ferroSynapseTables() throws IOException {
        synapse("ferro-synapse");
    }

    /** The committed design variant: {@code fit --devices ferri-synapse --set notches=65 --variant n65}. */
    @Test
    void ferriSynapseWith65NotchesTables() throws IOException {
        SynapseDesign d = DesignOverrides.apply(DeviceFit.synapse("ferri-synapse"), Map.of("notches", "65"), "n65");
        synapse(d);
        SynapseModel m = DeviceModels.readSynapse(DIR.resolve("ferri-synapse-n65.json"));
        assertEquals(65.0, m.provenance().parameters().get("notches"));
        assertEquals(65, m.distinguishableStates());
        assertTrue(Files.isRegularFile(DIR.resolve("ferri-synapse-n65.png")));
    }

    @Test
    void plotsExist() {
        for (String n : DeviceFit.ALL) {
            assertTrue(Files.isRegularFile(DIR.resolve(n + ".png")), n + ".png");
        }
    }
}
