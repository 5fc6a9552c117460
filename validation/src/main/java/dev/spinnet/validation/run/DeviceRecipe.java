package dev.spinnet.validation.run;

import java.io.PrintStream;
import java.util.Locale;

import dev.spinnet.network.allspin.AllSpin;
import dev.spinnet.network.allspin.DeviceNeuron;
import dev.spinnet.network.allspin.MixedPrecision;
import dev.spinnet.network.allspin.NeuronSpread;
import dev.spinnet.network.allspin.NeuronTable;
import dev.spinnet.network.allspin.PulseDevice;
import dev.spinnet.network.train.Model;
import dev.spinnet.network.train.TrainConfig;
import dev.spinnet.network.train.Trainer;

/**
 * How a network is put on devices: the synapse device (null: float weights), the neuron table (null: float
 * activations) and the pulse-update settings. {@link #setup} turns a float model and its recipe into a trainer,
 * the same way for {@code spinnet train} and {@code spinnet validate}.
 *
 * @param neuronLo lower end of the normalised pre-activation range mapped onto the neuron's input grid
 * @param neuronHi upper end of that range
 * @param refreshEvery optimiser steps between refresh (and re-ranging) checks of the device pairs
 * @param rerange re-ranging factor (0 = off): a tile whose weights shrank is re-ranged to rerange x rms
 * @param transfer what the mixed-precision accumulator subtracts after a transfer (nominal or measured change)
 * @param neuronNoise multiplier of the neuron's fitted cycle-to-cycle output noise in training (0: noise-free)
 * @param neuronSpread multiplier of the neuron's fitted device-to-device spread, one device per channel (0: every
 *        neuron the nominal device)
 * @param deviceLookahead keep the recipe's Lookahead with device synapses: the slow average is held in the digital
 *        periphery and the devices are pulsed towards it ({@link dev.spinnet.network.optim.Optimizer#assign})
 * @param classifierLrScale learning-rate multiplier of the classifier tile alone (NaN: deviceLrScale)
 * @param classifierRangeFactor range factor of the classifier tile alone (NaN: rangeFactor)
 * @param deviceWdScale multiplier of the configuration's weight decay on the device tiles (1: as float weights)
 */
