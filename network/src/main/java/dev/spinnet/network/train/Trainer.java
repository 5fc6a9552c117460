package dev.spinnet.network.train;

import dev.spinnet.network.layer.Conv2d;
import dev.spinnet.network.layer.Param;
import dev.spinnet.network.layer.Sequential;
import dev.spinnet.network.loss.SoftmaxCrossEntropy;
import dev.spinnet.network.optim.Adam;
import dev.spinnet.network.optim.LrSchedule;
import dev.spinnet.network.optim.Optimizer;
import dev.spinnet.network.optim.Sgd;
import dev.spinnet.network.optim.WeightAverage;
import dev.spinnet.network.tensor.Rng;
import dev.spinnet.network.tensor.Tensor;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Mini-batch training with per-epoch progress, a metrics CSV and a checkpoint after every
 * epoch. All randomness is derived from (seed, epoch, image), so a run resumed from a
 * checkpoint continues exactly as the uninterrupted run would have.
 */
public final class Trainer {
    /**
     * Version 2 added the final test evaluation of a finished run, so that resuming one returns its result without
     * evaluating again (which would charge the device neurons' energy a second time), and holds the epoch metrics at
     * full precision instead of as CSV lines.
     */
    private static final String CHECKPOINT_MAGIC = "SPINNET-CKPT-3";
    public static final String CHECKPOINT_FILE = "checkpoint.bin";
    public static final String METRICS_FILE = "metrics.csv";
    private static final String CSV_HEADER = "epoch,train_loss,train_accuracy_percent,test_loss,test_accuracy_percent,"
            + "learning_rate,images_per_second,epoch_seconds,elapsed_seconds";

