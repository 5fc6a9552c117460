package dev.spinnet.network.allspin;

import dev.spinnet.network.layer.Activation;
import dev.spinnet.network.layer.Conv2d;
import dev.spinnet.network.layer.Layer;
import dev.spinnet.network.layer.Linear;
import dev.spinnet.network.layer.Param;
import dev.spinnet.network.layer.Sequential;
import dev.spinnet.network.optim.Adam;
import dev.spinnet.network.optim.Optimizer;
import dev.spinnet.network.optim.Sgd;
import dev.spinnet.network.train.Model;
import dev.spinnet.network.train.TrainConfig;
import dev.spinnet.network.train.Trainer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Converts a model to an all-spin network: every trainable Conv2d/Linear weight (the frozen
 * whitening convolution excepted) becomes a tile of device pairs ({@link DevicePairWeights}), every
 * {@link Activation} becomes a layer of device neurons ({@link DeviceActivation}); either can be
 * switched off, so the ablations (neurons only, synapses only, both) are one setting each.
 * BatchNorm, biases, the whitening layer and the final scaling stay digital peripherals, stepped by
 * an ordinary optimiser built from the training configuration.
 *
 * <pre>{@code
 * AllSpin s = AllSpin.builder(model).synapse(device).neuron(neuron)
 *         .algorithm(AllSpin.Algorithm.MIXED_PRECISION).seed(1).build(cfg);
 * Trainer.Result r = s.trainer(cfg, System.out).train(train, test, out, false);
 * System.out.print(s.report());
 * }</pre>
 */
public final class AllSpin {
    /** Update algorithm of the device synapses. */
    public enum Algorithm { IN_SITU, MIXED_PRECISION, HARDWARE_AWARE }

    private final Model model;
    private final DeviceTraining training;
    private final List<DeviceActivation> neurons;
    private final DeviceHooks hooks = new DeviceHooks();
    private final DevicePairWeights.PulseCount initial;

    private AllSpin(Model model, DeviceTraining training, List<DeviceActivation> neurons) {
        this.model = model;
        this.training = training;
        this.neurons = List.copyOf(neurons);
        this.initial = training == null ? DevicePairWeights.PulseCount.zero() : training.counts();
    }

    public static Builder builder(Model model) {
        return new Builder(model);
    }

    /** The converted model (shares the original's layers and parameters). */
    public Model model() {
        return model;
    }

    /** The optimiser to train with, or null when the synapses stay float (use the configuration's). */
    public DeviceTraining training() {
        return training;
    }

    public List<DeviceActivation> neurons() {
        return neurons;
    }

    public Trainer.Hooks hooks() {
        return hooks;
    }

    /** A trainer for the converted model with the device optimiser and hooks installed. */
    public Trainer trainer(TrainConfig cfg, PrintStream log) {
        Trainer t = new Trainer(model, cfg, log).withHooks(hooks);
        return training == null ? t : t.withOptimizer(training);
    }

    /** All tiles' pulse counters (zero without device synapses). */
    public DevicePairWeights.PulseCount counts() {
        return training == null ? DevicePairWeights.PulseCount.zero() : training.counts();
    }

    public double neuronEnergyJ() {
        double e = 0;
        for (DeviceActivation a : neurons) {
            e += a.energyJ();
        }
        return e;
    }

