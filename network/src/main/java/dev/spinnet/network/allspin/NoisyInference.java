package dev.spinnet.network.allspin;

import dev.spinnet.network.layer.Layer;
import dev.spinnet.network.train.Evaluation;
import dev.spinnet.network.train.TrainingData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test accuracy of a trained all-spin network when inference, too, runs on noisy devices: every neuron evaluation
 * adds the neuron's fitted cycle-to-cycle output noise (times a multiplier), and every weight is read with
 * additive read noise (a fraction of the device range). The recorded test accuracy is the noise-free one; this
 * is the robustness figure a hardware designer asks for next. Each draw is an independent evaluation of the
 * whole test set with fresh noise; draws are seeded, so the same draws repeat exactly, for any thread count.
 *
 * <p>The analysis leaves the network as it found it: the weights, and the neurons' energy counters (inference
 * draws are not part of the run's energy account).
 */
public final class NoisyInference {
    private NoisyInference() {
    }

    /**
     * @param neuronNoise multiplier of the neuron's fitted cycle-to-cycle output noise (its table's sigma, not the
     *                    training multiplier: a network trained noise-free is still read by noisy neurons)
     * @param readNoise   standard deviation of each weight read, fraction of the device range (g+ - g- in [-1, 1])
     * @param draws       independent noisy evaluations of the test set
     */
    public record Settings(double neuronNoise, double readNoise, int draws) {
        public Settings {
            if (!(neuronNoise >= 0 && Double.isFinite(neuronNoise))) {
                throw new IllegalArgumentException("neuron noise multiplier must be finite and >= 0, got "
                        + neuronNoise);
            }
            if (!(readNoise >= 0 && Double.isFinite(readNoise))) {
                throw new IllegalArgumentException("read noise must be finite and >= 0, got " + readNoise);
            }
            if (draws < 1) {
                throw new IllegalArgumentException("draws must be >= 1, got " + draws);
            }
        }
    }

    /** Accuracy of each draw in percent, with their mean, sample standard deviation and range. */
    public record Result(Settings settings, double[] accuracyPercent) {
        public double mean() {
            double s = 0;
            for (double a : accuracyPercent) {
                s += a;
            }
            return s / accuracyPercent.length;
        }

        /** Sample standard deviation (n - 1); 0 for one draw. */
        public double std() {
            int n = accuracyPercent.length;
            if (n < 2) {
                return 0;
            }
            double m = mean();
            double s = 0;
            for (double a : accuracyPercent) {
                s += (a - m) * (a - m);
            }
            return Math.sqrt(s / (n - 1));
        }

        public double min() {
            return Arrays.stream(accuracyPercent).min().orElse(Double.NaN);
        }

        public double max() {
            return Arrays.stream(accuracyPercent).max().orElse(Double.NaN);
        }

        /** Settings and figures under the names result.json and report.json use. */
        public Map<String, Object> figures() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("neuron_noise_multiplier", settings.neuronNoise());
            m.put("read_noise_fraction_of_range", settings.readNoise());
            m.put("accuracy_percent", accuracyPercent.clone());
            m.put("mean_percent", mean());
            m.put("std_percent", std());
            m.put("min_percent", min());
            m.put("max_percent", max());
            return m;
        }

        public String describe() {
            return String.format(Locale.ROOT, "noisy inference (neuron noise x %s of the fitted sigma, weight read"
                            + " noise %s of the range, %d draws): mean %.2f %%, std %.2f, min %.2f %%, max %.2f %%",
                    settings.neuronNoise(), settings.readNoise(), accuracyPercent.length, mean(), std(), min(), max());
        }
    }

    /**
     * Evaluates {@code net} (the all-spin model's network, already holding the weights a noise-free inference
     * uses) {@code s.draws()} times.
     *
     * @throws IllegalArgumentException when the settings add no noise to this network (no device neurons or no
     *                                  fitted neuron noise, and no device synapses or no read noise)
     */
    public static Result run(AllSpin allSpin, Layer net, TrainingData test, int batchSize, int ttaLevel, Settings s) {
        List<DeviceActivation> neurons = allSpin.neurons();
        List<DevicePairWeights> tiles = allSpin.training() == null ? List.of() : allSpin.training().tiles();
        boolean neuronNoise = s.neuronNoise() > 0 && neurons.stream()
                .anyMatch(a -> a.neuron().table().cycleSigma() > 0);
        boolean readNoise = s.readNoise() > 0 && !tiles.isEmpty();
        if (!neuronNoise && !readNoise) {
            throw new IllegalArgumentException("noisy inference adds no noise here: it needs device neurons with a"
                    + " fitted noise and a neuron noise multiplier > 0, or device synapses and a read noise > 0");
        }
        List<float[]> weights = new ArrayList<>();
        for (DevicePairWeights t : tiles) {
            weights.add(t.param().value.clone());
        }
        long[] evaluations = new long[neurons.size()];
        double[] energy = new double[neurons.size()];
        for (int k = 0; k < neurons.size(); k++) {
            evaluations[k] = neurons.get(k).evaluations();
            energy[k] = neurons.get(k).energyJ();
        }
        double[] acc = new double[s.draws()];
        try {
            for (int d = 0; d < s.draws(); d++) {
                for (DeviceActivation a : neurons) {
                    a.setInferenceNoise(s.neuronNoise() * a.neuron().table().cycleSigma(), d);
                }
                for (DevicePairWeights t : tiles) {
                    // Negative read numbers: training reads count up from 0, so no draw repeats one of theirs.
                    t.materialise(t.param().value, (float) s.readNoise(), -1L - d);
                }
                acc[d] = Evaluation.evaluate(net, test, batchSize, ttaLevel).percentCorrect();
            }
        } finally {
            for (int k = 0; k < neurons.size(); k++) {
                neurons.get(k).setInferenceNoise(0, 0);
                neurons.get(k).restoreCounters(evaluations[k], energy[k]);
            }
            for (int k = 0; k < tiles.size(); k++) {
                System.arraycopy(weights.get(k), 0, tiles.get(k).param().value, 0, weights.get(k).length);
            }
        }
        return new Result(s, acc);
    }
}
