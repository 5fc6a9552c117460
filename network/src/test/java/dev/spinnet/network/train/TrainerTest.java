package dev.spinnet.network.train;

import dev.spinnet.network.layer.Celu;
import dev.spinnet.network.layer.Conv2d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small end-to-end runs: the loop learns, checkpoints resume exactly, bad configs are refused. */
class TrainerTest {

    /** The bright-square toy task (see {@link ToyTask}). */
    static TrainingData toy(int n, long seed) {
        return ToyTask.squares(n, seed, 2f);
    }

    private static TrainConfig cfg(int epochs) {
        return new TrainConfig("toy", epochs, 64, "adam", 3e-3, 0.9, 0.0, 0.1, 0.1, 0.1, 0.0, 1.0, false, 1, 0, 0, 0, 1, 7);
    }

    @Test
    void learnsAToyTask(@TempDir Path dir) throws Exception {
        TrainingData train = toy(1024, 1);
        TrainingData test = toy(256, 2);
        Model m = Models.mnist(8, 8, 32, new Celu(1f), 3);
        Trainer.Result r = new Trainer(m, cfg(3), System.out).train(train, test, dir, false);
        assertTrue(r.test().accuracy() > 0.9, "toy accuracy " + r.test().accuracy());
        assertTrue(Files.exists(dir.resolve(Trainer.CHECKPOINT_FILE)));
        List<String> csv = Files.readAllLines(dir.resolve(Trainer.METRICS_FILE));
        assertEquals(4, csv.size());
        assertTrue(csv.get(0).startsWith("epoch,train_loss"));
    }

    @Test
    void sameSeedSameResultAndResumeOfAFinishedRun(@TempDir Path dir) throws Exception {
        TrainingData train = toy(512, 4);
        TrainingData test = toy(128, 5);
        Model first = Models.mnist(4, 8, 16, new Celu(1f), 9);
        Trainer.Result a = new Trainer(first, cfg(2), System.out).train(train, test, dir.resolve("a"), false);
        Model second = Models.mnist(4, 8, 16, new Celu(1f), 9);
        Trainer.Result b = new Trainer(second, cfg(2), System.out).train(train, test, dir.resolve("b"), false);
        assertEquals(a.test().accuracy(), b.test().accuracy(), 0.0, "same seed, same result");
        for (int i = 0; i < first.net().params().size(); i++) {
            assertArrayEquals(first.net().params().get(i).value, second.net().params().get(i).value);
        }
        // Resuming a finished run from a differently initialised model restores the weights.
        Model resumed = Models.mnist(4, 8, 16, new Celu(1f), 123);
        Trainer.Result c = new Trainer(resumed, cfg(2), System.out).train(train, test, dir.resolve("b"), true);
        assertTrue(c.resumed());
        assertEquals(a.test().accuracy(), c.test().accuracy(), 0.0);
        assertArrayEquals(first.net().params().get(0).value, resumed.net().params().get(0).value);
    }

