package dev.spinnet.network.train;

import dev.spinnet.network.layer.Layer;
import dev.spinnet.network.layer.Param;
import dev.spinnet.network.loss.SoftmaxCrossEntropy;
import dev.spinnet.network.optim.Sgd;
import dev.spinnet.network.tensor.Rng;
import dev.spinnet.network.tensor.Tensor;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Times whole training steps (forward, loss, backward, SGD update) of a model on random data,
 * and each layer's forward and backward, reporting GFLOP/s with a step counted as three
 * forward passes (2 FLOP per multiply-add), the usual convention.
 */
public final class StepBenchmark {
    private StepBenchmark() {
    }

    public record Result(double imagesPerSecond, double gflops, double secondsPerStep, int batch) {
    }

    /**
     * Times {@code timedSteps} steps after {@code warmupSteps}; with a non-null {@code out}, prints the per-layer
     * table and the step's line there.
     */
    public static Result run(Model model, int batch, int warmupSteps, int timedSteps, PrintStream out) {
        int[] in = model.inputShape();
        int size = in[0] * in[1] * in[2];
        Rng r = new Rng(42);
        float[] x = new float[batch * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = r.nextInt(10);
        }
        Tensor input = new Tensor(x, batch, in[0], in[1], in[2]);
        List<Param> params = model.net().params();
        Sgd opt = new Sgd(params, 0.85, true, 0);
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(0.2f);
        List<Layer> layers = model.net().layers();
        long[] fwdNanos = new long[layers.size()];
        long[] bwdNanos = new long[layers.size()];
        Tensor grad = null;
        long total = 0;
        for (int s = 0; s < warmupSteps + timedSteps; s++) {
            boolean timed = s >= warmupSteps;
            long s0 = System.nanoTime();
            model.net().zeroGrad();
            Tensor t = input;
            for (int i = 0; i < layers.size(); i++) {
                long a = System.nanoTime();
                t = layers.get(i).forward(t, true);
                if (timed) {
                    fwdNanos[i] += System.nanoTime() - a;
                }
            }
            grad = Tensor.reuse(grad, t.shape());
            loss.lossAndGrad(t, labels, grad);
            Tensor g = grad;
            for (int i = layers.size() - 1; i >= 0 && g != null; i--) {
                long a = System.nanoTime();
                g = layers.get(i).backward(g, model.net().inputGradientNeeded(i, false));
                if (timed) {
                    bwdNanos[i] += System.nanoTime() - a;
                }
            }
            opt.step(1e-3);
            if (timed) {
                total += System.nanoTime() - s0;
            }
        }
        double perStep = total / 1e9 / timedSteps;
        double flopsPerStep = 6.0 * model.forwardMacsPerImage() * batch;
        Result res = new Result(batch / perStep, flopsPerStep / perStep / 1e9, perStep, batch);
        if (out == null) {
            return res;
        }
        int[] shape = {batch, in[0], in[1], in[2]};
        out.printf(Locale.ROOT, "%-40s %12s %10s %10s %10s %10s%n", "layer", "fwd MFLOP/img", "fwd ms", "fwd GF/s",
                "bwd ms", "bwd GF/s");
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            double flop = 2.0 * l.forwardMacsPerItem(shape) * batch;
            double fms = fwdNanos[i] / 1e6 / timedSteps;
            double bms = bwdNanos[i] / 1e6 / timedSteps;
            // Backward of a GEMM layer is two GEMMs of the forward's size (one when the input
            // gradient is not needed); memory-bound layers report time only.
            out.printf(Locale.ROOT, "%-40s %12.2f %10.2f %10s %10.2f %10s%n", l.describe(), flop / batch / 1e6, fms,
                    flop > 0 ? String.format(Locale.ROOT, "%.1f", flop / (fms * 1e6)) : "-", bms,
                    flop > 0 ? String.format(Locale.ROOT, "%.1f", 2 * flop / (bms * 1e6)) : "-");
            shape = l.outputShape(shape);
        }
        out.printf(Locale.ROOT, "step: batch %d, %.3f s, %.0f images/s, %.1f GFLOP/s (3 x forward FLOPs)%n", batch,
                perStep, res.imagesPerSecond(), res.gflops());
        return res;
    }
}
