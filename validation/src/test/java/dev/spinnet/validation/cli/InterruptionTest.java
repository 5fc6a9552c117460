package dev.spinnet.validation.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.spinnet.network.train.Trainer;

/**
 * kill -9 at a random moment, then {@code --resume}: the result must equal an uninterrupted run with the same
 * seed. The kill point is drawn from a printed seed ({@code -Dspinnet.killSeed=N} replays one).
 */
class InterruptionTest {
    private static final long KILL_SEED = Long.getLong("spinnet.killSeed", System.nanoTime());

    private static String[] train(Path data, Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("train", "mnist", "--preset", "quick", "--epochs", "3", "--threads",
                "1", "--seed", "7", "--data", data.toString(), "--out", out.toString()));
        a.addAll(Arrays.asList(extra));
        return a.toArray(new String[0]);
    }

    /** Waits until {@code file} exists (the child's first checkpoint), failing if the child ends first. */
    private static void awaitFile(Process p, Path file, Path log) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(file)) {
            if (!p.isAlive()) {
                fail("child ended before writing " + file + ":\n" + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                fail("timed out waiting for " + file);
            }
            Thread.sleep(10);
        }
    }

    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        p.waitFor();
    }

    @Test
    void killedTrainingResumesToTheUninterruptedResult(@TempDir Path tmp) throws Exception {
        Random r = new Random(KILL_SEED);
        Path data = SyntheticData.writeMnist(tmp.resolve("mnist"), 640, 200);
        Path reference = tmp.resolve("reference");
        Object[] ref = SweepCommandTest.cli(train(data, reference));
        assertEquals(0, ref[0], ref[2].toString());

        Path out = tmp.resolve("killed");
        Path log = tmp.resolve("child.log");
        Process child = ChildJvm.start(log, train(data, out));
        awaitFile(child, out.resolve(Trainer.CHECKPOINT_FILE), log);
        long delayMs = r.nextInt(1500);
        Thread.sleep(delayMs);
        boolean finished = !child.isAlive();
        kill(child);
        int epochsAtKill = Files.readAllLines(out.resolve(Trainer.METRICS_FILE)).size() - 1;
        System.out.printf("resume check: kill seed %d, killed %d ms after the first checkpoint, %d of 3 epochs"
                + " done%s%n", KILL_SEED, delayMs, epochsAtKill, finished ? " (child had already finished)" : "");

        Object[] resumed = SweepCommandTest.cli(train(data, out, "--resume"));
        assertEquals(0, resumed[0], resumed[2].toString());
        assertTrue(resumed[1].toString().contains("resuming"), resumed[1].toString());

        assertEquals(deterministicColumns(reference), deterministicColumns(out), "metrics.csv");
        assertEquals(resultFigures(reference), resultFigures(out), "result.json accuracy and confusion matrix");
        assertArrayEquals(weights(reference), weights(out), "weights in checkpoint.bin");
        assertNoTemporaryFiles(out);
    }

    /** metrics.csv without the wall-clock columns (images/s, epoch and elapsed seconds). */
    static List<String> deterministicColumns(Path run) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve(Trainer.METRICS_FILE))) {
            rows.add(String.join(",", Arrays.copyOf(line.split(","), 6)));
        }
        return rows;
    }

    private static String resultFigures(Path run) throws IOException {
        String json = Files.readString(run.resolve("result.json"));
        return json.replaceAll("(?s).*(\"test_accuracy_percent\" : [^,]+).*(\"confusion_matrix\" : \\[.*?\\] \\]).*",
                "$1 $2");
    }

    /** The parameter block of a checkpoint: epochs done, then every parameter tensor (see Trainer). */
    static byte[] weights(Path run) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(run.resolve(Trainer.CHECKPOINT_FILE)))) {
            in.readUTF();
            in.skipNBytes(in.readInt());
            java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
            java.io.DataOutputStream out = new java.io.DataOutputStream(bos);
            out.writeInt(in.readInt());
            int params = in.readInt();
            for (int p = 0; p < params; p++) {
                int n = in.readInt();
                out.write(in.readNBytes(4 * n));
            }
            return bos.toByteArray();
        }
    }

    static void assertNoTemporaryFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> tmp = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertTrue(tmp.isEmpty(), "temporary files left: " + tmp);
        }
    }

    private static String[] sweep(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("sweep", "--material", "gdco", "--model", "llg", "--track-length",
                "2e-7", "--wall-start", "1e-7", "--j", "1e11:1e12:6", "--temperature", "290,310,330",
                "--pulse-width", "1e-10", "--relax", "1e-10", "--threads", "1", "--no-progress", "--out",
                out.toString()));
        a.addAll(Arrays.asList(extra));
        return a.toArray(new String[0]);
    }

    @Test
    void killedSweepResumesWithoutLostOrRepeatedRows(@TempDir Path tmp) throws Exception {
        Random r = new Random(KILL_SEED + 1);
        Path reference = tmp.resolve("reference");
        Object[] ref = SweepCommandTest.cli(sweep(reference));
        assertEquals(0, ref[0], ref[2].toString());

        Path out = tmp.resolve("killed");
        Path log = tmp.resolve("child.log");
        Process child = ChildJvm.start(log, sweep(out));
        Path csv = out.resolve("results.csv");
        awaitFile(child, csv, log);
        while (child.isAlive() && Files.readAllLines(csv).size() < 3) {
            Thread.sleep(5);
        }
        Thread.sleep(r.nextInt(400));
        kill(child);
        byte[] atKill = Files.readAllBytes(csv);
        String text = new String(atKill, java.nio.charset.StandardCharsets.UTF_8);
        // complete rows: header excluded, a row torn by the kill (no newline) excluded
        int complete = (int) text.chars().filter(c -> c == '\n').count() - 1;

        Object[] resumed = SweepCommandTest.cli(sweep(out, "--resume"));
        assertEquals(0, resumed[0], resumed[2].toString());
        int total = 18;
        String summary = resumed[1].toString();
        System.out.printf("resume check: sweep killed with %d of %d rows written; resume said: %s%n", complete, total,
                summary.lines().filter(l -> l.startsWith("wrote")).findFirst().orElse(summary).trim());
        assertTrue(summary.contains("(" + complete + " kept, " + (total - complete) + " computed"),
                "finished runs must be kept, not recomputed: " + summary);
        List<String> rows = Files.readAllLines(csv);
        assertEquals(total + 1, rows.size(), "one row per run");
        for (int i = 1; i <= total; i++) {
            assertTrue(rows.get(i).startsWith((i - 1) + ","), "row " + i + " is run " + rows.get(i));
        }
        assertArrayEquals(Files.readAllBytes(reference.resolve("results.csv")), Files.readAllBytes(csv),
                "results.csv after kill + resume equals the uninterrupted sweep");
        assertNoTemporaryFiles(out);
    }
}
