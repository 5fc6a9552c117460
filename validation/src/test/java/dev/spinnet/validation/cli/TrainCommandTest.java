package dev.spinnet.validation.cli;

import dev.spinnet.network.data.DataLocator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The train, data and bench commands: bad input gives one line and exit 2; a tiny run works end to end. */
class TrainCommandTest {

    static void assertOneLineError(Object[] r, String fragment) {
        assertEquals(2, r[0]);
        String err = r[2].toString().trim();
        assertTrue(err.startsWith("spinnet: error: "), err);
        assertFalse(err.contains("\n"), "error must be one line: " + err);
        assertTrue(err.contains(fragment), err);
    }

    @Test
    void badFlagsAndValuesAreOneLineErrors(@TempDir Path tmp) {
        assertOneLineError(SweepCommandTest.cli("train", "mnist", "--epochs", "x"), "--epochs");
        assertOneLineError(SweepCommandTest.cli("train", "imagenet"), "unknown dataset 'imagenet'");
        assertOneLineError(SweepCommandTest.cli("train", "mnist", "--preset", "huge"), "unknown preset 'huge'");
        assertOneLineError(SweepCommandTest.cli("train", "mnist", "--activation", "tanh", "--data",
                tmp.toString()), "--activation");
        assertOneLineError(SweepCommandTest.cli("train", "mnist", "--data", tmp.resolve("none").toString(),
                "--out", tmp.resolve("out").toString()), "mnist: not found");
        assertOneLineError(SweepCommandTest.cli("bench", "--what", "everything"), "--what");
        assertOneLineError(SweepCommandTest.cli("bench", "--conv", "fft"), "--conv must be auto, gemm or winograd");
        assertOneLineError(SweepCommandTest.cli("train", "mnist", "--conv", "fft", "--out",
                tmp.resolve("never").toString()), "--conv must be auto, gemm or winograd");
        Path untouched = tmp.resolve("never-created");
        assertOneLineError(SweepCommandTest.cli("train", "mnist", "--algorithm", "magic", "--out", untouched.toString()),
                "--algorithm");
        assertOneLineError(SweepCommandTest.cli("train", "mnist", "--synapse", tmp.resolve("missing.json").toString(),
                "--out", untouched.toString()), "missing.json");
        assertOneLineError(SweepCommandTest.cli("train", "mnist", "--no-lookahead", "--out", untouched.toString()),
                "recipe has no Lookahead");
        assertOneLineError(SweepCommandTest.cli("train", "cifar10", "--no-lookahead", "--synapse",
                "data/devices/ferri-synapse.json", "--out", untouched.toString()), "train without Lookahead unless");
        assertOneLineError(SweepCommandTest.cli("train", "mnist", "--device-lookahead", "--synapse",
                "data/devices/ferri-synapse.json", "--out", untouched.toString()), "recipe has no Lookahead");
        assertOneLineError(SweepCommandTest.cli("train", "cifar10", "--device-lookahead", "--out",
                untouched.toString()), "--device-lookahead needs --synapse");
        assertOneLineError(SweepCommandTest.cli("train", "cifar10", "--device-lookahead", "--synapse",
                "../data/devices/ferri-synapse.json", "--algorithm", "hardware-aware", "--out", untouched.toString()),
                "does not combine with --algorithm hardware-aware");
        assertOneLineError(SweepCommandTest.cli("train", "mnist", "--neuron-spread", "1", "--out", untouched.toString()),
                "--neuron-spread needs --neuron");
        assertOneLineError(SweepCommandTest.cli("train", "mnist", "--neuron-spread", "-1", "--neuron",
                "../data/devices/ferri-neuron.json", "--out", untouched.toString()), "--neuron-spread must be in");
        assertOneLineError(SweepCommandTest.cli("train", "mnist", "--neuron-noise-model", "input", "--out",
                untouched.toString()), "--neuron-noise-model input needs --neuron");
        assertOneLineError(SweepCommandTest.cli("train", "mnist", "--neuron-noise-model", "loud", "--neuron",
                "../data/devices/ferri-neuron.json", "--out", untouched.toString()),
                "--neuron-noise-model must be pooled or input, got 'loud'");
        assertOneLineError(SweepCommandTest.cli("train", "mnist", "--noisy-test", "-1", "--out", untouched.toString()),
                "--noisy-test must be >= 0");
        assertOneLineError(SweepCommandTest.cli("train", "mnist", "--noisy-test", "3", "--out", untouched.toString()),
                "--noisy-test needs device synapses or neurons");
        assertOneLineError(SweepCommandTest.cli("train", "mnist", "--noisy-test", "3", "--synapse",
                "../data/devices/ferri-synapse.json", "--out", untouched.toString()), "these settings add no noise");
        assertOneLineError(SweepCommandTest.cli("train", "mnist", "--noisy-test", "3", "--neuron",
                "../data/devices/ferri-neuron.json", "--test-neuron-noise", "NaN", "--out", untouched.toString()),
                "--test-neuron-noise");
        assertOneLineError(SweepCommandTest.cli("train", "mnist", "--noisy-test", "3", "--synapse",
                "../data/devices/ferri-synapse.json", "--test-read-noise", "-0.1", "--out", untouched.toString()),
                "--test-read-noise");
        assertFalse(Files.exists(untouched), "a refused run must not create its output directory");
        assertOneLineError(SweepCommandTest.cli("--bogus"), "--bogus");
    }

