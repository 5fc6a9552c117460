package dev.spinnet.validation.pipeline;

import dev.spinnet.network.train.Presets;
import dev.spinnet.network.train.TrainConfig;

/**
 * How one dataset is trained in a validation run: the preset, the epochs of every ablation row, the data used and
 * the device-update settings of the device rows.
 *
 * @param trainSubset    training images (0: the preset's choice)
 * @param testSubset     first test images evaluated (0: all)
 * @param widths         network widths (null: the preset's)
 * @param deviceLrScale  learning-rate multiplier of device weights
 * @param deviceMomentum momentum of the mixed-precision accumulator
 */
public record DatasetPlan(String dataset, String preset, int epochs, int trainSubset, int testSubset, int[] widths,
                          double deviceLrScale, double deviceMomentum) {

    public DatasetPlan {
        Presets.of(dataset, preset); // validates both names
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
    }

    /** The preset's own length and data, with the device settings of the recorded all-spin runs (BENCHMARKS.md). */
    public static DatasetPlan preset(String dataset, String preset) {
        Presets p = Presets.of(dataset, preset);
        boolean mnist = dataset.equals("mnist");
        return new DatasetPlan(dataset, preset, p.config().epochs(), p.trainSubset(), 0, p.widths(), mnist ? 50 : 1,
                mnist ? 0.9 : 0.85);
    }

    public DatasetPlan withEpochs(int e) {
        return new DatasetPlan(dataset, preset, e, trainSubset, testSubset, widths, deviceLrScale, deviceMomentum);
    }

    /** A shrunken copy for tests: fewer images and narrower layers, same wiring. */
    public DatasetPlan shrunk(int trainImages, int testImages, int[] w) {
        return new DatasetPlan(dataset, preset, epochs, trainImages, testImages, w, deviceLrScale, deviceMomentum);
    }

    /** Every field in one line (a checkpoint binding: records print arrays by identity). */
    public String describe() {
        return dataset + "/" + preset + " epochs=" + epochs + " train=" + trainSubset + " test=" + testSubset
                + " widths=" + java.util.Arrays.toString(modelWidths()) + " deviceLrScale=" + deviceLrScale
                + " deviceMomentum=" + deviceMomentum;
    }

    public Presets presets() {
        return Presets.of(dataset, preset);
    }

    public TrainConfig config(long seed) {
        return presets().config().withSeed(seed).withEpochs(epochs);
    }

    public int[] modelWidths() {
        return widths != null ? widths : presets().widths();
    }
}
