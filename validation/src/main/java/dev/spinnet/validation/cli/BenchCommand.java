package dev.spinnet.validation.cli;

import dev.spinnet.network.kernel.FmaPeak;
import dev.spinnet.network.kernel.GemmBenchmark;
import dev.spinnet.network.kernel.Parallel;
import dev.spinnet.network.layer.Celu;
import dev.spinnet.network.layer.Conv2d;
import dev.spinnet.network.tensor.Rng;
import dev.spinnet.network.train.Model;
import dev.spinnet.network.train.Models;
import dev.spinnet.network.train.Presets;
import dev.spinnet.network.train.StepBenchmark;
import dev.spinnet.network.train.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code spinnet bench}: GEMM GFLOP/s on the CIFAR net's conv shapes, and whole training steps. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Speed benchmarks: the GEMM kernel on the CIFAR-10 net's conv shapes (forward and both",
                "backward products, 1 and 2 threads) and the whole CIFAR-10 training step, each as GFLOP/s and",
                "share of this machine's FMA peak, measured first: independent register-held vector FMAs",
                "(the GEMM kernel's species) on 1 and 2 threads."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--what", defaultValue = "all", description = "gemm, step or all (default: ${DEFAULT-VALUE})")
    String what;

    @Option(names = "--seconds", defaultValue = "1.5", description = "timed seconds per GEMM shape and thread count")
    double seconds;

    @Option(names = "--steps", defaultValue = "3", description = "timed training steps")
    int steps;

    @Option(names = "--batch", defaultValue = "512", description = "training-step batch size")
    int batch;

    @Option(names = "--net", defaultValue = "cifar10", description = "network of the step benchmark: cifar10 or mnist")
    String net;

    @Option(names = "--conv", defaultValue = "auto", description = ConvOption.DESCRIPTION
            + "; the step's GFLOP/s always count the direct convolution's FLOPs")
    String conv;

    @Option(names = "--record", description = "merge the figures into benchmarks/results.json")
    boolean record;

    @Override
    public Integer call() throws Exception {
        if (!List.of("gemm", "step", "all").contains(what)) {
            throw new IllegalArgumentException("--what must be gemm, step or all, got '" + what + "'");
        }
        if (!(seconds > 0) || !Double.isFinite(seconds) || steps < 1 || batch < 2) {
            throw new IllegalArgumentException("--seconds must be finite and > 0, --steps >= 1, --batch >= 2");
        }
        if (!List.of("cifar10", "mnist").contains(net)) {
            // checked before the GEMM part, which would otherwise run for a minute first
            throw new IllegalArgumentException("--net must be cifar10 or mnist, got '" + net + "'");
        }
        Conv2d.setAlgorithm(ConvOption.parse(conv));
        System.out.println("machine: " + CliSupport.machine());
        Map<String, Double> figs = new LinkedHashMap<>();
        FmaPeak.Result peak = FmaPeak.measure(2, 1.5);
        double peak1 = peak.gflopsOneThread();
        double peak2 = peak.gflopsAllThreads();
        System.out.printf(Locale.ROOT, "measured FMA peak (%s): %.1f GFLOP/s on 1 thread, %.1f on 2 threads;"
                + " shares below are of these%n", FmaPeak.speciesName(), peak1, peak2);
        figs.put("fma_peak_gflops_1thread", peak1);
        figs.put("fma_peak_gflops_2threads", peak2);
        if (!what.equals("step")) {
            List<GemmBenchmark.Result> rs = GemmBenchmark.run(GemmBenchmark.cifarShapes(), seconds, peak);
            double sum1 = 0;
            double sum2 = 0;
            for (GemmBenchmark.Result r : rs) {
                sum1 += r.gflopsSingle();
                sum2 += r.gflopsParallel2();
            }
            double mean1 = sum1 / rs.size();
            double mean2 = sum2 / rs.size();
            System.out.printf(Locale.ROOT, "GEMM mean over %d CIFAR conv shapes: %.1f GFLOP/s on 1 thread (%.0f%% of peak),"
                            + " %.1f GFLOP/s on 2 threads (%.0f%% of peak)%n", rs.size(), mean1,
                    100 * mean1 / peak1, mean2, 100 * mean2 / peak2);
            figs.put("gemm_gflops_1thread", mean1);
            figs.put("gemm_gflops_2threads", mean2);
        }
        if (!what.equals("gemm")) {
            Presets p = Presets.of(net, "default");
            Rng r = new Rng(5);
            int n = 64;
            int ch = net.equals("mnist") ? 1 : 3;
            int hw = net.equals("mnist") ? 28 : 32;
            float[] img = new float[n * ch * hw * hw];
            for (int i = 0; i < img.length; i++) {
                img[i] = (float) r.nextGaussian();
            }
            TrainingData whiten = new TrainingData(n, ch, hw, hw, img, new int[n], 10);
            Model m = net.equals("mnist")
                    ? Models.mnist(p.widths()[0], p.widths()[1], p.widths()[2], new Celu(p.celuAlpha()), 1)
                    : Models.airbench(p.widths(), new Celu(p.celuAlpha()), whiten, 1);
            System.out.printf(Locale.ROOT, "%s training step, %s, %d threads:%n", net, m.name(), Parallel.threads());
            int epochImages = net.equals("mnist") ? 60_000 : 50_000;
            StepBenchmark.Result s = StepBenchmark.run(m, batch, 1, steps, System.out);
            if (m.whitenBias() != null) {
                // The recipe trains the whitening bias for its first epochs only; after that the first 3x3
                // convolution skips its input gradient, so the run's average step is what training sees.
                int learning = p.config().whitenBiasEpochs();
                int epochs = p.config().epochs();
                System.out.printf(Locale.ROOT, "that step is epochs 1-%d's (whitening bias learning); epochs %d-%d,"
                        + " with the bias frozen:%n", learning, learning + 1, epochs);
                m.whitenBias().trainable = false;
                StepBenchmark.Result frozen = StepBenchmark.run(m, batch, 1, steps, null);
                double mean = (learning * s.secondsPerStep() + (epochs - learning) * frozen.secondsPerStep()) / epochs;
                System.out.printf(Locale.ROOT, "step: batch %d, %.3f s, %.1f GFLOP/s; mean over the recipe's %d epochs:"
                                + " %.3f s%n", batch, frozen.secondsPerStep(), frozen.gflops(), epochs, mean);
                s = new StepBenchmark.Result(batch / mean, s.gflops() * s.secondsPerStep() / mean, mean, batch);
            }
            System.out.printf(Locale.ROOT, "whole step: %.1f GFLOP/s = %.0f%% of the 2-thread FMA peak; %.0f images/s;"
                            + " an epoch of %,d images takes %.0f s%n", s.gflops(), 100 * s.gflops() / peak2,
                    s.imagesPerSecond(), epochImages, epochImages / s.imagesPerSecond());
            if (Conv2d.algorithm() != Conv2d.ConvAlgorithm.GEMM) {
                System.out.println("(GFLOP/s count the direct convolution's FLOPs: effective figures for the layers that"
                        + " run as Winograd F(2x2,3x3), which execute ~2.25x fewer; --conv gemm for executed FLOPs)");
            }
            figs.put(net + "_train_step_gflops", s.gflops());
            figs.put(net + "_train_images_per_second", s.imagesPerSecond());
        }
        if (record) {
            ResultsFile.merge(ResultsFile.defaultPath(), figs, "./spinnet bench --what " + what
                    + " --net " + net + " --conv " + conv + " --seconds " + seconds + " --steps " + steps
                    + " --batch " + batch + " --record");
            System.out.println("recorded in " + ResultsFile.defaultPath());
        }
        return 0;
    }
}
