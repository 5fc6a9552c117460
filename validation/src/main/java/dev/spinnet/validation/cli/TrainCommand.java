package dev.spinnet.validation.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.spinnet.network.allspin.AllSpin;
import dev.spinnet.network.allspin.DeviceFiles;
import dev.spinnet.network.allspin.DeviceNeuron;
import dev.spinnet.network.data.Datasets;
import dev.spinnet.network.data.ImageSet;
import dev.spinnet.network.data.TrainTest;
import dev.spinnet.network.kernel.Parallel;
import dev.spinnet.network.layer.ActivationFunction;
import dev.spinnet.network.layer.Celu;
import dev.spinnet.network.layer.Gelu;
import dev.spinnet.network.layer.Relu;
import dev.spinnet.network.train.AtomicFiles;
import dev.spinnet.network.train.Model;
import dev.spinnet.network.train.Models;
import dev.spinnet.network.train.Presets;
import dev.spinnet.network.train.TrainConfig;
import dev.spinnet.network.train.Trainer;
import dev.spinnet.network.train.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code spinnet train mnist|cifar10}: software (ideal float) baseline training. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the MNIST CNN or the airbench-class CIFAR-10 net with ideal float weights.",
                "Prints one progress line per epoch, writes metrics.csv, checkpoint.bin and result.json to --out."})
