package dev.spinnet.network.allspin;

import dev.spinnet.network.kernel.Parallel;
import dev.spinnet.network.layer.Celu;
import dev.spinnet.network.layer.Param;
import dev.spinnet.network.train.Evaluation;
import dev.spinnet.network.train.Models;
import dev.spinnet.network.train.TrainConfig;
import dev.spinnet.network.train.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inference on noisy devices: the noise acts, repeats by seed, and leaves the trained network untouched. */
class NoisyInferenceTest {
    private static final PrintStream QUIET = new PrintStream(java.io.OutputStream.nullOutputStream());

    @TempDir
    static Path dir;
    private static AllSpin trained;

    /** An all-spin toy network (65-state linear synapses, device neurons with 5 % output noise), trained once. */
    private static synchronized AllSpin trained() throws Exception {
        if (trained == null) {
            trained = train(dir);
        }
        return trained;
    }

    private static AllSpin train(Path dir) throws Exception {
        TrainConfig c = AllSpinTest.cfg(2);
        NeuronTable t = NeuronTable.of(new Celu(0.8f), -3, 5, 41, 0.05);
        AllSpin s = AllSpin.builder(Models.mnist(8, 8, 32, new Celu(1f), 3))
                .synapse(ExponentialPulseDevice.linear(65)).neuron(DeviceNeuron.mapped(t, -4, 4))
                .momentum(0.9, true).rangeFactor(10).seed(4).build(c);
        s.trainer(c, QUIET).train(AllSpinTest.toy(1024, 1), AllSpinTest.toy(256, 2), dir, false);
        return s;
    }

    private static List<float[]> values(AllSpin s) {
        List<float[]> v = new ArrayList<>();
        for (Param p : s.model().net().params()) {
            v.add(p.value.clone());
        }
        return v;
    }

    @Test
    void drawsRepeatForAnyThreadCountAndLeaveTheNetworkAsItWas() throws Exception {
        AllSpin s = trained();
        TrainingData test = AllSpinTest.toy(256, 2);
        double clean = Evaluation.evaluate(s.model().net(), test, 100, 0).percentCorrect();
        List<float[]> before = values(s);
        double energy = s.neuronEnergyJ();
        NoisyInference.Settings set = new NoisyInference.Settings(4, 0.05, 3);
        NoisyInference.Result a = NoisyInference.run(s, s.model().net(), test, 100, 0, set);
        int threads = Parallel.threads();
        NoisyInference.Result b;
        try {
            Parallel.setThreads(threads == 1 ? 2 : 1);
            b = NoisyInference.run(s, s.model().net(), test, 100, 0, set);
        } finally {
            Parallel.setThreads(threads);
        }
        assertArrayEquals(a.accuracyPercent(), b.accuracyPercent(), "same draws, other thread count");
        List<float[]> after = values(s);
        for (int k = 0; k < before.size(); k++) {
            assertArrayEquals(before.get(k), after.get(k), "parameter " + k + " restored");
        }
        assertEquals(energy, s.neuronEnergyJ(), "the draws are not charged to the run's energy");
        assertEquals(clean, Evaluation.evaluate(s.model().net(), test, 100, 0).percentCorrect(),
                "noise-free inference afterwards");
        assertEquals(3, a.accuracyPercent().length);
        assertTrue(a.min() <= a.mean() && a.mean() <= a.max());
    }

    /** Noise of the size of the signal takes the accuracy down towards chance; each source acts on its own. */
    @Test
    void eachNoiseSourceActsAndLargeNoiseCostsAccuracy() throws Exception {
        AllSpin s = trained();
        TrainingData test = AllSpinTest.toy(256, 2);
        double clean = Evaluation.evaluate(s.model().net(), test, 100, 0).percentCorrect();
        assertTrue(clean > 85, "trained toy network " + clean);
        double readOnly = NoisyInference.run(s, s.model().net(), test, 100, 0,
                new NoisyInference.Settings(0, 0.5, 2)).mean();
        double neuronOnly = NoisyInference.run(s, s.model().net(), test, 100, 0,
                new NoisyInference.Settings(200, 0, 2)).mean();
        assertTrue(readOnly < clean - 30, "read noise of half the range: " + readOnly + " vs " + clean);
        assertTrue(neuronOnly < clean - 30, "neuron noise of 10 output units: " + neuronOnly + " vs " + clean);
        NoisyInference.Result small = NoisyInference.run(s, s.model().net(), test, 100, 0,
                new NoisyInference.Settings(1, 0.01, 4));
        assertTrue(small.mean() > clean - 10, "the fitted noise is not a catastrophe here: " + small.mean());
    }

    @Test
    void settingsThatAddNoNoiseAreRefused() {
        TrainConfig c = AllSpinTest.cfg(1);
        AllSpin synapsesOnly = AllSpin.builder(Models.mnist(4, 4, 8, new Celu(1f), 1))
                .synapse(ExponentialPulseDevice.linear(65)).build(c);
        TrainingData test = AllSpinTest.toy(32, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NoisyInference.run(
                synapsesOnly, synapsesOnly.model().net(), test, 16, 0, new NoisyInference.Settings(1, 0, 1)));
        assertTrue(e.getMessage().contains("adds no noise"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NoisyInference.Settings(Double.NaN, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new NoisyInference.Settings(1, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new NoisyInference.Settings(1, 0, 0));
        NoisyInference.Result one = new NoisyInference.Result(new NoisyInference.Settings(1, 0, 1), new double[] {90});
        assertEquals(0, one.std());
        NoisyInference.Result two = new NoisyInference.Result(new NoisyInference.Settings(1, 0, 2),
                new double[] {90, 92});
        assertEquals(91, two.mean(), 1e-12);
        assertEquals(Math.sqrt(2), two.std(), 1e-12);
        assertFalse(two.describe().isEmpty());
        assertEquals(91.0, two.figures().get("mean_percent"));
        assertEquals(2.0, two.figures().get("max_percent") instanceof Double d ? d - 90 : Double.NaN, 1e-12);
    }
}
