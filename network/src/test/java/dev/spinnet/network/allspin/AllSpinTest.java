package dev.spinnet.network.allspin;

import dev.spinnet.network.layer.Activation;
import dev.spinnet.network.layer.Celu;
import dev.spinnet.network.layer.Layer;
import dev.spinnet.network.layer.Param;
import dev.spinnet.network.train.Model;
import dev.spinnet.network.train.Models;
import dev.spinnet.network.train.TrainConfig;
import dev.spinnet.network.train.Trainer;
import dev.spinnet.network.train.ToyTask;
import dev.spinnet.network.train.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End-to-end device training on the toy task of TrainerTest, ablation wiring, determinism, resume. */
class AllSpinTest {

    /** 28x28 images whose class is the position of a bright 6x6 square (TrainerTest's toy task). */
    static TrainingData toy(int n, long seed) {
        return toy(n, seed, 2f);
    }

    /** The toy task with a faint square of brightness {@code amp} (see {@link ToyTask}). */
    static TrainingData toy(int n, long seed, float amp) {
        return ToyTask.squares(n, seed, amp);
    }

    /** Nesterov SGD, the setting in which device updates and the digital optimiser share a learning rate. */
    static TrainConfig cfg(int epochs) {
        return new TrainConfig("toy-sgd", epochs, 64, "sgd", 0.05, 0.9, 0.0, 0.1, 0.1, 0.1, 0.0, 1.0, false, 1, 0, 0,
                0, 1, 7);
    }

    private static final PrintStream QUIET = new PrintStream(java.io.OutputStream.nullOutputStream());

    private static double train(AllSpin s, TrainConfig c, Path dir) throws Exception {
        return train(s, c, dir, 2f);
    }

    private static double train(AllSpin s, TrainConfig c, Path dir, float amp) throws Exception {
        Trainer.Result r = s.trainer(c, System.out).train(toy(1024, 1, amp), toy(512, 2, amp), dir, false);
        System.out.print(s.report());
        return r.test().accuracy();
    }

    @Test
    void linearDeviceWithManyStatesTrainsTheToyTaskByMixedPrecision(@TempDir Path dir) throws Exception {
        Model m = Models.mnist(8, 8, 32, new Celu(1f), 3);
        AllSpin s = AllSpin.builder(m).synapse(ExponentialPulseDevice.linear(1025).withEnergy(1e-14))
                .algorithm(AllSpin.Algorithm.MIXED_PRECISION).momentum(0.9, true).rangeFactor(10).seed(1)
                .build(cfg(3));
        double acc = train(s, cfg(3), dir);
        assertTrue(acc > 0.9, "toy accuracy with a linear 1025-state device " + acc);
        DevicePairWeights.PulseCount total = s.counts();
        assertTrue(total.updatePulses() > 0 && total.energyJ() > 0);
        DevicePairWeights.PulseCount sum = DevicePairWeights.PulseCount.zero();
        for (DevicePairWeights t : s.training().tiles()) {
            sum = sum.plus(t.counts());
            // The forward weights are the device weights.
            float[] w = new float[t.size()];
            t.materialise(w);
            assertArrayEquals(w, t.param().value);
        }
        assertEquals(total, sum, "tile counters add up to the total");
        assertEquals(total.totalPulses() * 1e-14, total.energyJ(), 1e-6 * total.energyJ());
    }

    /**
     * On the faint-square task (float: about 0.90-0.92 after two epochs for three seeds), mixed precision
     * on a linear 1025-state device matches float training, and the same algorithm on a 9-state device
     * with nl = 5, 5 % cycle-to-cycle and 30 % device-to-device spread loses 0.18-0.33 (calibrated over
     * three seeds).
     */
    @Test
    void aStronglyNonlinearFewStateDeviceDoesMeasurablyWorse(@TempDir Path dir) throws Exception {
        TrainConfig c = cfg(2);
        float amp = 0.25f;
        double f = train(AllSpin.builder(Models.mnist(8, 8, 32, new Celu(1f), 3)).build(c), c, dir.resolve("f"), amp);
        AllSpin good = AllSpin.builder(Models.mnist(8, 8, 32, new Celu(1f), 3)).synapse(ExponentialPulseDevice.linear(1025))
                .momentum(0.9, true).rangeFactor(10).seed(1).build(c);
        double a = train(good, c, dir.resolve("good"), amp);
        AllSpin bad = AllSpin.builder(Models.mnist(8, 8, 32, new Celu(1f), 3))
                .synapse(ExponentialPulseDevice.symmetric(9, 5, 0.05, 0.3)).momentum(0.9, true).rangeFactor(10)
                .seed(1).build(c);
        double b = train(bad, c, dir.resolve("bad"), amp);
        assertTrue(f > 0.85, "float reference " + f);
        assertEquals(f, a, 0.04, "mixed precision on a linear 1025-state device vs float");
        assertTrue(b < a - 0.1, "nonlinear 9-state device " + b + " vs linear " + a);
    }

