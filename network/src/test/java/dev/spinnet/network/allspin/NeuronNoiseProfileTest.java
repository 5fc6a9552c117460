package dev.spinnet.network.allspin;

import dev.spinnet.network.layer.Celu;
import dev.spinnet.network.tensor.Rng;
import dev.spinnet.network.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The neuron noise's dependence on the input: interpolation, validation, and its effect on the noise drawn. */
class NeuronNoiseProfileTest {

    @Test
    void interpolatesTheRelativeSigmaAndHoldsItBeyondTheEnds() {
        double[] xs = {-2, -1, 0.5, 3};          // not uniform: binary search
        double[] sig = {0.02, 0.04, 0.2, 0.1};
        NeuronNoiseProfile p = NeuronNoiseProfile.of(xs, sig, 0.1);
        for (int i = 0; i < xs.length; i++) {
            assertEquals(sig[i] / 0.1, p.factorAt((float) xs[i]), 1e-5, "at grid point " + xs[i]);
        }
        assertEquals(0.2, p.factorAt(-7f), 1e-6, "constant below the grid");
        assertEquals(1.0, p.factorAt(9f), 1e-6, "constant above the grid");
        assertEquals(0.2, p.factorAt(Float.NaN), 1e-6, "NaN input: the first entry, not an exception");
        assertEquals(0.3, p.factorAt(-1.5f), 1e-5, "halfway between -2 and -1");
        for (float x = -2; x <= 3; x += 0.0371f) {
            assertEquals(interpolate(xs, sig, x) / 0.1, p.factorAt(x), 1e-5, "x=" + x);
        }
        assertTrue(p.describe().contains("0.20-2.00 x pooled"), p.describe());
    }

    @Test
    void uniformGridsAreInterpolatedExactly() {
        double[] xs = {-4, -3, -2, -1, 0, 1, 2, 3, 4};
        double[] sig = {0.01, 0.03, 0.02, 0.05, 0.13, 0.17, 0.16, 0.15, 0.2};
        NeuronNoiseProfile p = NeuronNoiseProfile.of(xs, sig, 0.12);
        for (float x = -4; x <= 4; x += 0.0137f) {
            assertEquals(interpolate(xs, sig, x) / 0.12, p.factorAt(x), 1e-5, "x=" + x);
        }
    }

    private static double interpolate(double[] xs, double[] ys, double x) {
        for (int i = 1; i < xs.length; i++) {
            if (x <= xs[i]) {
                return ys[i - 1] + (x - xs[i - 1]) / (xs[i] - xs[i - 1]) * (ys[i] - ys[i - 1]);
            }
        }
        return ys[ys.length - 1];
    }

    @Test
    void rejectsBadTablesAndMapsZeroPooledSigmaToPooled() {
        assertThrows(IllegalArgumentException.class, () -> NeuronNoiseProfile.of(new double[]{0}, new double[]{1}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> NeuronNoiseProfile.of(new double[]{0, 1}, new double[]{1}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> NeuronNoiseProfile.of(new double[]{0, 0}, new double[]{1, 1}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> NeuronNoiseProfile.of(new double[]{0, 1}, new double[]{1, Double.NaN}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> NeuronNoiseProfile.of(new double[]{0, 1}, new double[]{1, -1}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> NeuronNoiseProfile.of(new double[]{0, 1}, new double[]{1, 1}, Double.NaN));
        assertSame(NeuronNoiseProfile.POOLED, NeuronNoiseProfile.of(new double[]{0, 1}, new double[]{0, 0}, 0));
        assertEquals(1f, NeuronNoiseProfile.POOLED.factorAt(-3f));
        assertEquals(1f, NeuronNoiseProfile.POOLED.factorAt(30f));
    }

    /**
     * A profile rescales each element's noise by its factor at the element's device input, with the pooled run's
     * normal draws: quiet on the saturating branch, twice the pooled sigma on the linear one, in training and in
     * noisy inference; the noise-free output and the derivative do not change.
     */
    @Test
    void shapesTheTrainingAndInferenceNoiseAlongTheInput() {
        NeuronTable pooled = NeuronTable.of(new Celu(0.8f), -4, 4, 33, 0.1);
        NeuronTable shaped = pooled.withNoiseProfile(
                NeuronNoiseProfile.of(new double[]{-4, -0.5, 0.5, 4}, new double[]{0, 0, 0.2, 0.2}, 0.1));
        DeviceNeuron np = DeviceNeuron.mapped(pooled, -4, 4);
        DeviceNeuron ns = DeviceNeuron.mapped(shaped, -4, 4);
        Tensor x = Tensor.zeros(400, 50);
        Rng rng = new Rng(5);
        for (int i = 0; i < x.size(); i++) {
            x.data[i] = (float) (3 * rng.nextGaussian());
        }
        float[] clean = new float[x.size()];
        np.apply(x.data, clean, 0, x.size());
        for (boolean training : new boolean[]{true, false}) {
            DeviceActivation ap = new DeviceActivation(np, 9);
            DeviceActivation as = new DeviceActivation(ns, 9);
            if (!training) {
                ap.setInferenceNoise(0.1, 3);
                as.setInferenceNoise(0.1, 3);
            }
            float[] yp = ap.forward(x, training).data;
            float[] ys = as.forward(x, training).data;
            double varHigh = 0;
            int high = 0;
            for (int i = 0; i < clean.length; i++) {
                float u = ns.deviceInput(x.data[i]);
                double f = ns.table().noiseProfile().factorAt(u);
                assertEquals(f * (yp[i] - clean[i]), ys[i] - clean[i], 1e-5 + 1e-4 * Math.abs(clean[i]),
                        "element " + i + " at device input " + u);
                if (u <= -0.5) {
                    assertEquals(clean[i], ys[i], 1e-6, "no noise on the quiet branch");
                } else if (u >= 0.5) {
                    double e = ys[i] - clean[i];
                    varHigh += e * e;
                    high++;
                }
            }
            assertTrue(high > 5000, "enough elements on the noisy branch: " + high);
            double expected = 0.2 * ns.outputGain();
            assertEquals(expected, Math.sqrt(varHigh / high), 0.05 * expected, training ? "training" : "inference");
        }
        assertTrue(ns.describe().contains("by input"), ns.describe());
        assertTrue(!np.describe().contains("by input"), np.describe());
        // A noise-free neuron trains the same under either model, so its description (and a checkpoint's
        // fingerprint) does not name one.
        assertEquals(np.withNoise(0).describe(), ns.withNoise(0).describe());
    }

    /** The committed ferrimagnetic file's per-input sigma: small on the barrier side, large on the free side. */
    @Test
    void ferrimagneticNeuronFileGivesItsPerInputSigma() throws Exception {
        Path file = Path.of("..", "data", "devices", "ferri-neuron.json");
        dev.spinnet.network.device.NeuronModel m = dev.spinnet.network.device.DeviceModels.readNeuron(file);
        NeuronTable t = DeviceFiles.readNeuron(file);
        double[] xs = m.noise().inputs();
        double[] sig = m.noise().sigma();
        for (int i = 0; i < xs.length; i++) {
            assertEquals(sig[i], t.cycleSigma() * t.noiseProfile().factorAt((float) xs[i]), 1e-6, "x=" + xs[i]);
        }
        assertTrue(t.noiseProfile().factorAt(-3f) < 0.35 && t.noiseProfile().factorAt(3f) > 1.2,
                t.noiseProfile().describe());
        assertTrue(t.pooledNoise().noiseProfile().isPooled());
        assertEquals(t.spread(), t.pooledNoise().spread(), "the other properties stay");
    }
}
