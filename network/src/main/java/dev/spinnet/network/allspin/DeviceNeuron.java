package dev.spinnet.network.allspin;

import dev.spinnet.network.layer.ActivationFunction;
import dev.spinnet.network.layer.LookupActivation;

import java.util.Locale;

/**
 * A device neuron as an activation: {@code y = outputGain * f(inputGain * z + inputOffset) + outputOffset},
 * f the device's tabulated transfer curve ({@link NeuronTable}, cubic Hermite). The affine maps are
 * digital/analog peripherals: they put BatchNorm-normalised pre-activations z onto the device's input
 * range (a current-density scale) and scale the read-out back.
 *
 * <p>{@link #apply} and {@link #backward} are deterministic and noise-free; the backward pass is the
 * exact derivative of the interpolant. Cycle-to-cycle output noise ({@code noiseSigma}, device output
 * units, added to f before the output gain; shaped along the input by the table's {@link NeuronNoiseProfile}) is
 * applied in training by {@link DeviceActivation}, which keys it by (seed, call, element); being additive it leaves
 * the derivative unchanged.
 */
public final class DeviceNeuron implements ActivationFunction {
    private final NeuronTable table;
    private final LookupActivation f;
    private final float inputGain;
    private final float inputOffset;
    private final float outputGain;
    private final float outputOffset;
    private final float noiseSigma;

    public DeviceNeuron(NeuronTable table, double inputGain, double inputOffset, double outputGain,
                        double outputOffset, double noiseSigma) {
        double[] all = {inputGain, inputOffset, outputGain, outputOffset, noiseSigma};
        for (double v : all) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("device neuron gains, offsets and noise must be finite");
            }
        }
        if (inputGain == 0 || outputGain == 0 || noiseSigma < 0) {
            throw new IllegalArgumentException("device neuron needs non-zero gains and noise >= 0");
        }
        this.table = table;
        this.inputGain = (float) inputGain;
        this.inputOffset = (float) inputOffset;
        this.outputGain = (float) outputGain;
        this.outputOffset = (float) outputOffset;
        this.noiseSigma = (float) noiseSigma;
        this.f = table.activation().affine(this.inputGain, this.inputOffset, this.outputGain, this.outputOffset);
    }

    /** The device curve in its own units, noise from the table. */
    public static DeviceNeuron of(NeuronTable table) {
        return new DeviceNeuron(table, 1, 0, 1, 0, table.cycleSigma());
    }

    /**
     * Maps normalised inputs z in [zLo, zHi] onto the device grid [x0, x1], scales the output so the
     * slope at the top of the grid is 1 in z units, and shifts it so that y(z = 0) = 0. Noise from
     * the table.
     */
    public static DeviceNeuron mapped(NeuronTable table, double zLo, double zHi) {
        if (!(zHi > zLo)) {
            throw new IllegalArgumentException("need zLo < zHi, got " + zLo + ", " + zHi);
        }
        double gain = (table.x1() - table.x0()) / (zHi - zLo);
        double offset = table.x0() - gain * zLo;
        float[] s = table.dydx();
        double slope = s[s.length - 1];
        if (!(Math.abs(slope) > 1e-12)) {
            throw new IllegalArgumentException("neuron curve " + table.name() + " is flat at the top of its grid");
        }
        double outGain = 1 / (gain * slope);
        double y0 = table.activation().value(offset);
        return new DeviceNeuron(table, gain, offset, outGain, -outGain * y0, table.cycleSigma());
    }

    /**
     * This neuron as one device of a spread population: the fitted CeLU's scale times (1 + dScale), its alpha times
     * (1 + dAlpha), both about the table's kink (x_k, y_k), and its output offset plus dOffset (device output
     * units). For {@code f(x) = s celu(x - x_k, a) + y_k} the device curve is
     * {@code (1 + dScale)(1 + dAlpha)(f((x - x_k) / (1 + dAlpha) + x_k) - y_k) + y_k + dOffset}, since
     * {@code k celu(u / k, a) = celu(u, k a)}; it is again a table neuron with other gains and offsets.
     */
    public DeviceNeuron varied(double dScale, double dAlpha, double dOffset) {
        double k = 1 + dAlpha;
        double g = (1 + dScale) * k;
        if (!(k > 0 && g > 0)) {
            throw new IllegalArgumentException("a varied neuron needs 1 + dAlpha > 0 and 1 + dScale > 0, got "
                    + dAlpha + ", " + dScale);
        }
        double xk = table.spread().kinkInput();
        double yk = table.spread().kinkOutput();
        return new DeviceNeuron(table, inputGain / k, (inputOffset - xk) / k + xk, outputGain * g,
                outputOffset + outputGain * (yk * (1 - g) + dOffset), noiseSigma);
    }

    /** The same neuron with another output noise (device output units). */
    public DeviceNeuron withNoise(double sigma) {
        return new DeviceNeuron(table, inputGain, inputOffset, outputGain, outputOffset, sigma);
    }

    public NeuronTable table() {
        return table;
    }

    public float noiseSigma() {
        return noiseSigma;
    }

    public float inputGain() {
        return inputGain;
    }

    public float inputOffset() {
        return inputOffset;
    }

    public float outputGain() {
        return outputGain;
    }

    public float outputOffset() {
        return outputOffset;
    }

    /** Device input for a network input (for energy accounting and plots). */
    public float deviceInput(float z) {
        return inputGain * z + inputOffset;
    }

    /** One pass: the input and output maps are folded into the interpolant ({@link LookupActivation#affine}). */
    @Override
    public void apply(float[] x, float[] y, int from, int to) {
        f.apply(x, y, from, to);
    }

    @Override
    public void backward(float[] x, float[] dy, float[] dx, int from, int to) {
        f.backward(x, dy, dx, from, to);
    }

    /**
     * Adds the training noise, {@code outputGain * noiseSigma * factor(u) * N(0,1)}, to y[from, to): u is the device
     * input of x, factor the table's {@link NeuronNoiseProfile} (1 when pooled), N keyed by {@code key} and the index.
     */
    void addNoise(float[] x, float[] y, int from, int to, long key) {
        addNoise(x, y, from, to, key, noiseSigma);
    }

    /**
     * Adds output noise of {@code sigma} device output units (pooled level, shaped by the table's profile at the device
     * input of x, scaled by the output gain) to y[from, to). The normal draws do not depend on the profile, so a
     * profile only rescales each element's noise.
     */
    void addNoise(float[] x, float[] y, int from, int to, long key, float sigma) {
        float s = outputGain * sigma;
        NeuronNoiseProfile p = table.noiseProfile();
        if (p.isPooled()) {
            for (int i = from; i < to; i++) {
                y[i] += s * Noise.gaussian(Noise.mix(key + 0x9E3779B97F4A7C15L * i));
            }
        } else {
            for (int i = from; i < to; i++) {
                float u = inputGain * x[i] + inputOffset;
                y[i] += s * p.factorAt(u) * Noise.gaussian(Noise.mix(key + 0x9E3779B97F4A7C15L * i));
            }
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "device-neuron(%s, in %.4g*z%+.4g, out %.4g*f%+.4g, noise %.3g%s)",
                f.describe(), inputGain, inputOffset, outputGain, outputOffset, noiseSigma,
                // Without noise the profile changes nothing, and a run's checkpoint stays valid for a noisy
                // inference under either noise model.
                noiseSigma == 0 || table.noiseProfile().isPooled() ? "" : " " + table.noiseProfile().describe());
    }
}