public record DeviceRecipe(PulseDevice synapse, NeuronTable neuron, AllSpin.Algorithm algorithm, double rangeFactor,
                           double deviceLrScale, double deviceMomentum, int refreshEvery, double rerange,
                           MixedPrecision.Transfer transfer, double neuronLo, double neuronHi, double neuronNoise,
                           double neuronSpread, boolean deviceLookahead, double classifierLrScale,
                           double classifierRangeFactor, double deviceWdScale, long seed) {

    /** Pre-activations z in [-4, 4] (BatchNorm output) map onto the device input grid. */
    public static final double NEURON_Z_LO = -4;
    public static final double NEURON_Z_HI = 4;
    /** Steps between refresh checks unless a recipe says otherwise (PulseOptions' default). */
    public static final int DEFAULT_REFRESH_EVERY = 100;

    public static DeviceRecipe of(PulseDevice synapse, NeuronTable neuron, AllSpin.Algorithm algorithm,
            double rangeFactor, double deviceLrScale, double deviceMomentum, long seed) {
        return new DeviceRecipe(synapse, neuron, algorithm, rangeFactor, deviceLrScale, deviceMomentum,
                DEFAULT_REFRESH_EVERY, 0.0, MixedPrecision.Transfer.NOMINAL, NEURON_Z_LO,
                NEURON_Z_HI, 1.0, 0.0, false, Double.NaN, Double.NaN, 1.0, seed);
    }

    /** The same recipe with pre-activations in [-span, span] mapped onto the neuron grid and scaled noise. */
    public DeviceRecipe withNeuronMapping(double span, double noise) {
        if (!(span > 0 && Double.isFinite(span))) {
            throw new IllegalArgumentException("--neuron-span must be finite and > 0, got " + span);
        }
        if (!(noise >= 0 && Double.isFinite(noise))) {
            throw new IllegalArgumentException("--neuron-noise must be finite and >= 0, got " + noise);
        }
        return new DeviceRecipe(synapse, neuron, algorithm, rangeFactor, deviceLrScale, deviceMomentum, refreshEvery,
                rerange, transfer, -span, span, noise, neuronSpread, deviceLookahead,
                classifierLrScale, classifierRangeFactor, deviceWdScale, seed);
    }

    /** The same recipe with every channel's neuron its own device, spread by m times the fitted spread. */
    public DeviceRecipe withNeuronSpread(double m) {
        if (!(m >= 0 && Double.isFinite(m))) {
            throw new IllegalArgumentException("--neuron-spread must be finite and >= 0, got " + m);
        }
        if (m > 0 && neuron != null && neuron.spread().isNone()) {
            throw new IllegalArgumentException("--neuron-spread: the neuron file " + neuron.name()
                    + " has no device-to-device spread");
        }
        return new DeviceRecipe(synapse, neuron, algorithm, rangeFactor, deviceLrScale, deviceMomentum, refreshEvery,
                rerange, transfer, neuronLo, neuronHi, neuronNoise, m, deviceLookahead,
                classifierLrScale, classifierRangeFactor, deviceWdScale, seed);
    }

    /** The same recipe with another refresh interval and re-ranging factor. */
    public DeviceRecipe withRefresh(int every, double rerangeFactor) {
        if (every < 0) {
            throw new IllegalArgumentException("--refresh-every must be >= 0, got " + every);
        }
        if (!(rerangeFactor >= 0 && Double.isFinite(rerangeFactor))) {
            throw new IllegalArgumentException("--rerange must be finite and >= 0, got " + rerangeFactor);
        }
        return new DeviceRecipe(synapse, neuron, algorithm, rangeFactor, deviceLrScale, deviceMomentum, every,
                rerangeFactor, transfer, neuronLo, neuronHi, neuronNoise, neuronSpread, deviceLookahead,
                classifierLrScale, classifierRangeFactor, deviceWdScale, seed);
    }

    /** The same recipe with another mixed-precision transfer rule ("nominal" or "measured"). */
    public DeviceRecipe withTransfer(String name) {
        MixedPrecision.Transfer t = switch (name) {
            case "nominal" -> MixedPrecision.Transfer.NOMINAL;
            case "measured" -> MixedPrecision.Transfer.MEASURED;
            default -> throw new IllegalArgumentException("--transfer must be nominal or measured, got '" + name + "'");
        };
        return new DeviceRecipe(synapse, neuron, algorithm, rangeFactor, deviceLrScale, deviceMomentum, refreshEvery,
                rerange, t, neuronLo, neuronHi, neuronNoise, neuronSpread, deviceLookahead,
                classifierLrScale, classifierRangeFactor, deviceWdScale, seed);
    }

    /** Parses the command-line name of an update algorithm. */
    public static AllSpin.Algorithm parseAlgorithm(String name) {
        return switch (name) {
            case "in-situ" -> AllSpin.Algorithm.IN_SITU;
            case "mixed" -> AllSpin.Algorithm.MIXED_PRECISION;
            case "hardware-aware" -> AllSpin.Algorithm.HARDWARE_AWARE;
            default -> throw new IllegalArgumentException("--algorithm must be in-situ, mixed or hardware-aware, got '"
                    + name + "'");
        };
    }

    /**
     * The same recipe keeping the configuration's Lookahead when the synapses are devices (see
     * {@code deviceLookahead}); refused for hardware-aware training, whose forward weights are a view of float
     * masters.
     */
    public DeviceRecipe withDeviceLookahead(boolean on) {
        if (on && synapse == null) {
            throw new IllegalArgumentException("--device-lookahead needs --synapse (float weights keep Lookahead anyway)");
        }
        if (on && algorithm == AllSpin.Algorithm.HARDWARE_AWARE) {
            throw new IllegalArgumentException("--device-lookahead does not combine with --algorithm hardware-aware");
        }
        return new DeviceRecipe(synapse, neuron, algorithm, rangeFactor, deviceLrScale, deviceMomentum, refreshEvery,
                rerange, transfer, neuronLo, neuronHi, neuronNoise, neuronSpread, on,
                classifierLrScale, classifierRangeFactor, deviceWdScale, seed);
    }

    /**
     * The same recipe with the classifier tile's own learning-rate multiplier and range factor (NaN: the values
     * of every tile).
     */
    public DeviceRecipe withClassifier(double lrScale, double range) {
        if (!Double.isNaN(lrScale) && !(lrScale > 0 && Double.isFinite(lrScale))) {
            throw new IllegalArgumentException("--classifier-lr-scale must be finite and > 0, got " + lrScale);
        }
        if (!Double.isNaN(range) && !(range > 0 && Double.isFinite(range))) {
            throw new IllegalArgumentException("--classifier-range-factor must be finite and > 0, got " + range);
        }
        return new DeviceRecipe(synapse, neuron, algorithm, rangeFactor, deviceLrScale, deviceMomentum, refreshEvery,
                rerange, transfer, neuronLo, neuronHi, neuronNoise, neuronSpread, deviceLookahead, lrScale, range,
                deviceWdScale, seed);
    }

    /**
     * The same recipe with the device tiles' weight decay scaled by {@code scale} (pulsed algorithms only: the
     * hardware-aware optimiser decays float masters).
     */
    public DeviceRecipe withDeviceWeightDecay(double scale) {
        if (!(scale >= 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("--device-wd-scale must be finite and >= 0, got " + scale);
        }
        if (scale != 1 && (synapse == null || algorithm == AllSpin.Algorithm.HARDWARE_AWARE)) {
            throw new IllegalArgumentException("--device-wd-scale acts on pulsed device synapses (--synapse with"
                    + " --algorithm in-situ or mixed)");
        }
        return new DeviceRecipe(synapse, neuron, algorithm, rangeFactor, deviceLrScale, deviceMomentum, refreshEvery,
                rerange, transfer, neuronLo, neuronHi, neuronNoise, neuronSpread, deviceLookahead,
                classifierLrScale, classifierRangeFactor, scale, seed);
    }

    public boolean usesDevices() {
        return synapse != null || neuron != null;
    }

    /**
     * A model ready to train. {@code allSpin} is null when neither synapses nor neurons are devices; {@code config}
     * is the recipe's configuration, without Lookahead when the synapses are devices (unless deviceLookahead).
     */
    public record Setup(Model model, TrainConfig config, Trainer trainer, AllSpin allSpin) {
    }

    /** Converts the model (when the recipe uses devices) and builds its trainer; notes go to {@code log}. */
    public Setup setup(Model model, TrainConfig cfg, PrintStream log) {
        if (!usesDevices()) {
            return new Setup(model, cfg, new Trainer(model, cfg, log), null);
        }
        AllSpin.Builder b = AllSpin.builder(model).algorithm(algorithm).rangeFactor(rangeFactor)
                .deviceLrScale(deviceLrScale).momentum(deviceMomentum, true).refreshEvery(refreshEvery).rerange(rerange)
                .transfer(transfer).neuronSpread(neuron != null ? neuronSpread : 0)
                .classifierLrScale(classifierLrScale).classifierRangeFactor(classifierRangeFactor)
                .weightDecayScale(deviceWdScale).seed(seed);
        TrainConfig c = cfg;
        if (synapse != null) {
            b.synapse(synapse);
            if (c.lookaheadEvery() > 0 && deviceLookahead) {
                log.println("device synapses: Lookahead kept, slow weights in the digital periphery, devices pulsed "
                        + "towards them");
            } else if (c.lookaheadEvery() > 0) {
                log.println("device synapses: Lookahead switched off (it would write float averages; "
                        + "--device-lookahead keeps it by pulses)");
                c = c.withoutLookahead();
            }
        }
        if (neuron != null) {
            DeviceNeuron n = DeviceNeuron.mapped(neuron, neuronLo, neuronHi);
            b.neuron(n.withNoise(n.noiseSigma() * neuronNoise));
            if (neuronSpread > 0) {
                NeuronSpread sp = neuron.spread();
                log.printf(Locale.ROOT, "device neurons: one device per channel, device-to-device spread x %s of the"
                                + " fitted (scale %.3g %%, alpha %.3g %%, offset %.3g output units)%n", neuronSpread,
                        100 * sp.scaleRelative(), 100 * sp.alphaRelative(), sp.offsetSigma());
            }
        }
        AllSpin allSpin = b.build(c);
        return new Setup(allSpin.model(), c, allSpin.trainer(c, log), allSpin);
    }
}
