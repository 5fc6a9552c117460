package dev.spinnet.devicefit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.spinnet.devicefit.neuron.NeuronDesign;
import dev.spinnet.devicefit.neuron.NeuronSimulator;
import dev.spinnet.devicefit.neuron.NeuronVariant;
import dev.spinnet.devicefit.synapse.SynapseDesign;
import dev.spinnet.devicefit.synapse.SynapseSimulator;
import dev.spinnet.devicefit.synapse.SynapseVariant;

/** Same seed, same numbers, whatever the thread count; different seeds differ. */
class DeterminismTest {

    @Test
    void thermalRunsDependOnlyOnSeedAndIndex() {
        NeuronDesign d = NeuronDesign.ferrimagnetic();
        List<Double> two;
        List<Double> one;
        try (RunPool p = new RunPool(2)) {
            two = p.map(8, k -> NeuronSimulator.outputThermal(d, NeuronVariant.NOMINAL, 1.5, RunPool.seed(1, 1, k)));
        }
        try (RunPool p = new RunPool(1)) {
            one = p.map(8, k -> NeuronSimulator.outputThermal(d, NeuronVariant.NOMINAL, 1.5, RunPool.seed(1, 1, k)));
        }
        assertEquals(one, two);
        assertNotEquals(one.get(0), one.get(1));
        double other = NeuronSimulator.outputThermal(d, NeuronVariant.NOMINAL, 1.5, RunPool.seed(2, 1, 0));
        assertNotEquals(one.get(0), other);
    }

    @Test
    void fabricatedVariantsAndSynapseCyclesAreReproducible() {
        SynapseDesign d = SynapseDesign.ferrimagnetic();
        SynapseVariant a = SynapseVariant.sample(d, RunPool.seed(1, 12, 3));
        SynapseVariant b = SynapseVariant.sample(d, RunPool.seed(1, 12, 3));
        assertEquals(java.util.Arrays.toString(a.centres()), java.util.Arrays.toString(b.centres()));
        double w = 300e-12;
        double[][] c1 = SynapseSimulator.cycleThermal(d, a, w, 42);
        double[][] c2 = SynapseSimulator.cycleThermal(d, a, w, 42);
        assertEquals(java.util.Arrays.deepToString(c1), java.util.Arrays.deepToString(c2));
    }
}