public final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATASET", description = "mnist or cifar10")
    String dataset;

    @Option(names = "--preset", defaultValue = "default", description = "default (the recorded baseline) or quick (smoke test)")
    String preset;

    @Option(names = "--activation", description = "celu, relu or gelu (default: the preset's, celu)")
    String activation;

    @Option(names = "--celu-alpha", description = "CELU alpha (default: the preset's)")
    Float celuAlpha;

    @Option(names = "--epochs", description = "override the preset's epoch count")
    Integer epochs;

    @Option(names = "--seed", defaultValue = "1", description = "seed of every random choice (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--data", paramLabel = "DIR", description = "dataset root (else $SPINNET_DATA, data/datasets, ../shared/datasets)")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "run directory (default: runs/<dataset>-<preset>)")
    Path out;

    @Option(names = "--resume", description = "continue from the checkpoint in --out")
    boolean resume;

    @Option(names = "--synapse", paramLabel = "FILE",
            description = "device synapse file (data/devices/*-synapse.json): every conv/linear weight becomes a device pair")
    Path synapseFile;

    @Option(names = "--neuron", paramLabel = "FILE",
            description = "device neuron file (data/devices/*-neuron.json): every hidden activation becomes the device curve")
    Path neuronFile;

    @Option(names = "--algorithm", defaultValue = "mixed",
            description = "device weight updates: in-situ, mixed (mixed precision) or hardware-aware (default: ${DEFAULT-VALUE})")
    String algorithm;

    @Option(names = "--range-factor", defaultValue = "3",
            description = "device weight range w_max as a multiple of the initial weights' rms (default: ${DEFAULT-VALUE})")
    double rangeFactor;

    @Option(names = "--device-lr-scale", defaultValue = "1",
            description = "learning-rate multiplier of the device weights (default: ${DEFAULT-VALUE})")
    double deviceLrScale;

    @Option(names = "--device-momentum", defaultValue = "0",
            description = "momentum of the mixed-precision accumulator (default: ${DEFAULT-VALUE})")
    double deviceMomentum;

    @Option(names = "--record", description = "merge <dataset>_float_test_accuracy and _train_seconds into benchmarks/results.json")
    boolean record;

    @Override
    public Integer call() throws Exception {
        Presets p = Presets.of(dataset, preset);
        checkNumbers();
        if (threads != null) {
            Parallel.setThreads(threads);
        }
        TrainConfig cfg = p.config().withSeed(seed);
        if (epochs != null) {
            cfg = cfg.withEpochs(epochs);
        }
        String act = activation != null ? activation : p.activation();
        float alpha = celuAlpha != null ? celuAlpha : p.celuAlpha();
        ActivationFunction fn = switch (act) {
            case "celu" -> new Celu(alpha);
            case "relu" -> new Relu();
            case "gelu" -> new Gelu();
            default -> throw new IllegalArgumentException("--activation must be celu, relu or gelu, got '" + act + "'");
        };
        // Flags and device files are checked before anything is written.
        AllSpin.Algorithm alg = switch (algorithm) {
            case "in-situ" -> AllSpin.Algorithm.IN_SITU;
            case "mixed" -> AllSpin.Algorithm.MIXED_PRECISION;
            case "hardware-aware" -> AllSpin.Algorithm.HARDWARE_AWARE;
            default -> throw new IllegalArgumentException("--algorithm must be in-situ, mixed or hardware-aware, got '"
                + algorithm + "'");
        };
        var synapseDevice = synapseFile != null ? DeviceFiles.readSynapse(synapseFile) : null;
        var neuronTable = neuronFile != null ? DeviceFiles.readNeuron(neuronFile) : null;
        Path outDir = out != null ? out : CliSupport.projectRoot().resolve("runs").resolve(dataset + "-" + preset);
        CliSupport.requireWritableDir(outDir);

        long w0 = System.nanoTime();
        TrainTest tt = Datasets.load(dataset, data);
        System.out.println("data: " + tt.sourceDescription());
        ImageSet trainSet = p.trainSubset() > 0 && p.trainSubset() < tt.train().n()
                ? tt.train().sample(p.trainSubset(), seed) : tt.train();
        ImageSet.ChannelStats st = trainSet.channelStats();
        float[] mean = toFloat(st.mean());
        float[] std = toFloat(st.std());
        TrainingData train = toTraining(trainSet, mean, std);
        TrainingData test = toTraining(tt.test(), mean, std);
        double loadSeconds = (System.nanoTime() - w0) / 1e9;
        System.out.printf(Locale.ROOT, "loaded %d train / %d test images in %.1f s%n", train.n, test.n, loadSeconds);

        Model model = dataset.equals("mnist")
                ? Models.mnist(p.widths()[0], p.widths()[1], p.widths()[2], fn, seed)
                : Models.airbench(p.widths(), fn, train, seed);
        System.out.printf(Locale.ROOT, "model %s, activation %s, %d threads, config %s%n%s", model.name(),
                fn.describe(), Parallel.threads(), cfg, model.summary());

        AllSpin allSpin = null;
        Trainer trainer;
        if (synapseFile != null || neuronFile != null) {
            AllSpin.Builder b = AllSpin.builder(model).algorithm(alg).rangeFactor(rangeFactor)
                    .deviceLrScale(deviceLrScale).momentum(deviceMomentum, true).seed(seed);
            if (synapseFile != null) {
                b.synapse(synapseDevice);
                if (cfg.lookaheadEvery() > 0) {
                    System.out.println("device synapses: Lookahead switched off (it would write float averages)");
                    cfg = cfg.withoutLookahead();
                }
            }
            if (neuronFile != null) {
                b.neuron(DeviceNeuron.mapped(neuronTable, -4, 4));
            }
            allSpin = b.build(cfg);
            model = allSpin.model();
            trainer = allSpin.trainer(cfg, System.out);
            System.out.println("all-spin: " + model.name() + ", algorithm " + algorithm);
        } else {
            trainer = new Trainer(model, cfg, System.out);
        }
        CliSupport.createOutputDir(outDir);
        Trainer.Result r = trainer.train(train, test, outDir, resume);
        if (allSpin != null) {
            System.out.print(allSpin.report());
        }
        double acc = 100 * r.test().accuracy();
        System.out.printf(Locale.ROOT, "test accuracy %.2f%% (%d images, TTA level %d); training %.1f s wall"
                        + " (+ %.1f s data loading); %.1f GFLOP/s over training (6 x forward MACs)%n",
                acc, test.n, cfg.ttaLevel(), r.trainSeconds(), loadSeconds, r.trainGflops());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dataset", dataset);
        json.put("preset", preset);
        json.put("model", model.name());
        json.put("activation", fn.describe());
        json.put("config", cfg);
        json.put("threads", Parallel.threads());
        json.put("test_accuracy_percent", acc);
        json.put("train_seconds", r.trainSeconds());
        json.put("data_load_seconds", loadSeconds);
        json.put("train_gflops", r.trainGflops());
        json.put("resumed", r.resumed());
        json.put("confusion_matrix", r.test().confusion());
        json.put("history", r.history());
        json.put("machine", CliSupport.machine());
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.writeString(outDir.resolve("result.json"), om.writeValueAsString(json) + "\n");
        System.out.println("wrote " + outDir.resolve("result.json"));
        if (record) {
            Map<String, Double> figs = new LinkedHashMap<>();
            String kind = "float";
            if (synapseFile != null && neuronFile != null) {
                kind = "allspin_" + synapseFile.getFileName().toString().replaceFirst("-.*", "");
            } else if (allSpin != null) {
                kind = synapseFile != null ? "device_synapse_only" : "device_neuron_only";
            }
            figs.put(dataset + "_" + kind + "_test_accuracy", acc);
            figs.put(dataset + "_" + kind + "_train_seconds", r.trainSeconds());
            String devices = (synapseFile != null ? " --synapse " + synapseFile : "")
                    + (neuronFile != null ? " --neuron " + neuronFile : "")
                    + (allSpin != null ? " --algorithm " + algorithm + " --range-factor " + rangeFactor
                    + " --device-lr-scale " + deviceLrScale + " --device-momentum " + deviceMomentum : "");
            ResultsFile.merge(ResultsFile.defaultPath(), figs, "./spinnet train " + dataset + " --preset " + preset
                    + " --seed " + seed + devices + " --record");
            System.out.println("recorded in " + ResultsFile.defaultPath());
        }
        return 0;
    }

    /** Numeric flags picocli accepts as numbers but training cannot use (NaN, zero, negative...). */
    private void checkNumbers() {
        if (epochs != null) {
            Flags.atLeast("--epochs", epochs, 1);
        }
        if (threads != null) {
            Flags.atLeast("--threads", threads, 1);
        }
        if (celuAlpha != null) {
            Flags.positive("--celu-alpha", celuAlpha);
        }
        Flags.positive("--range-factor", rangeFactor);
        Flags.positive("--device-lr-scale", deviceLrScale);
        Flags.inRange("--device-momentum", deviceMomentum, 0, 1);
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    static TrainingData toTraining(ImageSet s, float[] mean, float[] std) {
        return TrainingData.fromBytes(s.n(), s.channels(), s.height(), s.width(), s.pixels(), s.labels(),
                s.numClasses(), mean, std);
    }
}