    /** One epoch's figures; test figures are NaN when the epoch was not evaluated. */
    public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testLoss,
                               double testAccuracy, double learningRate, double imagesPerSecond,
                               double epochSeconds, double elapsedSeconds) {
        String csv() {
            return String.format(Locale.ROOT, "%d,%.6f,%.4f,%.6f,%.4f,%.6g,%.1f,%.3f,%.3f", epoch, trainLoss,
                    100 * trainAccuracy, testLoss, 100 * testAccuracy, learningRate, imagesPerSecond, epochSeconds,
                    elapsedSeconds);
        }

        /** Full precision, so that a resumed run reports exactly the figures of the straight run. */
        void write(DataOutputStream out) throws IOException {
            out.writeInt(epoch);
            for (double v : new double[] {trainLoss, trainAccuracy, testLoss, testAccuracy, learningRate,
                    imagesPerSecond, epochSeconds, elapsedSeconds}) {
                out.writeDouble(v);
            }
        }

        static EpochMetrics read(DataInputStream in) throws IOException {
            return new EpochMetrics(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                    in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
        }
    }

    /** Outcome of a run: final test figures and the wall time spent training (all sessions). */
    public record Result(TrainConfig config, List<EpochMetrics> history, Evaluation.Result test, double trainSeconds,
                         double trainGflops, boolean resumed) {
    }

    /** Thrown when a run stops on request after a checkpoint (a stand-in for a kill in tests). */
    public static final class StoppedException extends RuntimeException {
        StoppedException(int epoch) {
            super("stopped after epoch " + epoch + " as requested; continue with --resume");
        }
    }

    /**
     * Observers of the training loop, for training that keeps weights outside the Params (device
     * synapses): called before each training forward, before each evaluation, and after each
     * epoch's log line. The default does nothing.
     */
    public interface Hooks {
        default void beforeForward() {
        }

        default void beforeEvaluation() {
        }

        default void afterEpoch(int epoch, PrintStream log) {
        }
    }

    private static final Hooks NO_HOOKS = new Hooks() {
    };

    private final Model model;
    private final TrainConfig cfg;
    private final PrintStream log;
    private int stopAfter = Integer.MAX_VALUE;
    private Optimizer external;
    private Hooks hooks = NO_HOOKS;

    public Trainer(Model model, TrainConfig cfg, PrintStream log) {
        this.model = model;
        this.cfg = cfg;
        this.log = log;
    }

    /** Stops the run (throwing {@link StoppedException}) once this many epochs are checkpointed. */
    public Trainer stopAfterEpoch(int epochs) {
        this.stopAfter = epochs;
        return this;
    }

    /**
     * Uses this optimiser (built over the model's parameters) instead of the one the configuration
     * names; its {@code toString()} becomes part of the checkpoint fingerprint.
     */
    public Trainer withOptimizer(Optimizer optimizer) {
        this.external = optimizer;
        return this;
    }

    public Trainer withHooks(Hooks h) {
        this.hooks = h == null ? NO_HOOKS : h;
        return this;
    }

    public Result train(TrainingData train, TrainingData test, Path outDir, boolean resume) throws IOException {
        Sequential net = model.net();
        List<Param> params = net.params();
        Optimizer opt = external != null ? external : cfg.optimizer().equals("adam")
                ? new Adam(params, cfg.momentum(), 0.999, 1e-8, cfg.weightDecay())
                : new Sgd(params, cfg.momentum(), true, cfg.weightDecay());
        for (Param p : params) {
            if (p.name.equals("beta")) {
                p.lrScale = (float) cfg.biasLrScale();
            }
        }
        WeightAverage lookahead = cfg.lookaheadEvery() > 0 ? new WeightAverage(params, net.buffers()) : null;
        LrSchedule schedule = LrSchedule.warmupLinear(cfg.warmup(), cfg.startFactor(), cfg.endFactor());
        SoftmaxCrossEntropy lossFn = new SoftmaxCrossEntropy((float) cfg.labelSmoothing());
        Augment augment = new Augment(cfg.flip(), cfg.translate());

        int stepsPerEpoch = (train.n + cfg.batchSize() - 1) / cfg.batchSize();
        long totalSteps = (long) stepsPerEpoch * cfg.epochs();
        List<EpochMetrics> history = new ArrayList<>();
        int startEpoch = 0;
        double previousSeconds = 0;
        Path ckpt = outDir == null ? null : outDir.resolve(CHECKPOINT_FILE);
        boolean resumed = false;
        if (outDir != null) {
            AtomicFiles.deleteStale(outDir); // half-written checkpoints of a killed run: never read, just removed
        }
        Evaluation.Result last = null;
        if (resume && ckpt != null && Files.exists(ckpt)) {
            Evaluation.Result[] finalTest = new Evaluation.Result[1];
            startEpoch = readCheckpoint(ckpt, fingerprint(train, test), net, opt, lookahead, history, finalTest);
            last = finalTest[0];
            previousSeconds = history.isEmpty() ? 0 : history.get(history.size() - 1).elapsedSeconds();
            resumed = true;
            log.printf(Locale.ROOT, "resuming %s from %s after epoch %d of %d%n", cfg.name(), ckpt, startEpoch,
                    cfg.epochs());
        } else if (resume) {
            log.println("no checkpoint in " + outDir + "; starting from scratch");
        }
        if (outDir != null) {
            writeCsv(outDir.resolve(METRICS_FILE), history);
        }

        int size = train.imageSize();
        float[] batchData = new float[cfg.batchSize() * size];
        int[] batchLabels = new int[cfg.batchSize()];
        Tensor grad = null;
        double flopsPerImage = 6.0 * model.forwardMacsPerImage();
        long t0 = System.nanoTime();
        for (int epoch = startEpoch; epoch < cfg.epochs(); epoch++) {
            long e0 = System.nanoTime();
            if (model.whitenBias() != null) {
                model.whitenBias().trainable = epoch < cfg.whitenBiasEpochs();
            }
            int[] order = Rng.of(cfg.seed(), epoch, -1).permutation(train.n);
            double lossSum = 0;
            long correct = 0;
            long seen = 0;
            double lr = 0;
            long lastStatus = System.nanoTime();
            boolean resetAtLastStep = false;
            for (int s = 0; s < stepsPerEpoch; s++) {
                int from = s * cfg.batchSize();
                int count = Math.min(cfg.batchSize(), train.n - from);
                if (count < 2) {
                    continue;
                }
                long step = (long) epoch * stepsPerEpoch + s;
                augment.batch(train, order, from, count, cfg.seed(), epoch, batchData, batchLabels);
                Tensor x = new Tensor(batchData, count, train.channels, train.height, train.width);
                net.zeroGrad();
                hooks.beforeForward();
                Tensor logits = net.forward(x, true);
                grad = Tensor.reuse(grad, logits.shape());
                double loss = lossFn.lossAndGrad(logits, batchLabels, grad);
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException(String.format(Locale.ROOT,
                            "training diverged: loss is %s at epoch %d step %d (lower the learning rate)",
                            loss, epoch + 1, s));
                }
                correct += countCorrect(logits, batchLabels, count);
                lossSum += loss * count;
                seen += count;
                net.backward(grad, false); // the data's own gradient is never used
                lr = cfg.lr() * schedule.factor((double) step / totalSteps);
                opt.step(lr);
                resetAtLastStep = lookahead != null && (step + 1) % cfg.lookaheadEvery() == 0;
                if (resetAtLastStep) {
                    double progress = (double) (step + 1) / totalSteps;
                    lookahead.update(Math.pow(0.95, cfg.lookaheadEvery()) * progress * progress * progress);
                    lookahead.load(opt);
                }
                long now = System.nanoTime();
                if (now - lastStatus > 20e9) {
                    lastStatus = now;
                    double el = (now - e0) / 1e9;
                    log.printf(Locale.ROOT, "  epoch %d/%d  step %d/%d  loss %.4f  %.0f img/s%n", epoch + 1,
                            cfg.epochs(), s + 1, stepsPerEpoch, lossSum / seen, seen / el);
                }
            }
            // The final load makes the weights the average; right after a reset they already are (for floats it
            // would copy them onto themselves; on devices it would pulse the reset's sub-pulse rest a second time).
            if (lookahead != null && epoch == cfg.epochs() - 1 && !resetAtLastStep) {
                lookahead.update(1.0);
                lookahead.load(opt);
            }
            double trainSeconds = (System.nanoTime() - e0) / 1e9;
            boolean evaluate = epoch == cfg.epochs() - 1 || (epoch + 1) % cfg.evalEvery() == 0;
            double testAcc = Double.NaN;
            double testLoss = Double.NaN;
            if (evaluate) {
                hooks.beforeEvaluation();
                last = Evaluation.evaluate(net, test, 500, epoch == cfg.epochs() - 1 ? cfg.ttaLevel() : 0);
                testAcc = last.accuracy();
                testLoss = last.meanLoss();
            }
            double epochSeconds = (System.nanoTime() - e0) / 1e9;
            double elapsed = previousSeconds + (System.nanoTime() - t0) / 1e9;
            EpochMetrics m = new EpochMetrics(epoch + 1, lossSum / seen, (double) correct / seen, testLoss, testAcc, lr,
                    seen / trainSeconds, epochSeconds, elapsed);
            history.add(m);
            double eta = (cfg.epochs() - epoch - 1) * (elapsed / (epoch + 1));
            log.printf(Locale.ROOT, "epoch %2d/%d  loss %.4f  train %.2f%%  test %s  lr %.3g  %.0f img/s  "
                            + "%.1f s  elapsed %s  ETA %s%n", epoch + 1, cfg.epochs(), m.trainLoss(),
                    100 * m.trainAccuracy(), evaluate ? String.format(Locale.ROOT, "%.2f%%", 100 * testAcc) : "-",
                    lr, m.imagesPerSecond(), epochSeconds, clock(elapsed), clock(eta));
            hooks.afterEpoch(epoch + 1, log);
            if (outDir != null) {
                writeCsv(outDir.resolve(METRICS_FILE), history);
                writeCheckpoint(ckpt, fingerprint(train, test), epoch + 1, net, opt, lookahead, history,
                        epoch == cfg.epochs() - 1 ? last : null);
            }
            if (epoch + 1 >= stopAfter && epoch + 1 < cfg.epochs()) {
                throw new StoppedException(epoch + 1);
            }
        }
        if (last == null) {
            hooks.beforeEvaluation();
            last = Evaluation.evaluate(net, test, 500, cfg.ttaLevel());
        }
        double total = history.isEmpty() ? 0 : history.get(history.size() - 1).elapsedSeconds();
        double trainOnly = history.stream().mapToDouble(h -> h.epochSeconds()).sum();
        double gflops = flopsPerImage * train.n * history.size() / 1e9 / Math.max(trainOnly, 1e-9);
        return new Result(cfg, history, last, total, gflops, resumed);
    }

    private static int countCorrect(Tensor logits, int[] labels, int count) {
        int k = logits.dim(1);
        int correct = 0;
        for (int i = 0; i < count; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (logits.data[i * k + c] > logits.data[i * k + best]) {
                    best = c;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
        }
        return correct;
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    /**
     * What a checkpoint must match to be resumed: the configuration, the network, the external optimiser and
     * the training and evaluation data (format 3; before it the data were not named, so a run could be resumed
     * on another dataset folder or hold-out split without notice).
     */
    private String fingerprint(TrainingData train, TrainingData test) {
        // The convolution algorithm changes the rounding, so a resume under another one would not reproduce
        // the straight run.
        return cfg.toString() + "|" + model.summary() + "|conv=" + Conv2d.algorithm()
                + (external == null ? "" : "|" + external)
                + "|train=" + train.fingerprint() + "|eval=" + test.fingerprint();
    }

    private static void writeCsv(Path file, List<EpochMetrics> history) throws IOException {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (EpochMetrics m : history) {
            sb.append(m.csv()).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    private void writeCheckpoint(Path file, String fingerprint, int epochsDone, Sequential net, Optimizer opt,
                                 WeightAverage lookahead,
                                 List<EpochMetrics> history, Evaluation.Result finalTest) throws IOException {
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            out.writeUTF(CHECKPOINT_MAGIC);
            writeLongString(out, fingerprint);
            out.writeInt(epochsDone);
            List<Param> params = net.params();
            out.writeInt(params.size());
            for (Param p : params) {
                out.writeInt(p.size());
                for (float v : p.value) {
                    out.writeFloat(v);
                }
            }
            net.writeState(out);
            opt.writeState(out);
            out.writeBoolean(lookahead != null);
            if (lookahead != null) {
                lookahead.writeState(out);
            }
            out.writeInt(history.size());
            for (EpochMetrics m : history) {
                m.write(out);
            }
            out.writeBoolean(finalTest != null);
            if (finalTest != null) {
                writeEvaluation(out, finalTest);
            }
            out.writeUTF("END");
            out.flush();
        });
    }

    private int readCheckpoint(Path file, String fingerprint, Sequential net, Optimizer opt,
                               WeightAverage lookahead,
                               List<EpochMetrics> history, Evaluation.Result[] finalTest) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            String magic = in.readUTF();
            if (magic.startsWith("SPINNET-CKPT-") && !magic.equals(CHECKPOINT_MAGIC)) {
                throw new IOException("it has format " + magic + " and this version reads " + CHECKPOINT_MAGIC
                        + "; drop --resume to start again");
            }
            if (!CHECKPOINT_MAGIC.equals(magic)) {
                throw new IOException("not a spinnet checkpoint");
            }
            String stored = readLongString(in);
            if (!fingerprint.equals(stored)) {
                String settings = fingerprint.substring(0, fingerprint.indexOf("|train="));
                if (stored.startsWith(settings + "|train=")) {
                    throw new IOException("it was trained on other data (another dataset folder, format or --holdout"
                            + " split); give the interrupted run's data, or use another --out directory or drop --resume");
                }
                throw new IOException("it was written by a run with a different configuration or network; "
                        + "use another --out directory or drop --resume");
            }
            int epochs = in.readInt();
            List<Param> params = net.params();
            if (in.readInt() != params.size()) {
                throw new IOException("parameter count differs from the model");
            }
            // Held back until the states are read: device tiles rebuild their weights from their conductances
            // there, without the read noise of the weights the run last used.
            float[][] values = new float[params.size()][];
            for (int k = 0; k < params.size(); k++) {
                Param p = params.get(k);
                if (in.readInt() != p.size()) {
                    throw new IOException("parameter " + p.name + " size differs from the model");
                }
                values[k] = new float[p.size()];
                for (int i = 0; i < p.size(); i++) {
                    values[k][i] = in.readFloat();
                }
            }
            net.readState(in);
            opt.readState(in);
            if (in.readBoolean() != (lookahead != null)) {
                throw new IOException("lookahead state mismatch");
            }
            if (lookahead != null) {
                lookahead.readState(in);
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                history.add(EpochMetrics.read(in));
            }
            if (in.readBoolean()) {
                finalTest[0] = readEvaluation(in);
            }
            if (!"END".equals(in.readUTF())) {
                throw new IOException("missing end marker");
            }
            for (int k = 0; k < params.size(); k++) {
                System.arraycopy(values[k], 0, params.get(k).value, 0, values[k].length);
            }
            return epochs;
        } catch (java.io.EOFException e) {
            throw new IOException("checkpoint " + file + " is truncated", e);
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot resume from checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeEvaluation(DataOutputStream out, Evaluation.Result r) throws IOException {
        out.writeDouble(r.accuracy());
        out.writeDouble(r.meanLoss());
        out.writeInt(r.confusion().length);
        for (long[] row : r.confusion()) {
            for (long v : row) {
                out.writeLong(v);
            }
        }
    }

    private static Evaluation.Result readEvaluation(DataInputStream in) throws IOException {
        double accuracy = in.readDouble();
        double meanLoss = in.readDouble();
        int k = in.readInt();
        if (k < 0 || k > 1 << 12) {
            throw new IOException("corrupt confusion matrix size " + k);
        }
        long[][] confusion = new long[k][k];
        for (long[] row : confusion) {
            for (int j = 0; j < k; j++) {
                row[j] = in.readLong();
            }
        }
        return new Evaluation.Result(accuracy, confusion, meanLoss);
    }

    private static void writeLongString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLongString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 24) {
            throw new IOException("corrupt header");
        }
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new java.io.EOFException();
        }
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