    /**
     * Lookahead resets the weights through {@code Optimizer.assign} (how device weights receive it): once per
     * parameter every {@code lookaheadEvery} steps, plus the final load unless the last step has just reset.
     */
    @Test
    void lookaheadResetsGoThroughTheOptimiserOncePerResetStep() throws Exception {
        TrainingData train = toy(512, 4); // 8 steps of 64 per epoch, 16 in two epochs
        TrainingData test = toy(128, 5);
        for (int every : new int[]{2, 3}) {
            TrainConfig c = new TrainConfig("toy-la", 2, 64, "sgd", 0.05, 0.9, 0.0, 0.1, 0.1, 0.1, 0.0, 1.0, false, 1,
                    0, every, 0, 1, 7);
            Model m = Models.mnist(4, 8, 16, new Celu(1f), 9);
            int nParams = m.net().params().size();
            java.util.TreeMap<Integer, Integer> calls = new java.util.TreeMap<>();
            dev.spinnet.network.optim.Sgd sgd = new dev.spinnet.network.optim.Sgd(m.net().params(), 0.9, true, 0);
            int[] steps = {0};
            dev.spinnet.network.optim.Optimizer recording = new dev.spinnet.network.optim.Optimizer() {
                @Override
                public void step(double lr) {
                    sgd.step(lr);
                    steps[0]++;
                }

                @Override
                public void assign(dev.spinnet.network.layer.Param p, float[] target) {
                    calls.merge(steps[0], 1, Integer::sum);
                    dev.spinnet.network.optim.Optimizer.super.assign(p, target);
                }

                @Override
                public void writeState(java.io.DataOutputStream out) throws java.io.IOException {
                    sgd.writeState(out);
                }

                @Override
                public void readState(java.io.DataInputStream in) throws java.io.IOException {
                    sgd.readState(in);
                }
            };
            new Trainer(m, c, new java.io.PrintStream(java.io.OutputStream.nullOutputStream())).withOptimizer(recording).train(train, test, null,
                    false);
            java.util.TreeMap<Integer, Integer> want = new java.util.TreeMap<>();
            for (int s = every; s <= 16; s += every) {
                want.put(s, nParams);
            }
            if (16 % every != 0) {
                want.put(16, nParams); // the final load
            }
            assertEquals(want, calls, "resets every " + every + " steps");
        }
    }

    @Test
    void resumeMidRunMatchesStraightRun(@TempDir Path dir) throws Exception {
        TrainingData train = toy(512, 6);
        TrainingData test = toy(128, 7);
        Model straight = Models.mnist(4, 8, 16, new Celu(1f), 11);
        new Trainer(straight, cfg(3), System.out).train(train, test, dir.resolve("s"), false);

        Path r = dir.resolve("r");
        Model interrupted = Models.mnist(4, 8, 16, new Celu(1f), 11);
        assertThrows(Trainer.StoppedException.class,
                () -> new Trainer(interrupted, cfg(3), System.out).stopAfterEpoch(2).train(train, test, r, false));
        List<String> csv = Files.readAllLines(r.resolve(Trainer.METRICS_FILE));
        assertEquals(3, csv.size(), "two epochs were checkpointed before the interruption");

        Model resumed = Models.mnist(4, 8, 16, new Celu(1f), 999);
        Trainer.Result res = new Trainer(resumed, cfg(3), System.out).train(train, test, r, true);
        assertTrue(res.resumed());
        for (int i = 0; i < straight.net().params().size(); i++) {
            assertArrayEquals(straight.net().params().get(i).value, resumed.net().params().get(i).value,
                    "parameter " + i + " differs after resume");
        }
    }

    @Test
    void resumeRefusesADifferentConfiguration(@TempDir Path dir) throws Exception {
        TrainingData train = toy(128, 8);
        Model m = Models.mnist(4, 4, 8, new Celu(1f), 1);
        new Trainer(m, cfg(1), System.out).train(train, train, dir, false);
        Model other = Models.mnist(4, 4, 8, new Celu(1f), 1);
        Exception e = assertThrows(java.io.IOException.class,
                () -> new Trainer(other, cfg(2), System.out).train(train, train, dir, true));
        assertTrue(e.getMessage().contains("different configuration"), e.getMessage());
    }

    /** A checkpoint names its data: resuming on another training set or evaluation split is refused. */
    @Test
    void resumeRefusesOtherData(@TempDir Path dir) throws Exception {
        TrainingData train = toy(128, 8);
        TrainingData test = toy(64, 9);
        Model m = Models.mnist(4, 4, 8, new Celu(1f), 1);
        assertThrows(Trainer.StoppedException.class,
                () -> new Trainer(m, cfg(2), System.out).stopAfterEpoch(1).train(train, test, dir, false));
        for (TrainingData[] other : new TrainingData[][] {{toy(128, 10), test}, {train, toy(64, 11)}}) {
            Exception e = assertThrows(java.io.IOException.class, () -> new Trainer(Models.mnist(4, 4, 8,
                    new Celu(1f), 1), cfg(2), System.out).train(other[0], other[1], dir, true));
            assertTrue(e.getMessage().contains("trained on other data"), e.getMessage());
        }
        // The same data, as a fresh copy of equal content, resume.
        Trainer.Result r = new Trainer(Models.mnist(4, 4, 8, new Celu(1f), 1), cfg(2), System.out)
                .train(toy(128, 8), toy(64, 9), dir, true);
        assertTrue(r.resumed());
    }

