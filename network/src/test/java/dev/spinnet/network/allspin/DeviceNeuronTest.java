package dev.spinnet.network.allspin;

import dev.spinnet.network.layer.Activation;
import dev.spinnet.network.layer.Celu;
import dev.spinnet.network.layer.Layer;
import dev.spinnet.network.tensor.Rng;
import dev.spinnet.network.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Device neuron: gradient, mapping, noise determinism and statistics. */
class DeviceNeuronTest {
    /** A CeLU-like device curve on an input grid that is not centred on the knee. */
    private static NeuronTable celuTable(double sigma) {
        return NeuronTable.of(new Celu(0.8f), -3, 5, 41, sigma);
    }

    private static Tensor random(Rng rng, double scale, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data[i] = (float) (scale * rng.nextGaussian());
        }
        return t;
    }

    /**
     * Central differences of L = sum(r * layer(x)) against backward, at every input; before each
     * forward {@code reset} runs (so a noisy layer draws the same noise each time).
     */
    private static double gradientCheck(Layer layer, Tensor x, boolean training, Runnable reset, double h) {
        Rng rng = new Rng(5);
        reset.run();
        Tensor y0 = layer.forward(x, training);
        float[] r = new float[y0.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) rng.nextGaussian();
        }
        reset.run();
        layer.forward(x, training);
        float[] dx = layer.backward(new Tensor(r.clone(), y0.shape())).data.clone();
        double worst = 0;
        for (int i = 0; i < x.size(); i++) {
            float old = x.data[i];
            x.data[i] = (float) (old + h);
            reset.run();
            double lp = dot(layer.forward(x, training), r);
            x.data[i] = (float) (old - h);
            reset.run();
            double lm = dot(layer.forward(x, training), r);
            x.data[i] = old;
            double fd = (lp - lm) / (2 * h);
            double err = Math.abs(fd - dx[i]) / Math.max(1.0, Math.abs(fd));
            worst = Math.max(worst, err);
        }
        return worst;
    }

    private static double dot(Tensor y, float[] r) {
        double s = 0;
        for (int i = 0; i < y.size(); i++) {
            s += (double) r[i] * y.data[i];
        }
        return s;
    }

    @Test
    void backwardIsTheTableDerivativeWithAndWithoutNoise() {
        Rng rng = new Rng(1);
        DeviceNeuron plain = DeviceNeuron.mapped(celuTable(0), -4, 4);
        Tensor x = random(rng, 2.0, 3, 50);   // includes points beyond the grid (linear extension)
        assertTrue(gradientCheck(new Activation(plain), x, true, () -> { }, 1e-3) < 2e-2);
        DeviceActivation noisy = new DeviceActivation(plain.withNoise(0.05), 3);
        assertTrue(gradientCheck(noisy, x, true, () -> noisy.setCalls(17), 1e-3) < 2e-2,
                "noise is additive: the derivative is the noise-free one");
        DeviceNeuron raw = new DeviceNeuron(celuTable(0), 1.7, -0.4, 0.6, 0.1, 0);
        assertTrue(gradientCheck(new Activation(raw), x, false, () -> { }, 1e-3) < 2e-2);
    }

    @Test
    void mappedNeuronIsCentredAndHasUnitSlopeOnTheLinearBranch() {
        DeviceNeuron n = DeviceNeuron.mapped(celuTable(0), -4, 4);
        assertEquals(0.0, n.value(0), 1e-5, "y(0) = 0");
        double slope = (n.value(3.5) - n.value(3.4)) / 0.1;
        assertEquals(1.0, slope, 1e-3);
        assertEquals(-3f, n.deviceInput(-4f), 1e-5);
        assertEquals(5f, n.deviceInput(4f), 1e-5);
        // Identity mapping reproduces the tabulated function.
        DeviceNeuron id = DeviceNeuron.of(celuTable(0));
        Celu c = new Celu(0.8f);
        for (double z = -3; z <= 5; z += 0.37) {
            assertEquals(c.value(z), id.value(z), 2e-3, "z=" + z);
        }
        assertThrows(IllegalArgumentException.class, () -> DeviceNeuron.mapped(celuTable(0), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new DeviceNeuron(celuTable(0), 0, 0, 1, 0, 0));
    }

    @Test
    void trainingNoiseIsSeededUnbiasedAndOffInInference() throws Exception {
        DeviceNeuron n = DeviceNeuron.mapped(celuTable(0.1), -4, 4);
        Tensor x = random(new Rng(2), 1.0, 200, 100);
        DeviceActivation a = new DeviceActivation(n, 42);
        DeviceActivation b = new DeviceActivation(n, 42);
        DeviceActivation c = new DeviceActivation(n, 43);
        float[] ya = a.forward(x, true).data.clone();
        float[] yb = b.forward(x, true).data.clone();
        float[] yc = c.forward(x, true).data.clone();
        assertArrayEquals(ya, yb, "same seed, same noise");
        assertFalse(java.util.Arrays.equals(ya, yc), "other seed, other noise");
        float[] second = a.forward(x, true).data.clone();
        assertFalse(java.util.Arrays.equals(ya, second), "each training call draws anew");
        float[] clean = new float[x.size()];
        n.apply(x.data, clean, 0, x.size());
        assertArrayEquals(clean, a.forward(x, false).data, "inference is noise-free");
        double mean = 0;
        double var = 0;
        for (int i = 0; i < clean.length; i++) {
            double e = ya[i] - clean[i];
            mean += e;
            var += e * e;
        }
        mean /= clean.length;
        var /= clean.length;
        double sigma = 0.1 * n.outputGain();
        assertEquals(0, mean, 4 * sigma / Math.sqrt(clean.length));
        assertEquals(sigma, Math.sqrt(var), 0.03 * sigma);
        // The call counter is checkpoint state: a restored layer continues the same noise sequence.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.writeState(new DataOutputStream(bytes));
        DeviceActivation restored = new DeviceActivation(n, 42);
        restored.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertArrayEquals(a.forward(x, true).data.clone(), restored.forward(x, true).data);
    }

    @Test
    void inferenceNoiseIsOffByDefaultSeededPerDrawAndOfTheAskedSize() {
        DeviceNeuron n = DeviceNeuron.mapped(celuTable(0.1), -4, 4);
        Tensor x = random(new Rng(3), 1.0, 200, 100);
        float[] clean = new float[x.size()];
        n.apply(x.data, clean, 0, x.size());
        DeviceActivation a = new DeviceActivation(n, 42);
        assertArrayEquals(clean, a.forward(x, false).data, "noise-free unless asked");
        a.setInferenceNoise(0.2, 5);
        float[] first = a.forward(x, false).data.clone();
        float[] second = a.forward(x, false).data.clone();
        assertFalse(java.util.Arrays.equals(first, second), "each inference call draws anew");
        a.setInferenceNoise(0.2, 5);
        assertArrayEquals(first, a.forward(x, false).data, "the same draw repeats from its first call");
        a.setInferenceNoise(0.2, 6);
        assertFalse(java.util.Arrays.equals(first, a.forward(x, false).data), "another draw, other noise");
        double var = 0;
        for (int i = 0; i < clean.length; i++) {
            var += (first[i] - clean[i]) * (first[i] - clean[i]);
        }
        double sigma = 0.2 * n.outputGain();
        assertEquals(sigma, Math.sqrt(var / clean.length), 0.03 * sigma, "sigma in device output units");
        // Inference draws do not touch the training noise sequence.
        DeviceActivation b = new DeviceActivation(n, 42);
        assertArrayEquals(b.forward(x, true).data.clone(), a.forward(x, true).data);
        a.setInferenceNoise(0, 0);
        assertArrayEquals(clean, a.forward(x, false).data, "switched off again");
        assertThrows(IllegalArgumentException.class, () -> a.setInferenceNoise(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> a.setInferenceNoise(-1, 0));
    }

    /** A fitted CeLU y = s celu(x - xk, a) + yk as an activation function, for tables with a known kink. */
    private static dev.spinnet.network.layer.ActivationFunction celu(double s, double a, double xk, double yk) {
        dev.spinnet.network.device.CeluParams p = new dev.spinnet.network.device.CeluParams(s, a, xk, yk);
        return new dev.spinnet.network.layer.ActivationFunction() {
            @Override
            public void apply(float[] x, float[] y, int from, int to) {
                for (int i = from; i < to; i++) {
                    y[i] = (float) p.apply(x[i]);
                }
            }

            @Override
            public void backward(float[] x, float[] dy, float[] dx, int from, int to) {
                for (int i = from; i < to; i++) {
                    double u = x[i] - xk;
                    dx[i] = (float) (dy[i] * s * (u > 0 ? 1 : Math.exp(u / a)));
                }
            }

            @Override
            public String describe() {
                return "celu-fit";
            }
        };
    }

    private static NeuronTable spreadTable() {
        return NeuronTable.of(celu(2, 0.5, 0.3, 0.1), -3, 5, 321, 0.05)
                .withSpread(new NeuronSpread(0.03, 0.05, 0.04, 0.3, 0.1));
    }

    /** Varying scale and alpha about the kink gives exactly the CeLU with those parameters. */
    @Test
    void variedNeuronIsTheCeluWithScaledScaleAlphaAndShiftedOffset() {
        NeuronTable t = spreadTable();
        DeviceNeuron varied = DeviceNeuron.of(t).varied(0.1, 0.2, 0.05);
        dev.spinnet.network.device.CeluParams expected = new dev.spinnet.network.device.CeluParams(2.2, 0.6, 0.3, 0.15);
        for (double x = -2.5; x <= 4.5; x += 0.05) {
            assertEquals(expected.apply(x), varied.value(x), 1e-3, "x=" + x);
        }
        // Through the network mapping: the same device curve behind the same input and output gains.
        DeviceNeuron mapped = DeviceNeuron.mapped(t, -4, 4);
        DeviceNeuron mv = mapped.varied(-0.07, 0.15, -0.02);
        dev.spinnet.network.device.CeluParams dev = new dev.spinnet.network.device.CeluParams(2 * 0.93 * 1, 0.5 * 1.15,
                0.3, 0.08);
        for (double z = -3.9; z <= 3.9; z += 0.1) {
            double x = mapped.inputGain() * z + mapped.inputOffset();
            assertEquals(mapped.outputGain() * dev.apply(x) + mapped.outputOffset(), mv.value(z), 2e-3, "z=" + z);
        }
        assertEquals(mapped.noiseSigma(), mv.noiseSigma());
        assertThrows(IllegalArgumentException.class, () -> mapped.varied(0, -1, 0));
    }

    @Test
    void channelSpreadIsFixedPerChannelSeededAndOfTheFittedSize() throws Exception {
        NeuronTable t = spreadTable();
        DeviceNeuron n = DeviceNeuron.mapped(t, -4, 4);
        DeviceActivation a = new DeviceActivation(n, 9, 1.0);
        Tensor x = random(new Rng(4), 1.5, 2, 3, 4, 4);
        assertTrue(gradientCheck(a, x, false, () -> { }, 1e-3) < 2e-2, "per-channel devices: exact derivative");
        DeviceActivation flat = new DeviceActivation(n, 9, 1.0);
        assertTrue(gradientCheck(flat, random(new Rng(5), 1.5, 6, 5), true, () -> flat.setCalls(3), 1e-3) < 2e-2,
                "2-D input in training (noise redrawn alike): one device per feature");
        // Same seed, same devices; channel c is the same device whatever the channel count.
        Tensor y = a.forward(x, false);
        DeviceActivation b = new DeviceActivation(n, 9, 1.0);
        assertArrayEquals(y.data, b.forward(x, false).data);
        for (int c = 0; c < 3; c++) {
            int plane = 16;
            float[] expect = new float[x.size()];
            DeviceNeuron dc = a.channelNeuron(c);
            for (int img = 0; img < 2; img++) {
                int at = (img * 3 + c) * plane;
                dc.apply(x.data, expect, at, at + plane);
                float[] got = java.util.Arrays.copyOfRange(y.data, at, at + plane);
                assertArrayEquals(java.util.Arrays.copyOfRange(expect, at, at + plane), got, "image " + img + " channel " + c);
            }
        }
        assertFalse(a.channelNeuron(0).describe().equals(a.channelNeuron(1).describe()), "channels differ");
        DeviceActivation none = new DeviceActivation(n, 9, 0);
        DeviceActivation nominal = new DeviceActivation(n, 9);
        assertArrayEquals(nominal.forward(x, false).data.clone(), none.forward(x, false).data);
        // Over many channels the draws have the fitted spread: the linear-branch slope (in x out gain) varies as
        // the CeLU scale, the input gain as 1 / (1 + alpha deviation).
        int k = 4000;
        double ss = 0;
        double sa = 0;
        for (int c = 0; c < k; c++) {
            DeviceNeuron dc = a.channelNeuron(c);
            double ds = dc.inputGain() * dc.outputGain() / (n.inputGain() * n.outputGain()) - 1;
            double da = n.inputGain() / dc.inputGain() - 1;
            ss += ds * ds;
            sa += da * da;
        }
        assertEquals(0.03, Math.sqrt(ss / k), 0.03 * 0.05);
        assertEquals(0.05, Math.sqrt(sa / k), 0.05 * 0.05);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DeviceActivation(DeviceNeuron.mapped(celuTable(0), -4, 4), 1, 1.0));
        assertTrue(e.getMessage().contains("no device-to-device spread"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DeviceActivation(n, 1, Double.NaN));
        assertTrue(a.describe().contains("device-to-device spread x 1.0"), a.describe());
        assertFalse(nominal.describe().contains("spread"), "nominal layers keep their old description (checkpoints)");
    }

    @Test
    void energyIsChargedPerEvaluation() {
        NeuronTable t = new NeuronTable("e", -1, 1, new float[]{-1, 0, 1}, new float[]{1, 1, 1}, 0, 1e-15);
        DeviceActivation a = new DeviceActivation(new DeviceNeuron(t, 2, 0, 1, 0, 0), 1);
        Tensor x = new Tensor(new float[]{0.5f, -1f, 0f, 1f}, 1, 4);
        a.forward(x, false);
        assertEquals(4, a.evaluations());
        assertEquals(1e-15 * (1 + 4 + 0 + 4), a.energyJ(), 1e-27);
    }

    /** Over many chunks and with an input offset: E sum((g x + o)^2), the same bits on one thread or two. */
    @Test
    void energyOfALargeTensorIsTheSumOfSquaredDeviceInputsOnAnyThreadCount() {
        NeuronTable t = new NeuronTable("e", -1, 1, new float[]{-1, 0, 1}, new float[]{1, 1, 1}, 0, 1e-15);
        DeviceNeuron n = new DeviceNeuron(t, 1.7, 0.6, 1, 0, 0);
        Tensor x = random(new Rng(4), 1.5, 7, 40_001);
        double direct = 0;
        for (float v : x.data) {
            double u = 1.7f * (double) v + 0.6f;
            direct += u * u;
        }
        int before = dev.spinnet.network.kernel.Parallel.threads();
        double[] energy = new double[2];
        try {
            for (int threads = 1; threads <= 2; threads++) {
                dev.spinnet.network.kernel.Parallel.setThreads(threads);
                DeviceActivation a = new DeviceActivation(n, 1);
                a.forward(x, true);
                assertEquals(x.size(), a.evaluations());
                energy[threads - 1] = a.energyJ();
            }
        } finally {
            dev.spinnet.network.kernel.Parallel.setThreads(before);
        }
        assertEquals(1e-15 * direct, energy[0], 1e-5 * 1e-15 * direct);
        assertEquals(energy[0], energy[1], 0.0, "thread count does not change the account");
    }
}
