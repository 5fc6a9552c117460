package dev.spinnet.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input at every entry point of the command line: each case must end with exit code 2, exactly one
 * line {@code spinnet: error: ...} on stderr that contains the expected fragment (the flag, file or field
 * at fault), no stack trace, and no output directory left behind. The number of cases per entry point is
 * printed (RELIABILITY.md quotes it).
 */
class BadInputTest {
    @TempDir
    static Path tmp;
    private static final Map<String, Integer> TRIED = new TreeMap<>();
    private static Path mnist;
    private static Path devices;

    @BeforeAll
    static void files() throws IOException {
        mnist = SyntheticData.writeMnist(tmp.resolve("mnist-ok"), 40, 20);
        devices = tmp.resolve("devices");
        Files.createDirectories(devices);
    }

    @AfterAll
    static void report() {
        int total = TRIED.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("bad inputs tried: " + total + " " + TRIED);
    }

    /** Runs one bad command: exit 2, one line naming the problem, and {@code mustNotExist} absent. */
    private static void bad(String entry, String fragment, Path mustNotExist, String... args) {
        Object[] r = SweepCommandTest.cli(args);
        String err = r[2].toString();
        String what = String.join(" ", args) + " -> " + err;
        assertEquals(2, r[0], what);
        assertTrue(err.startsWith("spinnet: error: "), what);
        assertEquals(1, err.strip().split("\n").length, "not one line: " + what);
        assertFalse(err.contains("\tat ") || err.contains("Exception:"), "stack trace or raw exception: " + what);
        assertTrue(err.contains(fragment), "'" + fragment + "' missing: " + what);
        if (mustNotExist != null) {
            assertFalse(Files.exists(mustNotExist), "partial output " + mustNotExist + " after " + what);
        }
        TRIED.merge(entry, 1, Integer::sum);
    }