    @Test
    void hardwareAwareTrainingDeploysIntoTheDevices(@TempDir Path dir) throws Exception {
        TrainConfig c = cfg(3);
        AllSpin s = AllSpin.builder(Models.mnist(8, 8, 32, new Celu(1f), 3))
                .synapse(ExponentialPulseDevice.symmetric(33, 1, 0.01, 0.1))
                .algorithm(AllSpin.Algorithm.HARDWARE_AWARE).seed(2).build(c);
        double acc = train(s, c, dir);
        assertTrue(acc > 0.85, "hardware-aware, 33-state device " + acc);
        for (DevicePairWeights t : s.training().tiles()) {
            float[] w = new float[t.size()];
            t.materialise(w);
            assertArrayEquals(w, t.param().value, "evaluated with the programmed weights");
        }
        assertTrue(s.counts().programPulses() > 0);
        assertEquals(0, s.counts().updatePulses(), "hardware-aware training never pulses during training");
    }

    @Test
    void deviceNeuronsTrainTheToyTask(@TempDir Path dir) throws Exception {
        TrainConfig c = cfg(3);
        NeuronTable t = NeuronTable.of(new Celu(0.8f), -3, 5, 41, 0.05);
        AllSpin s = AllSpin.builder(Models.mnist(8, 8, 32, new Celu(1f), 3)).neuron(DeviceNeuron.mapped(t, -4, 4))
                .seed(3).build(c);
        assertNull(s.training(), "neuron-only ablation keeps float synapses");
        double acc = train(s, c, dir);
        assertTrue(acc > 0.9, "device neurons " + acc);
    }

    @Test
    void ablationsAreOneSettingEach() {
        TrainConfig c = cfg(1);
        NeuronTable table = NeuronTable.of(new Celu(0.8f), -3, 5, 41, 0.0);
        PulseDevice dev = ExponentialPulseDevice.linear(65);
        for (int mask = 0; mask < 4; mask++) {
            boolean syn = (mask & 1) != 0;
            boolean neu = (mask & 2) != 0;
            Model m = Models.mnist(4, 4, 8, new Celu(1f), 1);
            AllSpin s = AllSpin.builder(m).synapse(syn ? dev : null).neuron(neu ? DeviceNeuron.of(table) : null)
                    .build(c);
            int acts = 0;
            int devNeurons = 0;
            for (Layer l : s.model().net().layers()) {
                acts += l instanceof Activation ? 1 : 0;
                devNeurons += l instanceof DeviceActivation ? 1 : 0;
            }
            assertEquals(neu ? 0 : 3, acts);
            assertEquals(neu ? 3 : 0, devNeurons);
            assertEquals(syn ? 4 : 0, s.training() == null ? 0 : s.training().tiles().size(),
                    "two convs and two linears on devices");
            assertEquals(m.net().params().size(), s.model().net().params().size(), "same parameters");
        }
        // Airbench: the frozen whitening conv stays digital.
        TrainingData d = toy(64, 3);
        Model air = Models.airbench(new int[]{4, 4, 4}, new Celu(0.3f), d, 1);
        TrainConfig noLookahead = cfg(1);
        AllSpin s = AllSpin.builder(air).synapse(dev).build(noLookahead);
        assertEquals(7, s.training().tiles().size(), "six convs and the head, not the whitening conv");
        for (DevicePairWeights t : s.training().tiles()) {
            assertTrue(t.param().trainable);
        }
        TrainConfig lookahead = new TrainConfig("la", 1, 64, "sgd", 0.05, 0.9, 0, 0, 0, 0, 0, 1, false, 0, 0, 5, 0,
                1, 1);
        // Lookahead reaches device synapses by pulses (PulsedOptimizer.assign); hardware-aware training cannot use it.
        assertTrue(AllSpin.builder(Models.mnist(4, 4, 8, new Celu(1f), 1)).synapse(dev).build(lookahead)
                .training() instanceof MixedPrecision);
        assertThrows(IllegalArgumentException.class, () -> AllSpin.builder(Models.mnist(4, 4, 8, new Celu(1f), 1))
                .synapse(dev).algorithm(AllSpin.Algorithm.HARDWARE_AWARE).build(lookahead));
    }

