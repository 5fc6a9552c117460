package dev.spinnet.validation.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same seed and thread count give byte-identical device files and identical training metrics and weights. */
class DeterminismCliTest {

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void fitTwiceGivesIdenticalDeviceFiles(@TempDir Path tmp) throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        for (Path out : List.of(a, b)) {
            Object[] r = SweepCommandTest.cli("fit", "--devices", "ferri-synapse", "--no-spot-checks", "--seed", "3",
                    "--threads", "2", "--out", out.toString());
            assertEquals(0, r[0], r[2].toString());
        }
        List<Path> fa = files(a);
        assertEquals(files(b).stream().map(Path::getFileName).toList(), fa.stream().map(Path::getFileName).toList());
        for (Path f : fa) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(f.getFileName())),
                    "fit output differs: " + f.getFileName());
        }
        System.out.println("determinism check: spinnet fit twice, " + fa.size() + " files byte-identical "
                + fa.stream().map(Path::getFileName).toList());
    }

    @Test
    void trainTwiceGivesIdenticalMetricsAndWeights(@TempDir Path tmp) throws IOException {
        Path data = SyntheticData.writeMnist(tmp.resolve("mnist"), 384, 100);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        for (Path out : List.of(a, b)) {
            Object[] r = SweepCommandTest.cli("train", "mnist", "--preset", "quick", "--epochs", "2", "--threads", "2",
                    "--seed", "11", "--data", data.toString(), "--out", out.toString());
            assertEquals(0, r[0], r[2].toString());
        }
        assertEquals(InterruptionTest.deterministicColumns(a), InterruptionTest.deterministicColumns(b));
        assertArrayEquals(InterruptionTest.weights(a), InterruptionTest.weights(b));
        System.out.println("determinism check: train twice (seed 11, 2 threads), metrics and "
                + InterruptionTest.weights(a).length / 4 + " weight words identical");
    }
}