    /** Per-tile settings and pulse counts, then the totals. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        if (training != null) {
            sb.append("synapse training: ").append(training.describe()).append('\n');
            for (DevicePairWeights t : training.tiles()) {
                sb.append("  ").append(t.describe()).append('\n');
                sb.append("    ").append(t.counts().describe()).append("; ").append(t.utilisation());
                if (t.reranges() > 0) {
                    sb.append(String.format(Locale.ROOT, ", %d re-ranges, now w_max=%.4g", t.reranges(), t.wMax()));
                }
                sb.append('\n');
            }
            sb.append("  initial programming: ").append(initial.programPulses()).append(" pulses\n");
            sb.append("  total: ").append(counts().describe()).append('\n');
        } else {
            sb.append("synapses: float (digital)\n");
        }
        if (!neurons.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "neurons: %d layers of %s; energy %.4g J%n", neurons.size(),
                    neurons.get(0).neuron().describe(), neuronEnergyJ()));
        } else {
            sb.append("neurons: float activations\n");
        }
        return sb.toString();
    }

    private final class DeviceHooks implements Trainer.Hooks {
        private DevicePairWeights.PulseCount epochStart;
        private double neuronEnergyStart = Double.NaN;

        @Override
        public void beforeForward() {
            if (Double.isNaN(neuronEnergyStart)) {
                neuronEnergyStart = neuronEnergyJ();
            }
            if (training != null) {
                if (epochStart == null) {
                    epochStart = training.counts();
                }
                training.beforeForward();
            }
        }

        @Override
        public void beforeEvaluation() {
            if (training != null) {
                training.beforeEvaluation();
            }
        }

        @Override
        public void afterEpoch(int epoch, PrintStream log) {
            if (training != null && epochStart != null) {
                log.println("  devices, epoch " + epoch + ": " + training.counts().minus(epochStart).describe());
                StringBuilder rms = new StringBuilder("  weight rms in pulse steps, per tile:");
                for (DevicePairWeights t : training.tiles()) {
                    rms.append(String.format(Locale.ROOT, " %.2f", t.rmsSteps()));
                }
                log.println(rms);
                epochStart = null;
            }
            double e = neuronEnergyJ();
            if (e > 0 && !Double.isNaN(neuronEnergyStart)) {
                log.printf(Locale.ROOT, "  neurons, epoch %d: %.4g J%n", epoch, e - neuronEnergyStart);
            }
            neuronEnergyStart = Double.NaN;
        }
    }

    /** Settings of the conversion; every one has a default. */
    public static final class Builder {
        private final Model source;
        private PulseDevice synapse;
        private DeviceNeuron neuron;
        private Algorithm algorithm = Algorithm.MIXED_PRECISION;
        private DevicePairWeights.UpdateMode mode = DevicePairWeights.UpdateMode.POTENTIATE_ONLY;
        private double rangeFactor = 3;
        private PulseOptions options;
        private double deviceLrScale = 1;
        private double classifierLrScale = Double.NaN;
        private double classifierRangeFactor = Double.NaN;
        private double weightDecayScale = 1;
        private int classifierTile = -1;
        private double momentum;
        private boolean nesterov;
        private MixedPrecision.Transfer transfer = MixedPrecision.Transfer.NOMINAL;
        private float hardwareNoise = Float.NaN;
        private long seed = 1;
        private int refreshEvery = -1;
        private double rerange;
        private double neuronSpread;

        private Builder(Model source) {
            this.source = source;
        }

        /** Device of every synapse; null keeps float weights (neuron-only ablation). */
        public Builder synapse(PulseDevice d) {
            this.synapse = d;
            return this;
        }

        /** Neuron replacing every activation; null keeps the float activations (synapse-only ablation). */
        public Builder neuron(DeviceNeuron n) {
            this.neuron = n;
            return this;
        }

        /**
         * Multiplier of the neuron table's device-to-device spread: every channel's neuron becomes its own device,
         * drawn from the seed (see {@link DeviceActivation}); 0 (default) keeps every neuron the nominal device.
         */
        public Builder neuronSpread(double m) {
            if (!(m >= 0 && Double.isFinite(m))) {
                throw new IllegalArgumentException("neuron spread multiplier must be finite and >= 0, got " + m);
            }
            this.neuronSpread = m;
            return this;
        }

        public Builder algorithm(Algorithm a) {
            this.algorithm = a;
            return this;
        }

        public Builder updateMode(DevicePairWeights.UpdateMode m) {
            this.mode = m;
            return this;
        }

        /** w_max of each tile is this multiple of the rms of its initial weights (default 3). */
        public Builder rangeFactor(double f) {
            if (!(f > 0) || !Double.isFinite(f)) {
                throw new IllegalArgumentException("range factor must be finite and > 0, got " + f);
            }
            this.rangeFactor = f;
            return this;
        }

        /** Pulse settings (default: {@link PulseOptions#defaults} with the configuration's weight decay). */
        public Builder pulses(PulseOptions o) {
            this.options = o;
            return this;
        }

