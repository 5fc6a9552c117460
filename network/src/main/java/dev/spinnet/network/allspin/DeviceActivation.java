package dev.spinnet.network.allspin;

import dev.spinnet.network.kernel.Parallel;
import dev.spinnet.network.kernel.Reduce;
import dev.spinnet.network.layer.Activation;
import dev.spinnet.network.layer.Layer;
import dev.spinnet.network.tensor.Tensor;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A layer of device neurons: applies a {@link DeviceNeuron} element-wise and, in training, adds its
 * cycle-to-cycle output noise (pooled, or shaped by the input through the table's {@link NeuronNoiseProfile}; with a
 * device-to-device spread the shape is taken at the nominal device's input). The noise of element i in training call k is a hash of
 * (seed, k, i), so it is the same for any thread count and continues exactly after a resume (the
 * call counter is part of the layer's checkpoint state). Inference is noise-free unless
 * {@link #setInferenceNoise} asks for a draw of inference noise (see {@link NoisyInference}); the backward
 * pass is the noise-free table derivative (exact, since the noise is additive).
 *
 * <p>With a device-to-device spread multiplier m > 0, every channel is its own device ({@link ChannelNeurons}):
 * the nominal neuron {@link DeviceNeuron#varied varied} by m times the table's fitted spread, drawn once from
 * (seed, channel) and fixed for the life of the network, in training and inference alike.
 *
 * <p>When the neuron table states an energy per unit input, every evaluation is charged
 * {@code E * x^2} with x the (nominal) device input.
 */
public final class DeviceActivation implements Layer {
    /** Separates the inference draws' keys from the training calls' ({@code Noise.key(seed, call)}). */
    private static final long INFERENCE_STREAM = 0x1F3E5C7A9B2D4F61L;
    private static final long SPREAD_STREAM = 0x6A09E667F3BCC909L;
    /** The smallest device/nominal ratio of scale and alpha a spread draw may give (a tail guard). */
    private static final double MIN_RATIO = 0.2;
    /** Elements per partial sum of the energy account. */
    private static final int ENERGY_CHUNK = 1 << 14;
    private final DeviceNeuron neuron;
    private final long seed;
    private long calls;
    private long evaluations;
    private double energyJ;
    /** Output noise of inference forwards, device output units (0: noise-free), and the draw it belongs to. */
    private float inferenceSigma;
    private long inferenceDraw;
    private long inferenceCalls;
    /** The noise-free curve and its exact derivative: the engine's ordinary activation layer. */
    private final Activation curve;
    /** Multiplier of the table's device-to-device spread; 0: every channel the nominal device. */
    private final double spread;
    /** The per-channel devices and their layer, built for the channel count of the first forward. */
    private ChannelNeurons channels;
    private Activation channelCurve;
    private Activation last;

    public DeviceActivation(DeviceNeuron neuron, long seed) {
        this(neuron, seed, 0);
    }

    /**
     * @param spread multiplier of the neuron table's device-to-device spread (0: all devices nominal)
     */
    public DeviceActivation(DeviceNeuron neuron, long seed, double spread) {
        if (!(spread >= 0 && Double.isFinite(spread))) {
            throw new IllegalArgumentException("neuron spread multiplier must be finite and >= 0, got " + spread);
        }
        if (spread > 0 && neuron.table().spread().isNone()) {
            throw new IllegalArgumentException("neuron table " + neuron.table().name()
                    + " has no device-to-device spread to scale");
        }
        this.neuron = neuron;
        this.seed = seed;
        this.curve = new Activation(neuron);
        this.spread = spread;
    }

    /**
     * The device neuron of channel c: the nominal one without a spread, else the nominal one varied by a seeded
     * draw of the spread (the same whatever the channel count).
     */
    public DeviceNeuron channelNeuron(int c) {
        if (spread == 0) {
            return neuron;
        }
        NeuronSpread sp = neuron.table().spread();
        double ds = spread * sp.scaleRelative() * Noise.exactGaussian(Noise.key(seed, SPREAD_STREAM, c, 0));
        double da = spread * sp.alphaRelative() * Noise.exactGaussian(Noise.key(seed, SPREAD_STREAM, c, 1));
        double dOffset = spread * sp.offsetSigma() * Noise.exactGaussian(Noise.key(seed, SPREAD_STREAM, c, 2));
        return neuron.varied(Math.max(ds, MIN_RATIO - 1), Math.max(da, MIN_RATIO - 1), dOffset);
    }

    private Activation curveFor(Tensor x) {
        if (spread == 0) {
            return curve;
        }
        int c = x.rank() > 1 ? x.dim(1) : 1;
        int plane = x.size() / Math.max(1, x.dim(0) * c);
        if (channels == null || channels.channels() != c || channels.plane() != plane) {
            DeviceNeuron[] n = new DeviceNeuron[c];
            for (int k = 0; k < c; k++) {
                n[k] = channelNeuron(k);
            }
            channels = new ChannelNeurons(n, plane);
            channelCurve = new Activation(channels);
        }
        return channelCurve;
    }

    public DeviceNeuron neuron() {
        return neuron;
    }

    /** Training forwards so far (numbers the noise draws). */
    public long calls() {
        return calls;
    }

    /** Sets the training-call counter (tests: repeat a noise draw). */
    public void setCalls(long c) {
        this.calls = c;
    }

    /** Neuron evaluations counted for energy (only when the table gives an energy). */
    public long evaluations() {
        return evaluations;
    }

    public double energyJ() {
        return energyJ;
    }

    /**
     * Makes the following inference forwards add output noise of {@code sigma} device output units (0 switches it
     * off). Draw d's noise is a hash of (seed, d, inference call, element), so the same draw repeats exactly and no
     * draw shares a value with the training noise.
     */
    public void setInferenceNoise(double sigma, long draw) {
        if (!(sigma >= 0 && Double.isFinite(sigma))) {
            throw new IllegalArgumentException("inference noise must be finite and >= 0, got " + sigma);
        }
        this.inferenceSigma = (float) sigma;
        this.inferenceDraw = draw;
        this.inferenceCalls = 0;
    }

    /** Puts the energy counters back, so that an analysis run (noisy inference draws) leaves no trace in them. */
    void restoreCounters(long evaluationCount, double energy) {
        this.evaluations = evaluationCount;
        this.energyJ = energy;
    }

    @Override
    public int[] outputShape(int[] s) {
        return s.clone();
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        last = curveFor(x);
        Tensor output = last.forward(x, training);
        final float[] xd = x.data;
        final float[] yd = output.data;
        if (training && neuron.noiseSigma() > 0) {
            long key = Noise.key(seed, calls);
            Parallel.forRange(x.size(), 4, (part, a, b) -> neuron.addNoise(xd, yd, a, b, key));
        }
        if (training) {
            calls++;
        } else if (inferenceSigma > 0) {
            long key = Noise.key(seed, INFERENCE_STREAM, inferenceDraw, inferenceCalls++);
            float sigma = inferenceSigma;
            Parallel.forRange(x.size(), 4, (part, a, b) -> neuron.addNoise(xd, yd, a, b, key, sigma));
        }
        chargeEnergy(x.data, x.size());
        return output;
    }

    /**
     * Charges {@code E sum(u^2)}, u = g x + o the nominal device inputs: {@code g^2 sum((x - m)^2)} with m = -o / g,
     * summed in fixed chunks (vector partial sums, chunks in order in double), so the figure does not depend on
     * the thread count; it runs on every forward, in training and evaluation alike.
     */
    private void chargeEnergy(float[] xd, int n) {
        double e = neuron.table().energyPerUnitInput();
        if (e > 0) {
            float g = neuron.inputGain();
            float m = -neuron.inputOffset() / g;
            int chunks = (n + ENERGY_CHUNK - 1) / ENERGY_CHUNK;
            double[] part = new double[chunks];
            Parallel.forRange(chunks, 2L * ENERGY_CHUNK, (p, a, b) -> {
                for (int k = a; k < b; k++) {
                    int off = k * ENERGY_CHUNK;
                    part[k] = Reduce.sumSquaredDeviation(xd, off, Math.min(ENERGY_CHUNK, n - off), m);
                }
            });
            double sq = 0;
            for (double v : part) {
                sq += v;
            }
            evaluations += n;
            energyJ += e * (double) g * g * sq;
        }
    }

    /** Additive noise leaves the derivative of the noise-free curve exact. */
    @Override
    public Tensor backward(Tensor gradOut) {
        return last.backward(gradOut);
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        out.writeLong(calls);
        out.writeLong(evaluations);
        out.writeDouble(energyJ);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        calls = in.readLong();
        evaluations = in.readLong();
        energyJ = in.readDouble();
    }

    @Override
    public String describe() {
        return "DeviceActivation(" + neuron.describe() + ", seed " + seed
                + (spread > 0 ? ", device-to-device spread x " + spread : "") + ")";
    }
}