    /** The classifier's own lr scale and range act on the last tile, a Linear, and leave every other tile alone. */
    @Test
    void classifierSettingsReachTheLastTileOnly() {
        TrainConfig c = cfg(1);
        PulseDevice dev = ExponentialPulseDevice.linear(65);
        List<DevicePairWeights> plain = AllSpin.builder(Models.mnist(4, 4, 8, new Celu(1f), 1)).synapse(dev)
                .deviceLrScale(0.1).build(c).training().tiles();
        List<DevicePairWeights> own = AllSpin.builder(Models.mnist(4, 4, 8, new Celu(1f), 1)).synapse(dev)
                .deviceLrScale(0.1).classifierLrScale(1).classifierRangeFactor(6).build(c).training().tiles();
        int last = own.size() - 1;
        for (int k = 0; k < own.size(); k++) {
            float lr = own.get(k).param().lrScale;
            assertEquals(k == last ? 1f : 0.1f, lr, 0f, "lr scale of tile " + k);
            assertEquals(0.1f, plain.get(k).param().lrScale, 0f);
            double ratio = own.get(k).wMax() / plain.get(k).wMax();
            assertEquals(k == last ? 2.0 : 1.0, ratio, 1e-6, "range of tile " + k);
        }
        assertTrue(own.get(last).name().contains("linear") || own.get(last).name().contains("Linear"),
                own.get(last).name());
        // A network whose last weight layer is a conv has no classifier tile to set.
        Model convOnly = new Model("conv", new dev.spinnet.network.layer.Sequential(
                new dev.spinnet.network.layer.Conv2d(1, 2, 3, 1, false, new dev.spinnet.network.tensor.Rng(1))),
                new int[]{1, 8, 8}, null);
        Exception e = assertThrows(IllegalArgumentException.class, () -> AllSpin.builder(convOnly).synapse(dev)
                .classifierLrScale(1).build(c));
        assertTrue(e.getMessage().contains("Linear classifier"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AllSpin.builder(convOnly).classifierRangeFactor(-1));
    }

    /**
     * The device tiles' weight decay is the configuration's times the scale: the fingerprint names it, and one
     * optimiser step on zero gradients pulls the weights towards 0 by the scaled amount (nothing at scale 0).
     */
    @Test
    void weightDecayScaleScalesTheDecayOfTheDeviceTiles() {
        TrainConfig c = new TrainConfig("toy-wd", 1, 64, "sgd", 0.05, 0.9, 0.4, 0.1, 0.1, 0.1, 0.0, 1.0, false, 1, 0,
                0, 0, 1, 7);
        PulseDevice dev = ExponentialPulseDevice.linear(65);
        double[] scales = {0, 0.5, 1};
        double[] rmsRatio = new double[scales.length];
        for (int j = 0; j < scales.length; j++) {
            DeviceTraining t = AllSpin.builder(Models.mnist(4, 4, 8, new Celu(1f), 1)).synapse(dev)
                    .weightDecayScale(scales[j]).seed(3).build(c).training();
            assertTrue(t.describe().contains("wd=" + 0.4 * scales[j]), t.describe());
            DevicePairWeights tile = t.tiles().get(1);
            double before = tile.rms();
            t.step(1.0);
            rmsRatio[j] = tile.rms() / before;
        }
        // Decoupled decay of lr x wd x scale per step: the rms shrinks by ~(1 - 0.4 scale), to within the
        // pulse quantisation (stochastic rounding of ~1e4 weights) and the device's small nonlinearity.
        for (int j = 0; j < scales.length; j++) {
            assertEquals(1 - 0.4 * scales[j], rmsRatio[j], 0.03, "rms ratio at scale " + scales[j]);
        }
        assertThrows(IllegalArgumentException.class, () -> AllSpin.builder(Models.mnist(4, 4, 8, new Celu(1f), 1))
                .weightDecayScale(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> AllSpin.builder(Models.mnist(4, 4, 8, new Celu(1f), 1))
                .weightDecayScale(-0.1));
    }

    @Test
    void sameSeedSameRunAndResumeMidRunMatchesStraightRun(@TempDir Path dir) throws Exception {
        for (AllSpin.Algorithm alg : AllSpin.Algorithm.values()) {
            reproducibleAndResumable(alg, cfg(3), dir.resolve(alg.name()));
        }
    }

    /** A checkpoint names the device learning-rate scale: resuming under another one is refused, not mixed. */
    @Test
    void resumeUnderAnotherDeviceLrScaleIsRefused(@TempDir Path dir) throws Exception {
        TrainConfig c = cfg(2);
        resumeUnderAnotherSettingIsRefused(dir, c, s -> AllSpin.builder(Models.mnist(4, 4, 8, new Celu(1f), 9))
                .synapse(DEV33).algorithm(AllSpin.Algorithm.MIXED_PRECISION).deviceLrScale(s).seed(5).build(c));
    }

    /** The classifier's own lr scale and range are in the checkpoint too (each tile's lr scale and w_max). */
    @Test
    void resumeUnderAnotherClassifierSettingIsRefused(@TempDir Path dir) throws Exception {
        TrainConfig c = cfg(2);
        resumeUnderAnotherSettingIsRefused(dir.resolve("range"), c, f -> AllSpin.builder(
                Models.mnist(4, 4, 8, new Celu(1f), 9)).synapse(DEV33).deviceLrScale(0.5).classifierRangeFactor(8 * f)
                .seed(5).build(c));
        resumeUnderAnotherSettingIsRefused(dir.resolve("lr"), c, s -> AllSpin.builder(
                Models.mnist(4, 4, 8, new Celu(1f), 9)).synapse(DEV33).deviceLrScale(0.5).classifierLrScale(s)
                .seed(5).build(c));
    }

    /** The device weight decay is in the fingerprint: resuming under another scale is refused. */
    @Test
    void resumeUnderAnotherWeightDecayScaleIsRefused(@TempDir Path dir) throws Exception {
        TrainConfig c = new TrainConfig("toy-wd", 2, 64, "sgd", 0.05, 0.9, 0.01, 0.1, 0.1, 0.1, 0.0, 1.0, false, 1, 0,
                0, 0, 1, 7);
        resumeUnderAnotherSettingIsRefused(dir, c, s -> AllSpin.builder(Models.mnist(4, 4, 8, new Celu(1f), 9))
                .synapse(DEV33).deviceLrScale(0.5).weightDecayScale(s).seed(5).build(c));
    }

    private static final PulseDevice DEV33 = ExponentialPulseDevice.symmetric(33, 2, 0.02, 0.2);

    /** Trains one epoch built with {@code make(0.5)}, then resumes with 0.25 (refused) and with 0.5 (resumes). */
    private static void resumeUnderAnotherSettingIsRefused(Path dir, TrainConfig c,
            java.util.function.DoubleFunction<AllSpin> make) throws Exception {
        TrainingData train = toy(128, 4);
        TrainingData test = toy(64, 5);
        assertThrows(Trainer.StoppedException.class, () -> make.apply(0.5).trainer(c, QUIET).stopAfterEpoch(1)
                .train(train, test, dir, false));
        Exception e = assertThrows(Exception.class, () -> make.apply(0.25).trainer(c, QUIET)
                .train(train, test, dir, true));
        assertTrue(String.valueOf(e.getMessage()).contains("different configuration"), e.toString());
        assertTrue(make.apply(0.5).trainer(c, QUIET).train(train, test, dir, true).resumed(),
                "the same setting resumes");
    }

    /** Lookahead on device synapses (resets by pulses, slow copy in the checkpoint) keeps both properties. */
    @Test
    void withLookaheadOnDevicesToo(@TempDir Path dir) throws Exception {
        TrainConfig c = new TrainConfig("toy-la", 3, 64, "sgd", 0.05, 0.9, 0.0, 0.1, 0.1, 0.1, 0.0, 1.0, false, 1, 0,
                2, 0, 1, 7);
        for (AllSpin.Algorithm alg : List.of(AllSpin.Algorithm.MIXED_PRECISION, AllSpin.Algorithm.IN_SITU)) {
            AllSpin with = reproducibleAndResumable(alg, c, dir.resolve(alg.name()));
            AllSpin without = reproducibleAndResumable(alg, cfg(3), dir.resolve(alg.name() + "-no"));
            assertTrue(with.counts().updatePulses() != without.counts().updatePulses(),
                    alg + ": the resets are pulses of their own");
        }
    }

    private AllSpin reproducibleAndResumable(AllSpin.Algorithm alg, TrainConfig c, Path base) throws Exception {
        PulseDevice dev = ExponentialPulseDevice.symmetric(33, 2, 0.02, 0.2);
        NeuronTable t = NeuronTable.of(new Celu(0.8f), -3, 5, 41, 0.05);
        NeuronTable table = new NeuronTable(t.name(), t.x0(), t.x1(), t.y(), t.dydx(), t.cycleSigma(), 1e-15);
        TrainingData train = toy(256, 4);
        TrainingData test = toy(64, 5);
        PulseOptions opts = PulseOptions.defaults(4).withReadNoise(0.01f).withRefresh(3, 0.8f).withMaxPulses(4);
        java.util.function.Supplier<AllSpin> make = () -> AllSpin.builder(Models.mnist(4, 4, 8, new Celu(1f), 9))
                .synapse(dev).neuron(DeviceNeuron.mapped(table, -4, 4)).algorithm(alg)
                .transfer(MixedPrecision.Transfer.MEASURED).pulses(opts).seed(5).build(c);
        AllSpin straight = make.get();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        straight.trainer(c, new PrintStream(log, true, StandardCharsets.UTF_8)).train(train, test,
                base.resolve("s"), false);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("devices, epoch 3:"), "pulses logged per epoch");
        AllSpin again = make.get();
        again.trainer(c, QUIET).train(train, test, base.resolve("a"), false);
        assertParamsEqual(straight, again);
        assertEquals(straight.counts(), again.counts(), alg + ": same seed, same pulses");

        AllSpin interrupted = make.get();
        assertThrows(Trainer.StoppedException.class, () -> interrupted.trainer(c, QUIET).stopAfterEpoch(2)
                .train(train, test, base.resolve("r"), false));
        AllSpin resumed = make.get();
        Trainer.Result r = resumed.trainer(c, QUIET).train(train, test, base.resolve("r"), true);
        assertTrue(r.resumed());
        assertParamsEqual(straight, resumed);
        assertEquals(straight.counts().updatePulses(), resumed.counts().updatePulses(), alg + " after resume");
        assertEquals(straight.counts().programPulses(), resumed.counts().programPulses(), alg + " after resume");
        assertTrue(straight.neuronEnergyJ() > 0, "the neurons' energy is counted");
        assertEquals(straight.neuronEnergyJ(), resumed.neuronEnergyJ(), 0.0, alg + ": neuron energy after resume");

        // Resuming the finished run returns its recorded test result without evaluating (and charging) again.
        AllSpin finished = make.get();
        Trainer.Result f = finished.trainer(c, QUIET).train(train, test, base.resolve("r"), true);
        assertTrue(f.resumed());
        assertParamsEqual(straight, finished);
        assertEquals(r.test().accuracy(), f.test().accuracy(), 0.0);
        assertEquals(r.test().meanLoss(), f.test().meanLoss(), 0.0);
        assertTrue(java.util.Arrays.deepEquals(r.test().confusion(), f.test().confusion()), "confusion matrix kept");
        assertEquals(straight.neuronEnergyJ(), finished.neuronEnergyJ(), 0.0, alg + ": no second evaluation charged");
        assertEquals(straight.counts(), finished.counts(), alg + ": pulses of the finished run");
        return straight;
    }

    private static void assertParamsEqual(AllSpin a, AllSpin b) {
        List<Param> pa = a.model().net().params();
        List<Param> pb = b.model().net().params();
        for (int i = 0; i < pa.size(); i++) {
            assertArrayEquals(pa.get(i).value, pb.get(i).value, "parameter " + i);
        }
    }
}