    @Test
    void dataFingerprintFollowsContentNotIdentity() {
        assertEquals(toy(32, 3).fingerprint(), toy(32, 3).fingerprint());
        TrainingData a = toy(32, 3);
        float[] img = a.images.clone();
        img[img.length - 1] += 1e-3f;
        TrainingData b = new TrainingData(a.n, a.channels, a.height, a.width, img, a.labels, a.classes);
        assertTrue(!a.fingerprint().equals(b.fingerprint()), "one changed pixel changes the fingerprint");
        int[] labels = a.labels.clone();
        labels[0] = (labels[0] + 1) % a.classes;
        TrainingData c = new TrainingData(a.n, a.channels, a.height, a.width, a.images, labels, a.classes);
        assertTrue(!a.fingerprint().equals(c.fingerprint()), "one changed label changes the fingerprint");
    }

    @Test
    void resumeNamesTheFormatOfAnOlderCheckpoint(@TempDir Path dir) throws Exception {
        TrainingData train = toy(128, 8);
        try (var out = new java.io.DataOutputStream(Files.newOutputStream(dir.resolve(Trainer.CHECKPOINT_FILE)))) {
            out.writeUTF("SPINNET-CKPT-1");
            out.writeInt(0);
        }
        Model m = Models.mnist(4, 4, 8, new Celu(1f), 1);
        Exception e = assertThrows(java.io.IOException.class,
                () -> new Trainer(m, cfg(1), System.out).train(train, train, dir, true));
        assertTrue(e.getMessage().contains("has format SPINNET-CKPT-1"), e.getMessage());
        assertTrue(e.getMessage().contains("drop --resume"), e.getMessage());
    }

    @Test
    void resumeRefusesAnotherConvolutionAlgorithm(@TempDir Path dir) throws Exception {
        TrainingData train = toy(128, 8);
        Conv2d.ConvAlgorithm old = Conv2d.algorithm();
        try {
            Conv2d.setAlgorithm(Conv2d.ConvAlgorithm.GEMM);
            new Trainer(Models.mnist(4, 4, 8, new Celu(1f), 1), cfg(1), System.out).train(train, train, dir, false);
            Conv2d.setAlgorithm(Conv2d.ConvAlgorithm.WINOGRAD);
            Model other = Models.mnist(4, 4, 8, new Celu(1f), 1);
            Exception e = assertThrows(java.io.IOException.class,
                    () -> new Trainer(other, cfg(2), System.out).train(train, train, dir, true));
            assertTrue(e.getMessage().contains("different configuration"), e.getMessage());
        } finally {
            Conv2d.setAlgorithm(old);
        }
    }

    @Test
    void badConfigurationsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new TrainConfig("x", 0, 64, "adam", 1e-3, 0.9, 0, 0, 0, 0, 0, 1, false, 0, 0, 0, 0, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new TrainConfig("x", 1, 64, "adam", Double.NaN, 0.9, 0, 0, 0, 0, 0, 1, false, 0, 0, 0, 0, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new TrainConfig("x", 1, 64, "rmsprop", 1e-3, 0.9, 0, 0, 0, 0, 0, 1, false, 0, 0, 0, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Presets.of("mnist", "huge"));
        assertThrows(IllegalArgumentException.class, () -> Presets.of("imagenet", "default"));
    }
}
