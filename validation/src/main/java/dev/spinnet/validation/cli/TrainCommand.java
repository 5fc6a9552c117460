package dev.spinnet.validation.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.spinnet.network.allspin.AllSpin;
import dev.spinnet.network.allspin.DeviceFiles;
import dev.spinnet.network.allspin.NoisyInference;
import dev.spinnet.network.data.DataLocator;
import dev.spinnet.network.data.Datasets;
import dev.spinnet.network.data.TrainTest;
import dev.spinnet.network.kernel.Parallel;
import dev.spinnet.network.layer.ActivationFunction;
import dev.spinnet.network.layer.Conv2d;
import dev.spinnet.network.train.AtomicFiles;
import dev.spinnet.network.train.Model;
import dev.spinnet.network.train.Presets;
import dev.spinnet.network.train.TrainConfig;
import dev.spinnet.network.train.Trainer;
import dev.spinnet.network.train.TrainingData;
import dev.spinnet.validation.pipeline.DatasetPlan;
import dev.spinnet.validation.run.DeviceRecipe;
import dev.spinnet.validation.run.ModelFactory;
import dev.spinnet.validation.run.PreparedData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    @Option(names = "--widths", split = ",", paramLabel = "W1,W2,W3",
            description = "override the preset's three widths (MNIST: conv1, conv2, hidden; CIFAR-10: the three"
                    + " conv groups), e.g. 64,128,128")
    int[] widths;

    @Option(names = "--holdout", paramLabel = "N",
            description = "hold out N training images (drawn with the seed) and evaluate on them instead of the test"
                    + " set, to choose settings without looking at the test set; the progress line and metrics.csv's test"
                    + " columns then hold the held-out images (cannot be combined with --record)")
    Integer holdout;

    @Option(names = "--epochs", description = "override the preset's epoch count")
    Integer epochs;

    @Option(names = "--seed", defaultValue = "1", description = "seed of every random choice (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--conv", defaultValue = "auto", description = ConvOption.DESCRIPTION)
    String conv;

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

    /** Defaults of the device options, also the headline's values (see {@link #deviceVariant}). */
    private static final String SPAN = "4", NOISE = "1", REFRESH = "100", TRANSFER = "nominal", RANGE = "3";

    @Option(names = "--neuron-span", defaultValue = SPAN,
            description = "normalised pre-activations in [-Z, Z] are mapped onto the neuron's input grid (default: ${DEFAULT-VALUE})")
    double neuronSpan;

    @Option(names = "--neuron-noise", defaultValue = NOISE,
            description = "multiplier of the neuron's fitted cycle-to-cycle output noise in training; 0 = noise-free (default: ${DEFAULT-VALUE})")
    double neuronNoise;

    @Option(names = "--neuron-noise-model", paramLabel = "pooled|input", defaultValue = "pooled",
            description = "the neuron's cycle-to-cycle noise, in training and in --noisy-test: pooled (the file's"
                    + " pooled sigma at every input, as the recorded runs) or input (the file's sigma at each input,"
                    + " interpolated) (default: ${DEFAULT-VALUE})")
    String neuronNoiseModel;

    @Option(names = "--neuron-spread", paramLabel = "X", defaultValue = "0",
            description = "multiplier of the neuron's fitted device-to-device spread (CeLU scale, alpha and offset):"
                    + " every channel's neuron becomes its own device, drawn with the seed; 0 = every neuron the"
                    + " nominal device (default: ${DEFAULT-VALUE})")
    double neuronSpread;

    @Option(names = "--refresh-every", defaultValue = REFRESH,
            description = "optimiser steps between refresh (and re-ranging) checks of the device pairs (default: ${DEFAULT-VALUE})")
    int refreshEvery;

    @Option(names = "--rerange", defaultValue = "0",
            description = "0 = off; else a device tile whose weights shrank below half its range is reprogrammed to w_max = F x rms (default: ${DEFAULT-VALUE})")
    double rerange;

    @Option(names = "--transfer", defaultValue = TRANSFER,
            description = "mixed precision: the accumulator is reduced by the nominal (as Nandakumar et al.) or the measured device change (default: ${DEFAULT-VALUE})")
    String transfer;

    @Option(names = "--algorithm", defaultValue = "mixed",
            description = "device weight updates: in-situ, mixed (mixed precision) or hardware-aware (default: ${DEFAULT-VALUE})")
    String algorithm;

    @Option(names = "--range-factor", defaultValue = RANGE,
            description = "device weight range w_max as a multiple of the initial weights' rms (default: ${DEFAULT-VALUE})")
    double rangeFactor;

    @Option(names = "--device-lr-scale", defaultValue = "1",
            description = "learning-rate multiplier of the device weights (default: ${DEFAULT-VALUE})")
    double deviceLrScale;

    @Option(names = "--classifier-lr-scale", paramLabel = "X",
            description = "with --synapse (in-situ, mixed): learning-rate multiplier of the classifier tile alone, the"
                    + " last Linear layer, which has no BatchNorm after it (default: --device-lr-scale)")
    Double classifierLrScale;

    @Option(names = "--classifier-range-factor", paramLabel = "F",
            description = "with --synapse: range w_max of the classifier tile alone, as a multiple of its initial"
                    + " weights' rms (default: --range-factor)")
    Double classifierRangeFactor;

    @Option(names = "--device-wd-scale", paramLabel = "X",
            description = "with --synapse (in-situ, mixed): multiplier of the recipe's weight decay on the device"
                    + " weights; their decay is lr x wd whatever --device-lr-scale, so X = that scale keeps float"
                    + " training's balance of decay and gradient (default: 1)")
    Double deviceWdScale;

    @Option(names = "--device-momentum", defaultValue = "0",
            description = "momentum of the mixed-precision accumulator (default: ${DEFAULT-VALUE})")
    double deviceMomentum;

    @Option(names = "--no-lookahead",
            description = "train without the CIFAR-10 recipe's Lookahead weight averaging (an ablation: device synapses train without it unless --device-lookahead)")
    boolean noLookahead;

    @Option(names = "--device-lookahead",
            description = "with --synapse: keep the recipe's Lookahead, its slow weights held digitally and the devices pulsed towards them (in-situ and mixed only)")
    boolean deviceLookahead;

    @Option(names = "--noisy-test", paramLabel = "N", defaultValue = "0",
            description = "with --synapse or --neuron: after training (or on a finished run, with --resume), evaluate the"
                    + " test set N more times with inference on noisy devices and print their mean, spread and range"
                    + " (the recorded accuracy stays the noise-free one); 0 = off (default: ${DEFAULT-VALUE})")
    int noisyTest;

    @Option(names = "--test-neuron-noise", paramLabel = "X", defaultValue = "1",
            description = "with --noisy-test: the neurons' output noise at inference, as a multiple of their fitted"
                    + " cycle-to-cycle sigma (default: ${DEFAULT-VALUE})")
    double testNeuronNoise;

    @Option(names = "--test-read-noise", paramLabel = "S", defaultValue = "0",
            description = "with --noisy-test: the standard deviation of each weight read at inference, a fraction of"
                    + " the device range (default: ${DEFAULT-VALUE})")
    double testReadNoise;

    @Option(names = "--record", description = "merge the test accuracy and train time into benchmarks/results.json under keys that name the"
                    + " dataset and every variant (e.g. cifar10_allspin_ferri_insitu_seed2_test_accuracy); the plain"
                    + " keys come only from the default preset, seed 1 and mixed precision, and for CIFAR-10 all-spin"
                    + " from the declared headline command (BENCHMARKS.md)")
    boolean record;

    /** The format the dataset was read in, known once it is located; part of the record key (see pixelSource). */
    DataLocator.Format dataFormat;

    @Override
    public Integer call() throws Exception {
        Presets p = Presets.of(dataset, preset);
        checkNumbers();
        Conv2d.setAlgorithm(ConvOption.parse(conv));
        if (threads != null) {
            Parallel.setThreads(threads);
        }
        TrainConfig cfg = p.config().withSeed(seed);
        if (epochs != null) {
            cfg = cfg.withEpochs(epochs);
        }
        if (noLookahead && deviceLookahead) {
            throw new IllegalArgumentException("--no-lookahead and --device-lookahead contradict each other");
        }
        if (noLookahead) {
            if (cfg.lookaheadEvery() == 0) {
                throw new IllegalArgumentException("--no-lookahead: the " + dataset + " recipe has no Lookahead");
            }
            if (synapseFile != null) {
                throw new IllegalArgumentException("--no-lookahead: device synapses train without Lookahead unless "
                        + "--device-lookahead; the flag would change nothing");
            }
            cfg = cfg.withoutLookahead();
        }
        if (deviceLookahead && cfg.lookaheadEvery() == 0) {
            throw new IllegalArgumentException("--device-lookahead: the " + dataset + " recipe has no Lookahead");
        }
        String act = activation != null ? activation : p.activation();
        float alpha = celuAlpha != null ? celuAlpha : p.celuAlpha();
        ActivationFunction fn = ModelFactory.activation(act, alpha);
        // Flags and device files are checked before anything is written.
        AllSpin.Algorithm alg = DeviceRecipe.parseAlgorithm(algorithm);
        var synapseDevice = synapseFile != null ? DeviceFiles.readSynapse(synapseFile) : null;
        var neuronTable = neuronFile == null ? null : noiseByInput() ? DeviceFiles.readNeuron(neuronFile)
                : DeviceFiles.readNeuron(neuronFile).pooledNoise();
        DeviceRecipe recipe = DeviceRecipe.of(synapseDevice, neuronTable, alg, rangeFactor, deviceLrScale,
                deviceMomentum, seed).withNeuronMapping(neuronSpan, neuronNoise).withNeuronSpread(neuronSpread)
                .withRefresh(refreshEvery, rerange).withTransfer(transfer).withDeviceLookahead(deviceLookahead)
                .withClassifier(classifierLrScale != null ? classifierLrScale : Double.NaN,
                        classifierRangeFactor != null ? classifierRangeFactor : Double.NaN)
                .withDeviceWeightDecay(deviceWdScale != null ? deviceWdScale : 1.0);
        Path outDir = out != null ? out : CliSupport.projectRoot().resolve("runs").resolve(dataset + "-" + preset);
        CliSupport.requireWritableDir(outDir);

        long w0 = System.nanoTime();
        DataLocator locator = new DataLocator(data);
        DataLocator.Found found = locator.locate(dataset);
        dataFormat = found.format();
        TrainTest tt = Datasets.load(found, locator.cacheDir(), System.err::println);
        System.out.println("data: " + tt.sourceDescription());
        PreparedData prepared = PreparedData.of(tt, p.trainSubset(), 0, holdout != null ? holdout : 0, seed);
        TrainingData train = prepared.train();
        TrainingData test = prepared.test();
        double loadSeconds = (System.nanoTime() - w0) / 1e9;
        String evalName = holdout != null ? "validation" : "test";
        System.out.printf(Locale.ROOT, "loaded %d train / %d %s images in %.1f s%n", train.n, test.n, evalName,
                loadSeconds);

        Model model = ModelFactory.build(dataset, widths != null ? widths : p.widths(), fn, train, seed);
        System.out.printf(Locale.ROOT, "model %s, activation %s, %d threads, config %s%n%s", model.name(),
                fn.describe(), Parallel.threads(), cfg, model.summary());

        DeviceRecipe.Setup setup = recipe.setup(model, cfg, System.out);
        AllSpin allSpin = setup.allSpin();
        Trainer trainer = setup.trainer();
        model = setup.model();
        cfg = setup.config();
        if (allSpin != null) {
            System.out.println("all-spin: " + model.name() + ", algorithm " + algorithm);
        }
        CliSupport.createOutputDir(outDir);
        Trainer.Result r = trainer.train(train, test, outDir, resume);
        if (allSpin != null) {
            System.out.print(allSpin.report());
        }
        double acc = r.test().percentCorrect();
        System.out.printf(Locale.ROOT, "%s accuracy %.2f%% (%d images, TTA level %d); training %.1f s wall"
                        + " (+ %.1f s data loading); %.1f GFLOP/s over training (6 x forward MACs)%n",
                evalName, acc, test.n, cfg.ttaLevel(), r.trainSeconds(), loadSeconds, r.trainGflops());

        // Before the draws, which leave the weights and energy counters as they were, run: the figures below stay
        // those of training and the noise-free test.
        NoisyInference.Result noisy = null;
        if (noisyTest > 0) {
            long n0 = System.nanoTime();
            noisy = NoisyInference.run(allSpin, model.net(), test, 500, cfg.ttaLevel(),
                    new NoisyInference.Settings(testNeuronNoise, testReadNoise, noisyTest));
            System.out.printf(Locale.ROOT, "%s %s, %s neuron noise model; %.1f s%n", evalName, noisy.describe(),
                    neuronNoiseModel, (System.nanoTime() - n0) / 1e9);
        }

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dataset", dataset);
        json.put("preset", preset);
        json.put("model", model.name());
        json.put("activation", fn.describe());
        json.put("config", cfg);
        json.put("threads", Parallel.threads());
        if (holdout != null) {
            // Held-out training images, not the test set: a different key so that no one mistakes it.
            json.put("holdout_images", holdout);
            json.put("validation_accuracy_percent", acc);
        } else {
            json.put("test_accuracy_percent", acc);
        }
        json.put("train_seconds", r.trainSeconds());
        json.put("data_load_seconds", loadSeconds);
        json.put("train_gflops", r.trainGflops());
        json.put("resumed", r.resumed());
        json.put("confusion_matrix", r.test().confusion());
        json.put("history", r.history());
        json.put("machine", CliSupport.machine());
        if (allSpin != null) {
            // Pulse and energy accounting travels with the accuracy it belongs to.
            json.put("device_counts", allSpin.counts());
            json.put("neuron_energy_J", allSpin.neuronEnergyJ());
            json.put("device_report", allSpin.report());
        }
        if (noisy != null) {
            Map<String, Object> n = noisy.figures();
            n.put("tta_level", cfg.ttaLevel());
            n.put("neuron_noise_model", neuronNoiseModel);
            json.put(holdout != null ? "noisy_validation" : "noisy_test", n);
        }
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.writeString(outDir.resolve("result.json"), om.writeValueAsString(json) + "\n");
        System.out.println("wrote " + outDir.resolve("result.json"));
        if (record) {
            Map<String, Double> figs = new LinkedHashMap<>();
            String kind = recordKind(p, allSpin != null);
            figs.put(dataset + "_" + kind + "_test_accuracy", acc);
            figs.put(dataset + "_" + kind + "_train_seconds", r.trainSeconds());
            if (noisy != null) {
                String nk = dataset + "_" + kind + "_" + noisyRecordKind() + "_test_accuracy";
                figs.put(nk, noisy.mean());
                figs.put(nk + "_std", noisy.std());
            }
            String devices = (synapseFile != null ? " --synapse " + synapseFile : "")
                    + (neuronFile != null ? " --neuron " + neuronFile : "")
                    + (neuronFile != null ? " --neuron-span " + neuronSpan + " --neuron-noise " + neuronNoise : "")
                    + (neuronFile != null && noiseByInput() ? " --neuron-noise-model input" : "")
                    + (neuronFile != null && neuronSpread != 0 ? " --neuron-spread " + neuronSpread : "")
                    + (allSpin != null ? " --algorithm " + algorithm + " --range-factor " + rangeFactor
                    + " --device-lr-scale " + deviceLrScale + " --device-momentum " + deviceMomentum
                    + (classifierLrScale != null ? " --classifier-lr-scale " + classifierLrScale : "")
                    + (classifierRangeFactor != null ? " --classifier-range-factor " + classifierRangeFactor : "")
                    + (deviceWdScale != null ? " --device-wd-scale " + deviceWdScale : "")
                    + " --refresh-every " + refreshEvery + (rerange > 0 ? " --rerange " + rerange : "")
                    + " --transfer " + transfer : "") + (deviceLookahead ? " --device-lookahead" : "");
            String command = "./spinnet train " + dataset + " --preset " + preset
                    + " --seed " + seed + (epochs != null ? " --epochs " + epochs : "")
                    + (widths != null ? " --widths " + joined(widths, ",") : "")
                    + (activation != null ? " --activation " + activation : "")
                    + (celuAlpha != null ? " --celu-alpha " + celuAlpha : "")
                    + (!conv.equals("auto") ? " --conv " + conv : "")
                    + (noLookahead ? " --no-lookahead" : "") + devices
                    + (noisy != null ? " --noisy-test " + noisyTest + " --test-neuron-noise " + testNeuronNoise
                    + " --test-read-noise " + testReadNoise : "")
                    + " --record";
            ResultsFile.merge(ResultsFile.defaultPath(), figs, Map.of("data_format", dataFormat.name()), command);
            Optional<String> plain = HeadlineRuns.plainKind(dataset, kind);
            if (plain.isPresent()) {
                Map<String, Double> headline = new LinkedHashMap<>();
                String from = dataset + "_" + kind + "_";
                figs.forEach((k, v) -> headline.put(dataset + "_" + plain.get() + "_" + k.substring(from.length()), v));
                ResultsFile.merge(ResultsFile.defaultPath(), headline,
                        Map.of("data_format", dataFormat.name(), "headline_of", dataset + "_" + kind), command);
                System.out.println("the declared headline run of " + dataset + "_" + plain.get()
                        + ": its figures are recorded under that key too");
            }
            System.out.println("recorded in " + ResultsFile.defaultPath());
        }
        return 0;
    }

    /**
     * The part of the results.json keys between the dataset and the figure's name. Every choice that makes a
     * run a different row gets its own suffix, so that no ablation, seed or algorithm overwrites the headline
     * (mixed precision, seed 1, the preset's epochs).
     */
    String recordKind(Presets p, boolean devices) {
        String kind;
        if (synapseFile != null && neuronFile != null) {
            kind = "allspin_" + family(synapseFile);
        } else if (devices) {
            kind = synapseFile != null ? "device_synapse_only" : "device_neuron_only";
        } else {
            kind = "float";
        }
        if (neuronFile == null) {
            // A non-default activation is an ablation row, not the baseline: keep its own key.
            if (activation != null && !activation.equals(p.activation())) {
                kind += "_" + activation;
            }
            if (celuAlpha != null && celuAlpha != p.celuAlpha()) {
                kind += "_alpha" + celuAlpha;
            }
        }
        if (widths != null && !java.util.Arrays.equals(widths, p.widths())) {
            kind += "_w" + joined(widths, "_");
        }
        if (synapseFile != null && !algorithm.equals("mixed")) {
            kind += algorithm.equals("in-situ") ? "_insitu" : "_hwaware";
        }
        kind += deviceFiles() + deviceVariant();
        if (noLookahead) {
            kind += "_nolookahead";
        }
        if (deviceLookahead) {
            kind += "_lookahead";
        }
        if (!preset.equals("default")) {
            kind += "_" + preset;
        }
        if (epochs != null && epochs != p.config().epochs()) {
            kind += "_e" + epochs;
        }
        if (!conv.equals("auto")) {
            kind += "_conv" + conv;
        }
        if (seed != 1) {
            kind += "_seed" + seed;
        }
        return kind + pixelSource(kind);
    }

    /**
     * "_canonical" for CIFAR-10 read from the canonical binary batches, and "_jpeg" for all-spin runs on the JPEG
     * image-folder copy, whose quality-75 re-encoding moves each colour sample by 5.8 grey levels on average and
     * costs the float recipe 3.7 points (BENCHMARKS.md): accuracies on the two are different rows, never one key.
     * The float and device-only keys without a suffix are on the JPEG copy, as issue 2 defines them; the plain
     * all-spin keys are the declared headline runs' ({@link HeadlineRuns}), which no JPEG run may overwrite.
     */
    String pixelSource(String kind) {
        if (dataFormat == DataLocator.Format.CIFAR_BINARY) {
            return "_canonical";
        }
        boolean jpeg = dataFormat == DataLocator.Format.IMAGE_FOLDER_ZIP || dataFormat == DataLocator.Format.IMAGE_FOLDER_DIR;
        return jpeg && dataset.equals("cifar10") && kind.startsWith("allspin_") ? "_jpeg" : "";
    }

    /**
     * Learning-rate scale and accumulator momentum of each dataset's headline all-spin run, the settings
     * {@code validate} also uses (DatasetPlan.preset): a run with other values is a variant.
     */
    static double headlineLrScale(String dataset) {
        return DatasetPlan.preset(dataset, "default").deviceLrScale();
    }

    static double headlineMomentum(String dataset) {
        return DatasetPlan.preset(dataset, "default").deviceMomentum();
    }

    private boolean noiseByInput() {
        return neuronNoiseModel.equals("input");
    }

    /**
     * Key suffixes for device files other than the standard pair: a neuron of another family than the synapse
     * (or, alone, than the ferrimagnetic one) and design variants ({@code <device>-<TAG>.json}, written by
     * {@code fit --variant TAG}), so that a variant device never writes the nominal device's keys.
     */
    String deviceFiles() {
        StringBuilder k = new StringBuilder();
        String synapseFamily = synapseFile != null ? family(synapseFile) : null;
        if (neuronFile != null) {
            String f = family(neuronFile);
            if (!f.equals(synapseFamily != null ? synapseFamily : "ferri")) {
                k.append("_neuron").append(f);
            }
            k.append(variantTag(neuronFile, "neuron"));
        }
        if (synapseFile != null) {
            k.append(variantTag(synapseFile, "synapse"));
        }
        return k.toString();
    }

    private static String stem(Path file) {
        return file.getFileName().toString().replaceFirst("\\.json$", "");
    }

    private static String family(Path file) {
        return stem(file).replaceFirst("-.*", "");
    }

    /** "_neuronTAG" for {@code <family>-neuron-TAG.json}; characters outside [a-z0-9.] become '_'. */
    private static String variantTag(Path file, String role) {
        String s = stem(file);
        int at = s.indexOf("-" + role + "-");
        if (at < 0) {
            return "";
        }
        return "_" + role + s.substring(at + role.length() + 2).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "_");
    }

    /** Key suffixes for the device settings that differ from the headline's; each only where it acts. */
    private String deviceVariant() {
        StringBuilder k = new StringBuilder();
        if (neuronFile != null && neuronSpan != Double.parseDouble(SPAN)) {
            k.append("_span").append(neuronSpan);
        }
        if (neuronFile != null && neuronNoise != Double.parseDouble(NOISE)) {
            k.append("_nnoise").append(neuronNoise);
        }
        if (neuronFile != null && noiseByInput()) {
            k.append("_nnoiseinput");
        }
        if (neuronFile != null && neuronSpread != 0) {
            k.append("_nspread").append(neuronSpread);
        }
        if (synapseFile == null) {
            return k.toString();
        }
        if (rangeFactor != Double.parseDouble(RANGE)) {
            k.append("_range").append(rangeFactor);
        }
        boolean pulsed = !algorithm.equals("hardware-aware");
        if (pulsed && deviceLrScale != headlineLrScale(dataset)) {
            k.append("_lr").append(deviceLrScale);
        }
        if (classifierRangeFactor != null) {
            k.append("_clsrange").append(classifierRangeFactor);
        }
        if (classifierLrScale != null) {
            k.append("_clslr").append(classifierLrScale);
        }
        if (deviceWdScale != null) {
            k.append("_wdscale").append(deviceWdScale);
        }
        if (algorithm.equals("mixed") && deviceMomentum != headlineMomentum(dataset)) {
            k.append("_mom").append(deviceMomentum);
        }
        if (pulsed && refreshEvery != Integer.parseInt(REFRESH)) {
            k.append("_refresh").append(refreshEvery);
        }
        if (pulsed && rerange > 0) {
            k.append("_rerange").append(rerange);
        }
        if (algorithm.equals("mixed") && !transfer.equals(TRANSFER)) {
            k.append("_transfer").append(transfer);
        }
        return k.toString();
    }

    /**
     * The part of a noisy-inference key after the run's own kind: the neuron multiplier where neurons are devices,
     * the read noise where synapses are.
     */
    String noisyRecordKind() {
        return "noisy" + (neuronFile != null ? "_nn" + testNeuronNoise : "")
                + (synapseFile != null ? "_read" + testReadNoise : "");
    }

    private static String joined(int[] values, String separator) {
        return java.util.Arrays.stream(values).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(separator));
    }

    /** Numeric flags picocli accepts as numbers but training cannot use (NaN, zero, negative...). */
    private void checkNumbers() {
        if (epochs != null) {
            Flags.atLeast("--epochs", epochs, 1);
        }
        if (threads != null) {
            Flags.atLeast("--threads", threads, 1);
        }
        if (holdout != null) {
            Flags.atLeast("--holdout", holdout, 1);
            if (record) {
                throw new IllegalArgumentException("--holdout evaluates on held-out training images, which are not"
                        + " test figures: it cannot be combined with --record");
            }
        }
        if (widths != null) {
            if (widths.length != 3) {
                throw new IllegalArgumentException("--widths needs three comma-separated numbers, got "
                        + widths.length);
            }
            for (int w : widths) {
                Flags.atLeast("--widths", w, 1);
            }
        }
        if (celuAlpha != null) {
            Flags.positive("--celu-alpha", celuAlpha);
        }
        if (!neuronNoiseModel.equals("pooled") && !neuronNoiseModel.equals("input")) {
            throw new IllegalArgumentException("--neuron-noise-model must be pooled or input, got '" + neuronNoiseModel
                    + "'");
        }
        if (noiseByInput() && neuronFile == null) {
            throw new IllegalArgumentException("--neuron-noise-model input needs --neuron (it shapes the device neurons'"
                    + " noise)");
        }
        Flags.inRange("--neuron-spread", neuronSpread, 0, Double.POSITIVE_INFINITY);
        if (neuronSpread != 0 && neuronFile == null) {
            throw new IllegalArgumentException("--neuron-spread needs --neuron (it spreads the device neurons)");
        }
        Flags.atLeast("--noisy-test", noisyTest, 0);
        Flags.inRange("--test-neuron-noise", testNeuronNoise, 0, Double.POSITIVE_INFINITY);
        Flags.inRange("--test-read-noise", testReadNoise, 0, Double.POSITIVE_INFINITY);
        if (noisyTest > 0) {
            if (synapseFile == null && neuronFile == null) {
                throw new IllegalArgumentException("--noisy-test needs device synapses or neurons (--synapse,"
                        + " --neuron): float networks have no device noise");
            }
            if ((neuronFile == null || testNeuronNoise == 0) && (synapseFile == null || testReadNoise == 0)) {
                throw new IllegalArgumentException("--noisy-test: these settings add no noise (the neuron noise acts"
                        + " with --neuron and --test-neuron-noise > 0, the read noise with --synapse and"
                        + " --test-read-noise > 0)");
            }
        }
        Flags.positive("--range-factor", rangeFactor);
        Flags.positive("--device-lr-scale", deviceLrScale);
        Flags.inRange("--device-momentum", deviceMomentum, 0, 1);
        if (classifierLrScale != null || classifierRangeFactor != null) {
            String flag = classifierLrScale != null ? "--classifier-lr-scale" : "--classifier-range-factor";
            if (synapseFile == null) {
                throw new IllegalArgumentException(flag + " needs --synapse (it sets the classifier's device tile)");
            }
        }
        if (classifierLrScale != null) {
            Flags.positive("--classifier-lr-scale", classifierLrScale);
            if (algorithm.equals("hardware-aware")) {
                throw new IllegalArgumentException("--classifier-lr-scale acts on pulsed updates (in-situ, mixed),"
                        + " not on --algorithm hardware-aware");
            }
        }
        if (classifierRangeFactor != null) {
            Flags.positive("--classifier-range-factor", classifierRangeFactor);
        }
    }

}