    /** The shared MNIST copy, or the test is skipped (a fresh clone outside the workspace has none). */
    private static Path sharedMnist() {
        Path mnist = Path.of("..", "..", "shared", "datasets", "mnist");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(mnist), "shared MNIST copy not present");
        return mnist;
    }

    /** A quick-preset MNIST run on 2 threads into {@code out}, with extra flags. */
    private static Object[] quickMnist(Path out, String... extra) {
        String[] base = {"train", "mnist", "--preset", "quick", "--data", sharedMnist().toString(),
            "--out", out.toString(), "--threads", "2"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return SweepCommandTest.cli(args);
    }

    @Test
    void quickMnistRunWritesItsOutputs(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        Object[] r = quickMnist(out);
        assertEquals(0, r[0], r[2].toString());
        assertTrue(r[1].toString().contains("test accuracy"), r[1].toString());
        for (String f : new String[]{"metrics.csv", "checkpoint.bin", "result.json"}) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        String json = Files.readString(out.resolve("result.json"));
        double acc = Double.parseDouble(json.replaceAll("(?s).*\"test_accuracy_percent\" : ([0-9.]+).*", "$1"));
        assertTrue(acc > 90, "quick MNIST accuracy " + acc);
        // Resuming a finished run retrains nothing and reports the same accuracy.
        Object[] again = quickMnist(out, "--resume");
        assertEquals(0, again[0], again[2].toString());
        assertTrue(again[1].toString().contains("resuming"), again[1].toString());
    }

    /** --holdout evaluates on held-out training images (never the test set) and says so; --widths shapes the net. */
    @Test
    void holdoutAndWidths(@TempDir Path tmp) throws Exception {
        Object[] r = quickMnist(tmp.resolve("run"), "--holdout", "2000", "--widths", "8,16,32");
        Path out = tmp.resolve("run");
        assertEquals(0, r[0], r[2].toString());
        String stdout = r[1].toString();
        assertTrue(stdout.contains("loaded 8000 train / 2000 validation images"), stdout);
        assertTrue(stdout.contains("mnist-cnn-8-16-32"), stdout);
        assertTrue(stdout.contains("validation accuracy"), stdout);
        assertFalse(stdout.contains("test accuracy"), stdout);
        String json = Files.readString(out.resolve("result.json"));
        assertTrue(json.contains("\"validation_accuracy_percent\""), json);
        assertTrue(json.contains("\"holdout_images\" : 2000"), json);
        assertFalse(json.contains("test_accuracy_percent"), json);
        double acc = Double.parseDouble(json.replaceAll("(?s).*\"validation_accuracy_percent\" : ([0-9.]+).*", "$1"));
        assertTrue(acc > 80 && acc <= 100, "quick MNIST validation accuracy " + acc);
    }

    /** --no-lookahead turns the CIFAR-10 recipe's Lookahead off (synthetic canonical binary batches). */
    @Test
    void cifarWithoutLookahead(@TempDir Path tmp) throws Exception {
        SyntheticData.writeCifarBinary(tmp.resolve("data"), 64);
        Object[] r = SweepCommandTest.cli("train", "cifar10", "--preset", "quick", "--data",
                tmp.resolve("data").toString(), "--out", tmp.resolve("run").toString(), "--threads", "2",
                "--epochs", "1", "--widths", "8,8,8", "--no-lookahead");
        assertEquals(0, r[0], r[2].toString());
        String stdout = r[1].toString();
        assertTrue(stdout.contains("lookaheadEvery=0"), stdout);
        assertTrue(stdout.contains("test accuracy"), stdout);
    }

    /**
     * Wiring only: --device-lookahead keeps the recipe's Lookahead with device synapses (two steps here, fewer
     * than between resets; the resets themselves are tested in TrainerTest, DeviceLookaheadTest, AllSpinTest).
     */
    @Test
    void cifarDeviceSynapsesWithLookahead(@TempDir Path tmp) throws Exception {
        SyntheticData.writeCifarBinary(tmp.resolve("data"), 64);
        Object[] r = SweepCommandTest.cli("train", "cifar10", "--preset", "quick", "--data",
                tmp.resolve("data").toString(), "--out", tmp.resolve("run").toString(), "--threads", "2",
                "--epochs", "1", "--widths", "8,8,8", "--synapse", "../data/devices/ferri-synapse.json",
                "--device-lookahead");
        assertEquals(0, r[0], r[2].toString());
        String stdout = r[1].toString();
        assertTrue(stdout.contains("Lookahead kept"), stdout);
        assertFalse(stdout.contains("lookaheadEvery=0"), stdout);
        assertTrue(stdout.contains("test accuracy"), stdout);
    }

    /**
     * --noisy-test evaluates the trained all-spin net again with noisy neurons and weight reads, after training and
     * on a finished run resumed; the noise-free figure stays the test accuracy (synthetic canonical batches).
     */
    @Test
    void noisyInferenceAfterTrainingAndOnAFinishedRun(@TempDir Path tmp) throws Exception {
        SyntheticData.writeCifarBinary(tmp.resolve("data"), 64);
        String[] args = {"train", "cifar10", "--preset", "quick", "--data", tmp.resolve("data").toString(), "--out",
            tmp.resolve("run").toString(), "--threads", "2", "--epochs", "1", "--widths", "8,8,8", "--synapse",
            "../data/devices/ferri-synapse.json", "--neuron", "../data/devices/ferri-neuron.json", "--neuron-spread", "1",
            "--noisy-test", "2", "--test-read-noise", "0.02"};
        Object[] r = SweepCommandTest.cli(args);
        assertEquals(0, r[0], r[2].toString());
        String stdout = r[1].toString();
        assertTrue(stdout.contains("device neurons: one device per channel, device-to-device spread x 1.0"), stdout);
        assertTrue(stdout.contains("test noisy inference (neuron noise x 1.0 of the fitted sigma, weight read noise 0.02"
                + " of the range, 2 draws)"), stdout);
        String json = Files.readString(tmp.resolve("run").resolve("result.json"));
        assertTrue(json.contains("\"noisy_test\""), json);
        assertTrue(json.contains("\"read_noise_fraction_of_range\" : 0.02"), json);
        String[] again = java.util.Arrays.copyOf(args, args.length + 1);
        again[args.length] = "--resume";
        again[args.length - 3] = "3";
        Object[] resumed = SweepCommandTest.cli(again);
        assertEquals(0, resumed[0], resumed[2].toString());
        assertTrue(resumed[1].toString().contains("resuming"), resumed[1].toString());
        assertTrue(resumed[1].toString().contains("3 draws)"), resumed[1].toString());
        assertEquals(json.replaceAll("(?s).*\"test_accuracy_percent\" : ([0-9.]+).*", "$1"),
                Files.readString(tmp.resolve("run").resolve("result.json"))
                        .replaceAll("(?s).*\"test_accuracy_percent\" : ([0-9.]+).*", "$1"),
                "the recorded accuracy is the noise-free one, unchanged");
    }

    /** The results.json key of a recorded run: only the headline configuration may write the headline key. */
    private static String recordKind(boolean devices, String... args) {
        return recordKind(null, devices, args);
    }

    private static String recordKind(DataLocator.Format format, boolean devices, String... args) {
        TrainCommand c = new TrainCommand();
        new picocli.CommandLine(c).parseArgs(args);
        c.dataFormat = format;
        return c.recordKind(dev.spinnet.network.train.Presets.of(c.dataset, c.preset), devices);
    }

    @Test
    void canonicalCifarPixelsAreTheirOwnRowNeverTheJpegHeadline() {
        assertEquals("float", recordKind(DataLocator.Format.IMAGE_FOLDER_ZIP, false, "cifar10"));
        assertEquals("float_canonical", recordKind(DataLocator.Format.CIFAR_BINARY, false, "cifar10"));
        assertEquals("allspin_ferri_seed2_canonical", recordKind(DataLocator.Format.CIFAR_BINARY, true, "cifar10",
                "--synapse", "data/devices/ferri-synapse.json", "--neuron", "data/devices/ferri-neuron.json",
                "--device-momentum", "0.85", "--seed", "2"));
        assertEquals("float", recordKind(DataLocator.Format.MNIST_IDX, false, "mnist"));
    }

    @Test
    void allSpinRunsOnTheJpegCopyNeverWriteThePlainCifarKeys() {
        String[] ferri = {"cifar10", "--synapse", "data/devices/ferri-synapse.json", "--neuron",
                "data/devices/ferri-neuron.json", "--device-momentum", "0.85"};
        assertEquals("allspin_ferri_jpeg", recordKind(DataLocator.Format.IMAGE_FOLDER_ZIP, true, ferri));
        assertEquals("allspin_ferri_jpeg", recordKind(DataLocator.Format.IMAGE_FOLDER_DIR, true, ferri));
        assertEquals("allspin_ferri_canonical", recordKind(DataLocator.Format.CIFAR_BINARY, true, ferri));
        // Issue 2's float and the device-only ablation keys stay on the JPEG copy without a suffix.
        assertEquals("device_neuron_only", recordKind(DataLocator.Format.IMAGE_FOLDER_ZIP, true, "cifar10",
                "--neuron", "data/devices/ferri-neuron.json"));
        assertEquals("allspin_ferri", recordKind(DataLocator.Format.MNIST_IDX, true, "mnist", "--synapse",
                "data/devices/ferri-synapse.json", "--neuron", "data/devices/ferri-neuron.json",
                "--device-lr-scale", "50", "--device-momentum", "0.9"));
    }

    @Test
    void theDeclaredHeadlineCommandsAloneWriteThePlainAllSpinCifarKeys() {
        // The commands BENCHMARKS.md gives for the two headline rows; if the key rules drift, these fail.
        String ferri = recordKind(DataLocator.Format.CIFAR_BINARY, true, "cifar10", "--synapse",
                "data/devices/ferri-synapse.json", "--neuron", "data/devices/ferri-neuron-long2.7ns.json",
                "--device-momentum", "0.85", "--device-lr-scale", "0.1", "--neuron-noise", "0", "--noisy-test", "3",
                "--epochs", "16");
        String ferro = recordKind(DataLocator.Format.CIFAR_BINARY, true, "cifar10", "--synapse",
                "data/devices/ferro-synapse.json", "--neuron", "data/devices/ferro-neuron.json",
                "--device-momentum", "0.85", "--device-lr-scale", "0.1", "--neuron-noise", "0", "--noisy-test", "1",
                "--epochs", "16");
        assertEquals(Optional.of("allspin_ferri"), HeadlineRuns.plainKind("cifar10", ferri));
        assertEquals(Optional.of("allspin_ferro"), HeadlineRuns.plainKind("cifar10", ferro));
        assertEquals(Optional.of(ferri), HeadlineRuns.declaredKind("allspin_ferri"));
        // Another seed, the nominal neuron, the JPEG copy or MNIST is a row of its own, not the headline.
        String seed2 = recordKind(DataLocator.Format.CIFAR_BINARY, true, "cifar10", "--synapse",
                "data/devices/ferri-synapse.json", "--neuron", "data/devices/ferri-neuron-long2.7ns.json",
                "--device-momentum", "0.85", "--device-lr-scale", "0.1", "--neuron-noise", "0", "--epochs", "16",
                "--seed", "2");
        String nominal = recordKind(DataLocator.Format.CIFAR_BINARY, true, "cifar10", "--synapse",
                "data/devices/ferri-synapse.json", "--neuron", "data/devices/ferri-neuron.json",
                "--device-momentum", "0.85", "--device-lr-scale", "0.1", "--neuron-noise", "0", "--epochs", "16");
        String jpeg = recordKind(DataLocator.Format.IMAGE_FOLDER_ZIP, true, "cifar10", "--synapse",
                "data/devices/ferri-synapse.json", "--neuron", "data/devices/ferri-neuron-long2.7ns.json",
                "--device-momentum", "0.85", "--device-lr-scale", "0.1", "--neuron-noise", "0", "--epochs", "16");
        for (String k : new String[] {seed2, nominal, jpeg}) {
            assertEquals(Optional.empty(), HeadlineRuns.plainKind("cifar10", k), k);
        }
        assertEquals(Optional.empty(), HeadlineRuns.plainKind("mnist", ferri));
    }

    @Test
    void recordedKeysKeepEveryVariantApartFromTheHeadline() {
        String syn = "data/devices/ferri-synapse.json";
        String neu = "data/devices/ferri-neuron.json";
        assertEquals("float", recordKind(false, "cifar10"));
        assertEquals("float", recordKind(false, "cifar10", "--activation", "celu", "--epochs", "10", "--seed", "1"));
        assertEquals("float_relu", recordKind(false, "cifar10", "--activation", "relu"));
        assertEquals("float_alpha0.5", recordKind(false, "cifar10", "--celu-alpha", "0.5"));
        assertEquals("float_w32_64_64", recordKind(false, "cifar10", "--widths", "32,64,64"));
        assertEquals("float_nolookahead", recordKind(false, "cifar10", "--no-lookahead"));
        assertEquals("float_quick", recordKind(false, "mnist", "--preset", "quick"));
        assertEquals("float_e3_seed2", recordKind(false, "mnist", "--epochs", "3", "--seed", "2"));
        assertEquals("float", recordKind(false, "cifar10", "--conv", "auto"));
        assertEquals("float_convgemm", recordKind(false, "cifar10", "--conv", "gemm"));
        assertEquals("allspin_ferri", recordKind(true, "cifar10", "--synapse", syn, "--neuron", neu,
                "--device-momentum", "0.85"));
        assertEquals("allspin_ferri", recordKind(true, "cifar10", "--synapse", syn, "--neuron", neu,
                "--algorithm", "mixed", "--device-momentum", "0.85"));
        assertEquals("allspin_ferri_insitu", recordKind(true, "cifar10", "--synapse", syn, "--neuron", neu,
                "--algorithm", "in-situ"));
        assertEquals("allspin_ferri_hwaware_seed3", recordKind(true, "cifar10", "--synapse", syn, "--neuron", neu,
                "--algorithm", "hardware-aware", "--seed", "3"));
        assertEquals("allspin_ferri_lr0.1", recordKind(true, "cifar10", "--synapse", syn, "--neuron", neu,
                "--device-lr-scale", "0.1", "--device-momentum", "0.85"));
        assertEquals("allspin_ferri_insitu_lr0.1", recordKind(true, "cifar10", "--synapse", syn, "--neuron", neu,
                "--algorithm", "in-situ", "--device-lr-scale", "0.1"));
        assertEquals("allspin_ferri", recordKind(true, "cifar10", "--synapse", syn, "--neuron", neu,
                "--device-lr-scale", "1", "--device-momentum", "0.85"));
        assertEquals("allspin_ferri", recordKind(true, "mnist", "--synapse", syn, "--neuron", neu,
                "--device-lr-scale", "50", "--device-momentum", "0.9"));
        assertEquals("allspin_ferri_lr1.0", recordKind(true, "mnist", "--synapse", syn, "--neuron", neu,
                "--device-momentum", "0.9"));
        assertEquals("allspin_ferri_mom0.0", recordKind(true, "cifar10", "--synapse", syn, "--neuron", neu));
        assertEquals("allspin_ferri_hwaware", recordKind(true, "cifar10", "--synapse", syn, "--neuron", neu,
                "--algorithm", "hardware-aware", "--device-lr-scale", "7", "--refresh-every", "3"));
        assertEquals("allspin_ferri_refresh10_rerange3.0_transfermeasured", recordKind(true, "cifar10",
                "--synapse", syn, "--neuron", neu, "--device-momentum", "0.85", "--refresh-every", "10",
                "--rerange", "3", "--transfer", "measured"));
        assertEquals("allspin_ferri_span3.0_nnoise0.0_range2.0", recordKind(true, "cifar10", "--synapse", syn,
                "--neuron", neu, "--device-momentum", "0.85", "--neuron-span", "3", "--neuron-noise", "0",
                "--range-factor", "2"));
        assertEquals("allspin_ferri_nnoise0.0_lr0.1_clsrange6.0_clslr1.0", recordKind(true, "cifar10", "--synapse",
                syn, "--neuron", neu, "--device-momentum", "0.85", "--neuron-noise", "0", "--device-lr-scale", "0.1",
                "--classifier-lr-scale", "1", "--classifier-range-factor", "6"));
        assertEquals("allspin_ferri_nnoise0.0_lr0.1_wdscale0.1", recordKind(true, "cifar10", "--synapse", syn,
                "--neuron", neu, "--device-momentum", "0.85", "--neuron-noise", "0", "--device-lr-scale", "0.1",
                "--device-wd-scale", "0.1"));
        assertEquals("allspin_ferri_lookahead", recordKind(true, "cifar10", "--synapse", syn, "--neuron", neu,
                "--device-momentum", "0.85", "--device-lookahead"));
        assertEquals("allspin_ferri_nnoise0.0_nspread1.0", recordKind(true, "cifar10", "--synapse", syn, "--neuron",
                neu, "--device-momentum", "0.85", "--neuron-noise", "0", "--neuron-spread", "1"));
        assertEquals("allspin_ferri", recordKind(true, "cifar10", "--synapse", syn, "--neuron", neu,
                "--device-momentum", "0.85", "--neuron-spread", "0"));
        assertEquals("allspin_ferri_nnoiseinput", recordKind(true, "cifar10", "--synapse", syn, "--neuron", neu,
                "--device-momentum", "0.85", "--neuron-noise-model", "input"));
        assertEquals("allspin_ferri", recordKind(true, "cifar10", "--synapse", syn, "--neuron", neu,
                "--device-momentum", "0.85", "--neuron-noise-model", "pooled"));
        assertEquals("device_synapse_only_insitu", recordKind(true, "mnist", "--synapse", syn,
                "--algorithm", "in-situ", "--device-lr-scale", "50"));
        assertEquals("device_neuron_only", recordKind(true, "mnist", "--neuron", neu, "--device-lr-scale", "3"));
        assertEquals("device_synapse_only_relu", recordKind(true, "mnist", "--synapse", syn, "--activation", "relu",
                "--device-lr-scale", "50", "--device-momentum", "0.9"));
    }

    @Test
    void otherNeuronFamiliesAndDesignVariantsGetTheirOwnKeys() {
        String syn = "data/devices/ferri-synapse.json";
        String neu = "data/devices/ferri-neuron.json";
        assertEquals("allspin_ferri_neuronferro", recordKind(true, "cifar10", "--synapse", syn, "--neuron",
                "data/devices/ferro-neuron.json", "--device-momentum", "0.85"));
        assertEquals("allspin_ferri_neuronb20nm_nnoise0.0", recordKind(true, "cifar10", "--synapse", syn, "--neuron",
                "runs/devices/ferri-neuron-b20nm.json", "--device-momentum", "0.85", "--neuron-noise", "0"));
        assertEquals("allspin_ferri_synapsen65", recordKind(true, "cifar10", "--synapse",
                "runs/ferri-synapse-n65.json", "--neuron", neu, "--device-momentum", "0.85"));
        assertEquals("device_neuron_only_neuronb20nm", recordKind(true, "cifar10", "--neuron",
                "x/ferri-neuron-b20nm.json"));
        assertEquals("device_neuron_only_neuronferro", recordKind(true, "cifar10", "--neuron",
                "data/devices/ferro-neuron.json"));
        assertEquals("device_neuron_only_neuronmy_b_20", recordKind(true, "cifar10", "--neuron",
                "ferri-neuron-My B+20.json"));
        assertEquals("device_neuron_only", recordKind(true, "cifar10", "--neuron", neu));
        assertEquals("device_synapse_only", recordKind(true, "cifar10", "--synapse", syn, "--device-momentum", "0.85"));
    }

    /** Every train figure in benchmarks/results.json: its recorded command, rerun, writes the same key. */
    @Test
    void everyRecordedTrainCommandRegeneratesItsOwnKey() throws Exception {
        Path results = Path.of("..", "benchmarks", "results.json");
        com.fasterxml.jackson.databind.JsonNode meta = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(results.toFile()).get("_meta");
        int checked = 0;
        for (var it = meta.fields(); it.hasNext(); ) {
            var e = it.next();
            String command = e.getValue().path("command").asText();
            if (!command.startsWith("./spinnet train ") || !e.getKey().endsWith("_test_accuracy")) {
                continue;
            }
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                    command.substring("./spinnet train ".length()).split(" ")));
            args.remove("--record");
            boolean devices = args.contains("--synapse") || args.contains("--neuron");
            // Records from before the data format was stored (2026-11-28 to 11-30) read the offline JPEG copy.
            String format = e.getValue().path("data_format").asText(null);
            String kind = recordKind(format != null ? DataLocator.Format.valueOf(format)
                    : args.get(0).equals("cifar10") ? DataLocator.Format.IMAGE_FOLDER_ZIP : null, devices,
                    args.toArray(String[]::new));
            String headlineOf = e.getValue().path("headline_of").asText(null);
            if (headlineOf != null) {
                // A declared headline run's figures, recorded under the plain key too.
                assertEquals(headlineOf, args.get(0) + "_" + kind, command);
                kind = HeadlineRuns.plainKind(args.get(0), kind).orElseThrow(() -> new AssertionError(
                        e.getKey() + ": " + headlineOf + " is not a declared headline run"));
            }
            String key = args.get(0) + "_" + kind + "_test_accuracy";
            if (e.getKey().contains("_noisy_")) {
                TrainCommand c = new TrainCommand();
                new picocli.CommandLine(c).parseArgs(args.toArray(String[]::new));
                key = args.get(0) + "_" + kind + "_" + c.noisyRecordKind() + "_test_accuracy";
            }
            assertEquals(e.getKey(), key, command);
            checked++;
        }
        assertTrue(checked >= 10, "only " + checked + " recorded train figures found");
    }
}
