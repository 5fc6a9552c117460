package dev.spinnet.validation.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.spinnet.network.allspin.AllSpin;
import dev.spinnet.network.allspin.DeviceFiles;
import dev.spinnet.network.allspin.DevicePairWeights;
import dev.spinnet.network.allspin.NeuronTable;
import dev.spinnet.network.allspin.NoisyInference;
import dev.spinnet.network.allspin.PulseDevice;
import dev.spinnet.network.data.TrainTest;
import dev.spinnet.network.layer.ActivationFunction;
import dev.spinnet.network.train.Model;
import dev.spinnet.network.train.TrainConfig;
import dev.spinnet.network.train.Trainer;
import dev.spinnet.validation.run.DeviceRecipe;
import dev.spinnet.validation.run.ModelFactory;
import dev.spinnet.validation.run.PreparedData;

/** Trains every ablation row of one dataset, the same way {@code spinnet train} does, and keeps what it measured. */
public final class TrainingStage {
    /** Device weight range, multiple of the initial weights' rms (the train command's default). */
    public static final double RANGE_FACTOR = 3;
    /** Update algorithm of the device synapses. */
    public static final AllSpin.Algorithm ALGORITHM = AllSpin.Algorithm.MIXED_PRECISION;
    /**
     * Inference on noisy devices, evaluated for the two all-spin rows: the neurons' fitted cycle-to-cycle noise
     * alone, a weight read noise of 2 % of the range alone (the cycle-to-cycle variation reported for fabricated
     * domain-wall synapses, physics-reference.md, taken as the read's spread), both, and both tripled.
     */
    public static final List<NoisyInference.Settings> NOISY_INFERENCE = List.of(
            new NoisyInference.Settings(1, 0, 2), new NoisyInference.Settings(0, 0.02, 2),
            new NoisyInference.Settings(1, 0.02, 2), new NoisyInference.Settings(3, 0.06, 2));

    /**
     * One trained row.
     *
     * @param counts             pulse counters of all tiles (zero without device synapses)
     * @param synapseEnergyPerPulse energy of one programming pulse of the synapse device, J (NaN without)
     * @param neuronEnergyJ      energy of all neuron evaluations counted during the run, J
     * @param resumed            continued from the checkpoint of an interrupted run ({@code validate --resume})
     * @param noisy              test accuracy with inference on noisy devices, one entry per {@link #NOISY_INFERENCE}
     *                           setting (all-spin rows; empty for the others)
     */
    public record Row(AblationRow row, String modelName, TrainConfig config, List<Trainer.EpochMetrics> history,
                      double testAccuracy, long[][] confusion, double trainSeconds,
                      DevicePairWeights.PulseCount counts, double synapseEnergyPerPulse, double neuronEnergyJ,
                      Model model, boolean resumed, List<NoisyInference.Result> noisy) {
        public double accuracyPercent() {
            return 100 * testAccuracy;
        }

        public boolean deviceSynapses() {
            return row.synapse() != null;
        }

        /** Update pulses per device weight per epoch. */
        public double pulsesPerWeightPerEpoch() {
            return counts.updatePulsesPerWeight() / config.epochs();
        }

        /** Energy of the update pulses alone, J. */
        public double updateEnergyJ() {
            return counts.updatePulses() * synapseEnergyPerPulse;
        }
    }

    /** Every row of one dataset, plus the prepared data (for figures). */
    public record Result(DatasetPlan plan, PreparedData data, String source, List<String> classNames, List<Row> rows) {
        public Row row(AblationRow r) {
            return rows.stream().filter(x -> x.row() == r).findFirst().orElseThrow();
        }
    }

    private TrainingStage() {
    }

    public static Result run(DatasetPlan plan, TrainTest tt, Path devices, long seed, RunCheckpoints checkpoints,
            PrintStream log) throws IOException {
        checkpoints.bind("data." + plan.dataset(), RunCheckpoints.digest(
                new byte[][] {tt.train().pixels(), tt.test().pixels()}, tt.train().labels(), tt.test().labels()),
                "the " + plan.dataset() + " images");
        PreparedData data = PreparedData.of(tt, plan.trainSubset(), plan.testSubset(), seed);
        log.printf(Locale.ROOT, "validate: %s, %d train / %d test images (%s)%n", plan.dataset(), data.train().n,
                data.test().n, tt.sourceDescription());
        List<Row> rows = new ArrayList<>();
        AblationRow[] all = AblationRow.values();
        for (int i = 0; i < all.length; i++) {
            AblationRow row = all[i];
            log.printf(Locale.ROOT, "validate: %s row %d/%d: %s, %d epoch(s)%n", plan.dataset(), i + 1, all.length,
                    row.label(), plan.epochs());
            rows.add(train(plan, data, row, devices, seed, checkpoints.row(plan.dataset(), row), log));
        }
        return new Result(plan, data, tt.sourceDescription(), tt.test().classNames(), rows);
    }

    static Row train(DatasetPlan plan, PreparedData data, AblationRow row, Path devices, long seed, Path rowDir,
            PrintStream log) throws IOException {
        PulseDevice synapse = row.synapse() == null ? null
                : DeviceFiles.readSynapse(devices.resolve(row.synapse() + ".json"));
        NeuronTable neuron = row.neuron() == null ? null : DeviceFiles.readNeuron(devices.resolve(row.neuron() + ".json"))
                .pooledNoise();
        ActivationFunction fn = ModelFactory.activation(row.activation(), plan.presets().celuAlpha());
        Model model = ModelFactory.build(plan.dataset(), plan.modelWidths(), fn, data.train(), seed);
        DeviceRecipe recipe = DeviceRecipe.of(synapse, neuron, ALGORITHM, RANGE_FACTOR, plan.deviceLrScale(),
                plan.deviceMomentum(), seed);
        DeviceRecipe.Setup setup = recipe.setup(model, plan.config(seed), log);
        Trainer.Result r = setup.trainer().train(data.train(), data.test(), rowDir,
                RunCheckpoints.hasCheckpoint(rowDir));
        AllSpin a = setup.allSpin();
        DevicePairWeights.PulseCount counts = a == null ? DevicePairWeights.PulseCount.zero() : a.counts();
        double neuronEnergy = a == null ? 0 : a.neuronEnergyJ();
        List<NoisyInference.Result> noisy = new ArrayList<>();
        if (row.synapse() != null && row.neuron() != null) {
            // Seeded draws on the trained weights: a resumed row gives the straight run's figures.
            for (NoisyInference.Settings n : NOISY_INFERENCE) {
                noisy.add(NoisyInference.run(a, setup.model().net(), data.test(), 500, setup.config().ttaLevel(), n));
            }
        }
        Row out = new Row(row, setup.model().name(), setup.config(), r.history(), r.test().accuracy(),
                r.test().confusion(), r.trainSeconds(), counts, synapse == null ? Double.NaN : synapse.energyPerPulse(),
                neuronEnergy, setup.model(), r.resumed(), List.copyOf(noisy));
        log.printf(Locale.ROOT, "validate: %s: test accuracy %.2f %% in %.1f s%n", row.label(), out.accuracyPercent(),
                out.trainSeconds());
        for (NoisyInference.Result n : noisy) {
            log.printf(Locale.ROOT, "validate: %s: %s%n", row.label(), n.describe());
        }
        return out;
    }
}
