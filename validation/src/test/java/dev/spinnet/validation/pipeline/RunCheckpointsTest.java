package dev.spinnet.validation.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.spinnet.network.data.TrainTest;
import dev.spinnet.network.layer.Param;

/** validate --resume: an interrupted training stage continued from its checkpoints equals the straight run. */
class RunCheckpointsTest {
    static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** Stands in for a kill: thrown by the log once {@code marker} has been printed after {@code after}. */
    static final class Interrupt extends RuntimeException {
        Interrupt() {
            super("interrupted by the test");
        }
    }

    static PrintStream interruptingAt(String after, String marker) {
        return new PrintStream(new OutputStream() {
            private final StringBuilder seen = new StringBuilder();

            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                seen.append(new String(b, off, len, StandardCharsets.UTF_8));
                int at = seen.indexOf(after);
                if (at >= 0 && seen.indexOf(marker, at) >= 0) {
                    throw new Interrupt();
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    @Test
    void interruptedTrainingResumesToTheStraightRunsRows(@TempDir Path tmp) throws Exception {
        DatasetPlan plan = DatasetPlan.preset("mnist", "quick").withEpochs(2).shrunk(120, 60, new int[] {4, 8, 16});
        TrainTest tt = SyntheticData.of(1, 28, 120, 60, 1);
        Path devices = ValidationPipelineTest.DEVICES;

        TrainingStage.Result straight = TrainingStage.run(plan, tt, devices, 1,
                RunCheckpoints.open(tmp.resolve("a"), false, QUIET), QUIET);

        // Killed in row 3 after its first epoch's checkpoint and before its second's.
        Path b = tmp.resolve("b");
        assertThrows(Interrupt.class, () -> TrainingStage.run(plan, tt, devices, 1,
                RunCheckpoints.open(b, false, QUIET), interruptingAt("row 3/6", "epoch  2/2")));
        IllegalArgumentException forgotten = assertThrows(IllegalArgumentException.class,
                () -> RunCheckpoints.open(b, false, QUIET));
        assertTrue(forgotten.getMessage().contains("add --resume"), forgotten.getMessage());

        TrainingStage.Result resumed = TrainingStage.run(plan, tt, devices, 1, RunCheckpoints.open(b, true, QUIET),
                QUIET);
        AblationRow[] rows = AblationRow.values();
        for (int i = 0; i < rows.length; i++) {
            TrainingStage.Row s = straight.row(rows[i]);
            TrainingStage.Row r = resumed.row(rows[i]);
            String what = rows[i].label();
            assertFalse(s.resumed(), what);
            assertEquals(i < 3, r.resumed(), what + ": rows 1-3 continue from checkpoints, 4-6 start afresh");
            assertEquals(s.testAccuracy(), r.testAccuracy(), 0.0, what);
            assertTrue(Arrays.deepEquals(s.confusion(), r.confusion()), what + ": confusion matrix");
            assertEquals(s.counts(), r.counts(), what + ": pulses");
            assertEquals(s.neuronEnergyJ(), r.neuronEnergyJ(), 0.0, what + ": neuron energy");
            assertEquals(s.noisy().size(), r.noisy().size(), what);
            for (int k = 0; k < s.noisy().size(); k++) {
                assertArrayEquals(s.noisy().get(k).accuracyPercent(), r.noisy().get(k).accuracyPercent(), 0.0,
                        what + ": noisy inference " + k);
            }
            assertEquals(s.history().size(), r.history().size(), what);
            for (int e = 0; e < s.history().size(); e++) {
                var hs = s.history().get(e);
                var hr = r.history().get(e);
                assertEquals(hs.trainLoss(), hr.trainLoss(), 0.0, what);
                assertEquals(hs.trainAccuracy(), hr.trainAccuracy(), 0.0, what);
                assertEquals(hs.testLoss(), hr.testLoss(), 0.0, what);
                assertEquals(hs.learningRate(), hr.learningRate(), 0.0, what);
            }
            List<Param> ps = s.model().net().params();
            List<Param> pr = r.model().net().params();
            for (int k = 0; k < ps.size(); k++) {
                assertArrayEquals(ps.get(k).value, pr.get(k).value, what + ": parameter " + k);
            }
        }

        // Another dataset under the same checkpoints is refused, not mixed in.
        TrainTest other = SyntheticData.of(1, 28, 120, 60, 2);
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class, () -> TrainingStage.run(plan,
                other, devices, 1, RunCheckpoints.open(b, true, QUIET), QUIET));
        assertTrue(mixed.getMessage().contains("the mnist images differ"), mixed.getMessage());
    }

    @Test
    void bindingsAreCheckedOnResumeAndTheFolderGoesWhenAsked(@TempDir Path tmp) throws IOException {
        Path target = tmp.resolve("validate-full");
        RunCheckpoints c = RunCheckpoints.open(target, false, QUIET);
        assertEquals(tmp.resolve(".validate-full.checkpoints"), c.folder());
        c.bind("plan", "full seed=1", "the settings");
        c.bind("devices", "abc", "the device files");
        String file = Files.readString(c.folder().resolve(RunCheckpoints.BINDINGS));
        assertEquals("devices=abc\nplan=full seed\\=1\n", file, "sorted, no date line");
        assertFalse(c.holdsTraining());

        RunCheckpoints again = RunCheckpoints.open(target, true, QUIET);
        again.bind("plan", "full seed=1", "the settings");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> again.bind("devices", "abd", "the training device files"));
        assertTrue(e.getMessage().startsWith("--resume: the training device files differ"), e.getMessage());
        again.bind("data.mnist", "123", "the mnist images");

        Files.writeString(again.row("mnist", AblationRow.FLOAT_RELU).resolve("checkpoint.bin"), "x");
        assertTrue(again.holdsTraining());
        again.delete();
        assertFalse(Files.exists(again.folder()));
        RunCheckpoints.open(target, false, QUIET).delete(); // no leftover: no refusal
    }
}