    private static String[] with(String[] base, String... extra) {
        String[] a = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, a, base.length, extra.length);
        return a;
    }

    /** A fresh output path per case, so that one misbehaving case cannot make the next ones look bad. */
    private static Path freshOut(String name) {
        return tmp.resolve(name + "-" + TRIED.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void trainFlags() {
        String[] base = {"train", "mnist", "--data", mnist.toString(), "--preset", "quick"};
        String[][] cases = {
            {"--epochs", "0", "--epochs"}, {"--epochs", "-3", "--epochs"}, {"--epochs", "x", "--epochs"},
            {"--threads", "0", "--threads"}, {"--threads", "-1", "--threads"}, {"--seed", "1.5", "--seed"},
            {"--celu-alpha", "NaN", "--celu-alpha"}, {"--celu-alpha", "-1", "--celu-alpha"},
            {"--celu-alpha", "Infinity", "--celu-alpha"}, {"--range-factor", "0", "--range-factor"},
            {"--range-factor", "NaN", "--range-factor"}, {"--device-lr-scale", "-2", "--device-lr-scale"},
            {"--device-momentum", "1.5", "--device-momentum"}, {"--device-momentum", "NaN", "--device-momentum"},
            {"--activation", "tanh", "--activation"}, {"--algorithm", "magic", "--algorithm"},
            {"--no-such-flag", "1", "--no-such-flag"}, {"--preset", "quick", "only once"},
            {"--neuron-span", "0", "--neuron-span"}, {"--neuron-span", "NaN", "--neuron-span"},
            {"--neuron-noise", "-1", "--neuron-noise"}, {"--refresh-every", "-5", "--refresh-every"},
            {"--rerange", "-1", "--rerange"}, {"--rerange", "Infinity", "--rerange"},
            {"--transfer", "sometimes", "--transfer"}, {"--widths", "16,32", "--widths"},
            {"--widths", "16,0,64", "--widths"}, {"--widths", "16,a,64", "--widths"},
            {"--holdout", "0", "--holdout"}, {"--holdout", "10000", "--holdout 10000 leaves no training images"},
            {"--holdout", "-2", "--holdout"},
        };
        for (String[] c : cases) {
            Path o = freshOut("train-out");
            bad("train", c[2], o, with(base, "--out", o.toString(), c[0], c[1]));
        }
        Path out = freshOut("train-out");
        bad("train", "unknown dataset 'imagenet'", out, "train", "imagenet", "--out", out.toString());
        Path out2 = freshOut("train-out");
        bad("train", "unknown preset 'huge'", out2, "train", "mnist", "--preset", "huge", "--out", out2.toString());
        bad("train", "Missing required parameter", null, "train");
        String syn = Path.of("..", "data", "devices", "ferri-synapse.json").toString();
        String[][] classifier = {
            {"--classifier-lr-scale", "2", "needs --synapse", null},
            {"--classifier-range-factor", "6", "needs --synapse", null},
            {"--classifier-lr-scale", "NaN", "--classifier-lr-scale", syn},
            {"--classifier-range-factor", "0", "--classifier-range-factor", syn},
            {"--device-wd-scale", "0.1", "acts on pulsed device synapses", null},
            {"--device-wd-scale", "-1", "--device-wd-scale must be finite and >= 0", syn},
            {"--device-wd-scale", "NaN", "--device-wd-scale must be finite and >= 0", syn},
        };
        for (String[] c : classifier) {
            Path o = freshOut("train-out");
            String[] args = with(base, "--out", o.toString(), c[0], c[1]);
            bad("train", c[2], o, c[3] == null ? args : with(args, "--synapse", c[3]));
        }
        Path outHw = freshOut("train-out");
        bad("train", "acts on pulsed device synapses", outHw, with(base, "--out", outHw.toString(), "--synapse", syn,
                "--algorithm", "hardware-aware", "--device-wd-scale", "0.1"));
        Path out3 = freshOut("train-out");
        bad("train", "cannot be combined with --record", out3, with(base, "--out", out3.toString(), "--holdout", "100",
                "--record"));
    }

    @Test
    void outputDirectories() throws IOException {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        bad("output", "is a file", null, "train", "mnist", "--data", mnist.toString(), "--out",
                file.resolve("run").toString(), "--preset", "quick");
        bad("output", "is a file", null, "fit", "--out", file.resolve("devices").toString(), "--devices",
                "ferri-synapse");
        bad("output", "is not a directory", null, "sweep", "--material", "gdco", "--out", file.toString(), "--no-progress");
        assertEquals("x", Files.readString(file), "a refused run must not touch an existing file");
    }

    @Test
    void dataCommand() {
        bad("data", "--bogus", null, "data", "info", "mnist", "--bogus");
        bad("data", "unknown dataset", null, "data", "info", "imagenet", "--data", tmp.toString());
        bad("data", "not found", null, "data", "info", "mnist", "--data", tmp.resolve("nowhere").toString());
        bad("data", "unknown dataset", null, "data", "fetch", "svhn");
    }

    @Test
    void resultsCommand() throws IOException {
        Path corrupt = tmp.resolve("corrupt-results.json");
        Files.writeString(corrupt, "{\"a_test_accuracy\": 9");
        Path array = tmp.resolve("array-results.json");
        Files.writeString(array, "[1, 2]");
        bad("results", "not found", null, "results", "--file", tmp.resolve("nowhere.json").toString());
        bad("results", "not valid JSON", null, "results", "--file", corrupt.toString());
        bad("results", "not a JSON object", null, "results", "--file", array.toString());
        bad("results", "--min-seeds", null, "results", "--file", array.toString(), "--min-seeds", "x");
        Path ok = tmp.resolve("ok-results.json");
        Files.writeString(ok, "{}");
        bad("results", "--min-seeds", null, "results", "--file", ok.toString(), "--min-seeds", "0");
        bad("results", "--figure", null, "results", "--file", ok.toString(), "--figure", "");
        Path two = tmp.resolve("two-results.json");
        Files.writeString(two, "{\"a_test_accuracy\": 1, \"a_seed2_test_accuracy\": 2, \"b_test_accuracy\": 3}");
        bad("results", "exactly two keys", null, "results", "--file", two.toString(), "--compare", "a");
        bad("results", "no configuration c_test_accuracy", null, "results", "--file", two.toString(),
                "--compare", "a", "--compare", "c");
        bad("results", "at least 2 seeds", null, "results", "--file", two.toString(), "--compare", "a",
                "--compare", "b");
    }

    @Test
    void benchFlags() {
        String[][] cases = {
            {"--what", "everything", "--what"}, {"--seconds", "0", "--seconds"}, {"--seconds", "NaN", "--seconds"},
            {"--steps", "0", "--steps"}, {"--batch", "1", "--batch"}, {"--net", "imagenet", "--net"},
            {"--seconds", "Infinity", "--seconds"},
            {"--seconds", "abc", "--seconds"},
        };
        for (String[] c : cases) {
            bad("bench", c[2], null, "bench", c[0], c[1]);
        }
    }

    @Test
    void benchLlgFlags() {
        String[][] cases = {
            {"--what", "gpu", "--what"}, {"--seconds", "-1", "--seconds"}, {"--seconds", "Infinity", "--seconds"},
            {"--trials", "0", "--trials"}, {"--cells", "8", "--cells"}, {"--threads", "0", "--threads"},
        };
        for (String[] c : cases) {
            bad("bench-llg", c[2], null, "bench-llg", c[0], c[1]);
        }
        bad("bench-llg", "--cells 1024", null, "bench-llg", "--cells", "64", "--record");
    }

    @Test
    void fitFlags() {
        String[][] cases = {
            {"--devices", "ferri-gizmo", "ferri-gizmo"}, {"--devices", "", "--devices"}, {"--threads", "0", "--threads"},
            {"--seed", "x", "--seed"}, {"--record", null, "--record"},
        };
        for (String[] c : cases) {
            Path out = freshOut("fit-out");
            String[] args = c[1] == null ? new String[] {"fit", "--out", out.toString(), "--devices", "ferri-synapse",
                c[0]} : new String[] {"fit", "--out", out.toString(), c[0], c[1]};
            bad("fit", c[2], out, args);
        }
        String[][] variants = {
            {"--set barrierDepth=20e-9", "--variant"},
            {"--variant b20", "without --set"},
            {"--set barrierDepth=20e-9 --variant B/20", "--variant"},
            {"--set barrierDepth=-1e-9 --variant b", "barrierDepth"},
            {"--set barrierDepth=NaN --variant b", "barrierDepth"},
            {"--set barrierDepht=2e-8 --variant b", "barrierDepht"},
            {"--set barrierDepth --variant b", "NAME=VALUE"},
            {"--set notches=33 --variant b", "notches"},
            {"--set barrierDepth=2e-8 --variant b --record", "--record"},
        };
        for (String[] c : variants) {
            Path out = freshOut("fit-out");
            List<String> args = new ArrayList<>(List.of("fit", "--out", out.toString(), "--devices", "ferri-neuron"));
            args.addAll(Arrays.asList(c[0].split(" ")));
            bad("fit", c[1], out, args.toArray(String[]::new));
        }
    }

    @Test
    void sweepPhysicalParameters() {
        String[][] cases = {
            {"--param", "damping=NaN"}, {"--param", "alpha_tm=-0.1"}, {"--param", "K_u=-1e5"},
            {"--param", "A=Infinity"}, {"--param", "B_ex=NaN"}, {"--param", "t_F=0"}, {"--param", "theta_SH=NaN"},
            {"--param", "D=Infinity"}, {"--param", "hz=NaN"}, {"--j", "Infinity"}, {"--temperature", "-5"},
            {"--pulse-width", "-1e-9"}, {"--cell-size", "0"}, {"--cell-size", "NaN"}, {"--track-width", "-1e-9"},
            {"--thermal-step", "-1e-14"}, {"--sample-interval", "0"}, {"--pinning-period", "0"},
            {"--track-length", "NaN"}, {"--fall", "Infinity"}, {"--delay", "-1"},
        };
        int k = 0;
        for (String[] c : cases) {
            Path out = tmp.resolve("sweep-" + k++);
            bad("sweep", "", out, "sweep", "--material", "gdco", "--model", "cc", "--no-progress", "--out",
                    out.toString(), c[0], c[1]);
        }
    }

    @Test
    void solverFailureIsAOneLineErrorNamingTimeAndCell() throws IOException {
        // A 1 ps Heun step is far too coarse for the exchange field of 1 nm cells: |m| leaves 1 at once.
        Path out = tmp.resolve("sweep-diverges");
        Object[] r = SweepCommandTest.cli("sweep", "--material", "gdco", "--model", "llg", "--thermal",
                "--thermal-step", "1e-12", "--track-length", "1e-7", "--wall-start", "5e-8", "--pulse-width", "1e-11",
                "--relax", "1e-11", "--no-progress", "--out", out.toString());
        String err = r[2].toString().strip();
        assertEquals(2, r[0], err);
        String last = err.substring(err.lastIndexOf('\n') + 1);
        assertTrue(last.startsWith("spinnet: error: 1 of 1 computed runs failed"), err);
        assertTrue(last.contains("solver:") && last.contains(" at t = ") && last.contains("cell "), err);
        assertTrue(Files.readString(out.resolve("results.csv")).contains(",failed"), "row kept with status failed");
        System.out.println("solver failure via the CLI: " + last);
        TRIED.merge("solver", 1, Integer::sum);
    }

    // ------------------------------------------------------------------ device files

    private static Path device(String name, String text) throws IOException {
        return Files.writeString(devices.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String committed(String name) throws IOException {
        return Files.readString(Path.of("..", "data", "devices", name));
    }

    @Test
    void deviceFiles() throws IOException {
        String synapse = committed("ferri-synapse.json");
        String neuron = committed("ferri-neuron.json");
        List<Object[]> cases = new ArrayList<>(List.of(
            new Object[] {"--synapse", device("empty.json", ""), "empty file"},
            new Object[] {"--synapse", device("text.json", "hello"), "not valid JSON"},
            new Object[] {"--synapse", device("array.json", "[1,2]"), "top level"},
            new Object[] {"--synapse", device("trunc.json", synapse.substring(0, synapse.length() / 2)), "JSON"},
            new Object[] {"--synapse", device("schema.json", synapse.replace("spinnet.device-model", "other")),
                "schema"},
            new Object[] {"--synapse", device("v2.json", synapse.replace("\"schema_version\" : 1",
                "\"schema_version\" : 2")), "schema_version 2"},
            new Object[] {"--synapse", device("nan.json", synapse.replaceFirst("\"g_min_S\" : [^,]+",
                "\"g_min_S\" : NaN")), "g_min_S"},
            new Object[] {"--synapse", device("neg.json", synapse.replaceFirst("\"g_max_S\" : [^,]+",
                "\"g_max_S\" : -1.0")), "g_max"},
            new Object[] {"--synapse", device("missing.json", synapse.replaceFirst("\"distinguishable_states\" : [^,]+,",
                "")), "distinguishable_states"},
            new Object[] {"--synapse", devices.resolve("absent.json"), "absent.json"},
            new Object[] {"--synapse", devices, "devices"},
            new Object[] {"--synapse", device("kind.json", neuron), "expected synapse"},
            new Object[] {"--neuron", device("kind2.json", synapse), "expected neuron"},
            new Object[] {"--neuron", device("nany.json", neuron.replaceFirst("\"y\" : \\[ [^,]+,",
                "\"y\" : [ \"x\",")), "neuron.y[0]"},
            new Object[] {"--neuron", device("inf.json", neuron.replaceFirst("\"x1\" : [^,]+", "\"x1\" : Infinity")),
                "x1"}));
        for (Object[] c : cases) {
            Path out = freshOut("device-out");
            bad("device files", ((Path) c[1]).getFileName().toString(), out, "train", "mnist", "--data",
                    mnist.toString(), "--out", out.toString(), "--preset", "quick", c[0].toString(), c[1].toString());
            Path out2 = freshOut("device-out");
            bad("device files", c[2].toString(), out2, "train", "mnist", "--data", mnist.toString(), "--out",
                    out2.toString(), "--preset", "quick", c[0].toString(), c[1].toString());
        }
    }

    // ------------------------------------------------------------------ datasets

    /** A copy of the good synthetic MNIST folder with one file replaced. */
    private static Path mnistWith(String name, String file, byte[] content) throws IOException {
        Path d = tmp.resolve(name);
        try (Stream<Path> s = Files.list(mnist)) {
            for (Path p : s.toList()) {
                SyntheticData.write(d.resolve(p.getFileName()), Files.readAllBytes(p));
            }
        }
        SyntheticData.write(d.resolve(file), content);
        return d;
    }

    @Test
    void mnistFiles() throws IOException {
        String images = "train-images-idx3-ubyte.gz";
        String labels = "train-labels-idx1-ubyte.gz";
        byte[] good = SyntheticData.idxImages(40, 1);
        byte[] wrongMagic = good.clone();
        wrongMagic[3] = 0x01;
        byte[] swapped = good.clone();
        swapped[2] = 0x03;
        swapped[3] = 0x08;
        byte[] badLabel = SyntheticData.idxLabels(40);
        badLabel[8 + 7] = 12;
        byte[] gz = SyntheticData.gzip(good);
        Object[][] cases = {
            {images, Arrays.copyOf(good, 1000), "truncated"},
            {images, Arrays.copyOf(good, 10), "truncated"},
            {images, new byte[0], "truncated"},
            {images, SyntheticData.gzip(wrongMagic), "wrong magic"},
            {images, SyntheticData.gzip(SyntheticData.idxLabels(40)), "looks like a label file"},
            {images, SyntheticData.gzip(Arrays.copyOf(good, good.length + 5)), "unexpected data"},
            {images, Arrays.copyOf(gz, gz.length / 2), "truncated or corrupt gzip"},
            {images, "<html>404 not found</html>".getBytes(StandardCharsets.UTF_8), "wrong magic"},
            {labels, SyntheticData.gzip(SyntheticData.idxLabels(39)), "39 labels"},
            {labels, SyntheticData.gzip(badLabel), "label 12 of item 7"},
            {labels, SyntheticData.gzip(SyntheticData.idxImages(40, 1)), "looks like an image file"},
        };
        int k = 0;
        for (Object[] c : cases) {
            Path d = mnistWith("mnist-bad-" + k++, (String) c[0], (byte[]) c[1]);
            Path out = freshOut("mnist-out");
            bad("datasets", (String) c[2], out, "train", "mnist", "--data", d.toString(), "--out", out.toString(),
                    "--preset", "quick");
            bad("datasets", (String) c[2], null, "data", "info", "mnist", "--data", d.toString());
        }
        Files.delete(mnistWith("mnist-missing", images, new byte[0]).resolve(images));
        bad("datasets", "not found", null, "data", "info", "mnist", "--data",
                tmp.resolve("mnist-missing").toString());
    }

    @Test
    void cifarBinaryFiles() throws IOException {
        Object[][] cases = {
            {"data_batch_3.bin", Arrays.copyOf(SyntheticData.cifarBatch(4), 4 * 3073 - 100), "not a positive multiple"},
            {"test_batch.bin", new byte[0], "not a positive multiple"},
            {"data_batch_1.bin", labelled(10), "label 10 of record 2"},
            {"batches.meta.txt", "airplane\nautomobile\n".getBytes(StandardCharsets.UTF_8), "class names"},
        };
        int k = 0;
        for (Object[] c : cases) {
            Path root = tmp.resolve("cifar-bad-" + k++);
            Path batches = SyntheticData.writeCifarBinary(root, 4);
            SyntheticData.write(batches.resolve((String) c[0]), (byte[]) c[1]);
            bad("datasets", (String) c[2], null, "data", "info", "cifar10", "--data", root.toString());
        }
    }

    private static byte[] labelled(int badLabel) {
        byte[] b = SyntheticData.cifarBatch(4);
        b[2 * 3073] = (byte) badLabel;
        return b;
    }

    @Test
    void imageFolders() throws IOException {
        byte[] png = pngBytes();
        // an empty class folder, a non-image with an image name, images of two sizes, a missing test split
        Path empty = tmp.resolve("if-empty/cifar10");
        SyntheticData.write(empty.resolve("train/cat/0.png"), png);
        Files.createDirectories(empty.resolve("train/dog"));
        SyntheticData.write(empty.resolve("test/cat/0.png"), png);
        bad("datasets", "empty class folder", null, "data", "info", "cifar10", "--data", empty.getParent().toString());

        Path notImage = tmp.resolve("if-text/cifar10");
        SyntheticData.write(notImage.resolve("train/cat/0.png"), png);
        SyntheticData.write(notImage.resolve("train/dog/0.png"), "not a picture".getBytes(StandardCharsets.UTF_8));
        SyntheticData.write(notImage.resolve("test/cat/0.png"), png);
        SyntheticData.write(notImage.resolve("test/dog/0.png"), png);
        bad("datasets", "not a decodable image", null, "data", "info", "cifar10", "--data",
                notImage.getParent().toString());

        Path noTest = tmp.resolve("if-notest/cifar10");
        SyntheticData.write(noTest.resolve("train/cat/0.png"), png);
        Files.createDirectories(noTest.resolve("test"));
        bad("datasets", "no class folders", null, "data", "info", "cifar10", "--data", noTest.getParent().toString());

        Path zipRoot = tmp.resolve("if-zip");
        SyntheticData.write(zipRoot.resolve("cifar10-jpeg.zip"), "PK\3\4 truncated".getBytes(StandardCharsets.UTF_8));
        bad("datasets", "cifar10-jpeg.zip", null, "data", "info", "cifar10", "--data", zipRoot.toString());
    }

    private static byte[] pngBytes() throws IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(4, 4,
                java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", bos);
        return bos.toByteArray();
    }
}
