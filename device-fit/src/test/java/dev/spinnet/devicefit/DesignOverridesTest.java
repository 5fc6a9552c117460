package dev.spinnet.devicefit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.spinnet.devicefit.neuron.NeuronDesign;
import dev.spinnet.devicefit.neuron.NeuronSimulator;
import dev.spinnet.devicefit.neuron.NeuronVariant;
import dev.spinnet.devicefit.synapse.SynapseDesign;

/** Design variants: only the named parameters change, the name carries the tag, bad values are refused by name. */
class DesignOverridesTest {

    @Test
    void replacesOnlyTheNamedParametersAndTagsTheName() {
        NeuronDesign d = NeuronDesign.ferrimagnetic();
        Map<String, String> set = new LinkedHashMap<>();
        set.put("barrierDepth", "20e-9");
        set.put("barrierFactor", "3");
        NeuronDesign v = DesignOverrides.apply(d, set, "b20");
        assertEquals("ferri-neuron-b20", v.name());
        assertEquals(20e-9, v.barrierDepth());
        assertEquals(3.0, v.barrierFactor());
        NeuronDesign back = new NeuronDesign(d.name(), v.material(), v.temperature(), v.trackWidth(), v.trackLength(),
                v.hmThickness(), v.pulseWidth(), v.edgeTime(), v.outputUnit(), d.barrierDepth(), d.barrierFactor(),
                v.xMax(), v.gridPoints(), v.devices(), v.cycles(), v.sigmaDrive(), v.sigmaDepth(), v.sigmaPressure(),
                v.dt());
        assertEquals(d, back);
        // The physics sees the change: the wall driven into a shallower barrier stops sooner.
        assertEquals(20e-9, v.barrier(1, 1).depth());
        double deep = NeuronSimulator.outputT0(d, NeuronVariant.NOMINAL, -4);
        double shallow = NeuronSimulator.outputT0(DesignOverrides.apply(d, Map.of("barrierDepth", "20e-9"), "b20"),
                NeuronVariant.NOMINAL, -4);
        assertTrue(deep < -0.5 && shallow > 0.6 * deep && shallow < 0, deep + " " + shallow);
    }

    @Test
    void integerParameters() {
        SynapseDesign s = DesignOverrides.apply(SynapseDesign.ferrimagnetic(), Map.of("notches", "17"), "n17");
        assertEquals(17, s.notches());
        assertEquals("ferri-synapse-n17", s.name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DesignOverrides.apply(SynapseDesign.ferrimagnetic(), Map.of("notches", "17.5"), "n"));
        assertTrue(e.getMessage().contains("notches") && e.getMessage().contains("integer"), e.getMessage());
    }

    @Test
    void refusesUnknownNonNumericAndUnphysicalValuesByName() {
        NeuronDesign d = NeuronDesign.ferrimagnetic();
        String[][] cases = {
            {"barrierDepht", "2e-8", "barrierDepht"},   // unknown: the message lists the real ones
            {"material", "1", "barrierDepth"},          // not numeric, so not settable
            {"barrierDepth", "deep", "not a number"},
            {"barrierDepth", "NaN", "finite"},
            {"barrierDepth", "-1e-9", "barrierDepth"},  // the design's own check
            {"gridPoints", "80", "gridPoints"},         // even grid: refused by the design
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DesignOverrides.apply(d, Map.of(c[0], c[1]), "v"), c[0]);
            assertTrue(e.getMessage().contains(c[2]) && e.getMessage().contains("ferri-neuron"), e.getMessage());
        }
        for (String tag : new String[] {"", "B20", "b/20", "-b", "a".repeat(33)}) {
            assertThrows(IllegalArgumentException.class, () -> DesignOverrides.apply(d, Map.of(), tag), tag);
        }
    }
}