        /** Learning-rate multiplier of device weights under the pulsed algorithms (their Param.lrScale). */
        public Builder deviceLrScale(double s) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("device learning-rate scale must be finite and > 0, got " + s);
            }
            this.deviceLrScale = s;
            return this;
        }

        /**
         * Learning-rate multiplier of the classifier tile alone (the last weight layer, a Linear); NaN (default)
         * gives it {@link #deviceLrScale}. Under BatchNorm the conv tiles' equilibrium does not depend on their
         * scale; the classifier has no BatchNorm after it, so its scale sets how far it moves.
         */
        public Builder classifierLrScale(double s) {
            if (!Double.isNaN(s) && (!(s > 0) || !Double.isFinite(s))) {
                throw new IllegalArgumentException("classifier learning-rate scale must be finite and > 0, got " + s);
            }
            this.classifierLrScale = s;
            return this;
        }

        /** w_max of the classifier tile alone, as a multiple of its initial weights' rms; NaN (default): the
         * {@link #rangeFactor} of every tile. */
        public Builder classifierRangeFactor(double f) {
            if (!Double.isNaN(f) && (!(f > 0) || !Double.isFinite(f))) {
                throw new IllegalArgumentException("classifier range factor must be finite and > 0, got " + f);
            }
            this.classifierRangeFactor = f;
            return this;
        }

        /**
         * Multiplier of the configuration's decoupled weight decay on the device tiles under the pulsed algorithms
         * (default 1). The decay per step is lr x wd, not scaled by {@link #deviceLrScale}, so at a device lr
         * scale s the decay weighs 1/s times more against the gradient than in float training; under BatchNorm
         * that shrinks the conv tiles to a few pulse steps. A scale of s restores the float balance. It sets the
         * default pulse settings; settings given to {@link #pulses} carry their own decay, and hardware-aware
         * training decays its float masters through the digital optimiser instead.
         */
        public Builder weightDecayScale(double s) {
            if (!(s >= 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("device weight-decay scale must be finite and >= 0, got " + s);
            }
            this.weightDecayScale = s;
            return this;
        }

        /** Digital momentum of the mixed-precision accumulator (default 0, as Nandakumar et al.). */
        public Builder momentum(double m, boolean nesterovForm) {
            this.momentum = m;
            this.nesterov = nesterovForm;
            return this;
        }

        public Builder transfer(MixedPrecision.Transfer t) {
            this.transfer = t;
            return this;
        }

        /** Weight noise of hardware-aware training, fraction of the range (default: the device's c2c sigma
         * combined with the read noise). */
        public Builder hardwareNoise(float sigma) {
            this.hardwareNoise = sigma;
            return this;
        }

        /** Steps between refresh checks of the default pulse settings (default 100; 0 = never). */
        public Builder refreshEvery(int steps) {
            if (steps < 0) {
                throw new IllegalArgumentException("refresh interval must be >= 0, got " + steps);
            }
            this.refreshEvery = steps;
            return this;
        }

        /** Re-ranging factor of the default pulse settings (0 = off; see {@link PulseOptions#rerange}). */
        public Builder rerange(double factor) {
            if (!(factor >= 0) || !Double.isFinite(factor)) {
                throw new IllegalArgumentException("re-range factor must be finite and >= 0, got " + factor);
            }
            this.rerange = factor;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public AllSpin build(TrainConfig cfg) {
            if (synapse != null && cfg.lookaheadEvery() > 0 && algorithm == Algorithm.HARDWARE_AWARE) {
                // Its forward weights are a quantised, noisy view of float masters: an average of that view
                // written back would be overwritten by the next forward.
                throw new IllegalArgumentException("Lookahead does not combine with hardware-aware training; "
                        + "use a configuration with lookaheadEvery = 0");
            }
            List<DeviceActivation> acts = new ArrayList<>();
            List<Param> deviceParams = new ArrayList<>();
            List<String> names = new ArrayList<>();
            classifierTile = -1;
            Sequential net = convert(source.net(), "", acts, deviceParams, names);
            boolean classifierOwn = !Double.isNaN(classifierLrScale) || !Double.isNaN(classifierRangeFactor);
            if (synapse != null && classifierOwn && classifierTile != deviceParams.size() - 1) {
                throw new IllegalArgumentException("classifier settings need a network whose last weight layer is "
                        + "a Linear classifier");
            }
            String suffix = (synapse != null ? "+syn(" + synapse.name() + ")" : "")
                    + (neuron != null ? "+neuron(" + neuron.table().name() + ")" : "");
            Model m = new Model(source.name() + suffix, net, source.inputShape(), source.whitenBias());
            if (synapse == null) {
                return new AllSpin(m, null, acts);
            }
            PulseOptions opts = options != null ? options
                    : PulseOptions.defaults(seed).withWeightDecay(cfg.weightDecay() * weightDecayScale);
            if (options == null && refreshEvery >= 0) {
                opts = opts.withRefresh(refreshEvery, opts.refreshThreshold());
            }
            if (options == null && rerange > 0) {
                opts = opts.withRerange(rerange);
            }
            List<float[]> floats = HardwareAware.snapshot(deviceParams);
            List<DevicePairWeights> tiles = new ArrayList<>();
            for (int k = 0; k < deviceParams.size(); k++) {
                Param p = deviceParams.get(k);
                double range = k == classifierTile && !Double.isNaN(classifierRangeFactor) ? classifierRangeFactor
                        : rangeFactor;
                tiles.add(new DevicePairWeights(names.get(k), p, synapse, DevicePairWeights.scaleFor(p, range),
                        mode, Noise.key(seed, 11, k)));
            }
            Set<Param> onDevices = Collections.newSetFromMap(new IdentityHashMap<>());
            onDevices.addAll(deviceParams);
            List<Param> digital = new ArrayList<>();
            for (Param p : net.params()) {
                if (!onDevices.contains(p)) {
                    digital.add(p);
                }
            }
            DeviceTraining t;
            switch (algorithm) {
                case HARDWARE_AWARE -> {
                    float noise = Float.isNaN(hardwareNoise)
                            ? (float) Math.hypot(synapse.cycleSigma(), opts.readNoise()) : hardwareNoise;
                    t = new HardwareAware(tiles, floats, inner(cfg, net.params()), noise, Noise.key(seed, 13));
                }
                case IN_SITU -> {
                    scale(deviceParams);
                    t = new InSituSgd(tiles, inner(cfg, digital), opts);
                }
                default -> {
                    scale(deviceParams);
                    t = new MixedPrecision(tiles, inner(cfg, digital), opts, momentum, nesterov, transfer);
                }
            }
            return new AllSpin(m, t, acts);
        }

        private void scale(List<Param> ps) {
            for (int k = 0; k < ps.size(); k++) {
                boolean own = k == classifierTile && !Double.isNaN(classifierLrScale);
                ps.get(k).lrScale = (float) (own ? classifierLrScale : deviceLrScale);
            }
        }

        private static Optimizer inner(TrainConfig cfg, List<Param> ps) {
            return cfg.optimizer().equals("adam")
                    ? new Adam(ps, cfg.momentum(), 0.999, 1e-8, cfg.weightDecay())
                    : new Sgd(ps, cfg.momentum(), true, cfg.weightDecay());
        }

        private Sequential convert(Sequential seq, String prefix, List<DeviceActivation> acts, List<Param> deviceParams,
                                   List<String> names) {
            List<Layer> out = new ArrayList<>();
            List<Layer> layers = seq.layers();
            for (int i = 0; i < layers.size(); i++) {
                Layer l = layers.get(i);
                String where = prefix + i;
                if (l instanceof Sequential s) {
                    out.add(convert(s, where + ".", acts, deviceParams, names));
                    continue;
                }
                if (l instanceof Activation && neuron != null) {
                    DeviceActivation a = new DeviceActivation(neuron, Noise.key(seed, 7, acts.size()), neuronSpread);
                    acts.add(a);
                    out.add(a);
                    continue;
                }
                Param w = l instanceof Conv2d c ? c.weight() : l instanceof Linear lin ? lin.weight() : null;
                if (w != null && w.trainable && synapse != null) {
                    classifierTile = l instanceof Linear ? deviceParams.size() : -1;
                    deviceParams.add(w);
                    names.add("layer" + where + " " + l.describe());
                }
                out.add(l);
            }
            return new Sequential(out);
        }
    }
}
