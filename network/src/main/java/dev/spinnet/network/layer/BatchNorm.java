package dev.spinnet.network.layer;

import dev.spinnet.network.kernel.Parallel;
import dev.spinnet.network.kernel.Reduce;
import dev.spinnet.network.tensor.Tensor;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Batch normalisation over N (and H, W for 4-D input) per channel. Training uses batch
 * statistics and updates running ones with PyTorch's convention
 * {@code running = (1 - momentum) * running + momentum * batch} (unbiased variance); evaluation
 * uses the running statistics. With a frozen scale, gamma stays 1 (airbench).
 */
public final class BatchNorm implements Layer {
    /**
     * Shortest per-image run (H*W) summed with vector kernels; shorter ones (the 2-D case after a
     * linear layer has runs of 1) are faster as inline scalar loops.
     */
    private static final int VECTOR_RUN = 8;

    private final int channels;
    private final float momentum;
    private final float eps;
    private final Param gamma;
    private final Param beta;
    private final float[] runningMean;
    private final float[] runningVar;

    private Tensor input;
    private Tensor output;
    private Tensor gradInput;
    private final float[] mean;
    private final float[] invStd;

    public BatchNorm(int channels, float momentum, float eps, boolean frozenScale) {
        if (channels <= 0 || !(momentum >= 0 && momentum <= 1) || !(eps > 0)) {
            throw new IllegalArgumentException("batchnorm: bad channels=" + channels + " momentum=" + momentum
                    + " eps=" + eps);
        }
        this.channels = channels;
        this.momentum = momentum;
        this.eps = eps;
        this.gamma = new Param("gamma", channels);
        this.beta = new Param("beta", channels);
        Arrays.fill(gamma.value, 1f);
        gamma.decay = false;
        beta.decay = false;
        gamma.trainable = !frozenScale;
        this.runningMean = new float[channels];
        this.runningVar = new float[channels];
        Arrays.fill(runningVar, 1f);
        this.mean = new float[channels];
        this.invStd = new float[channels];
    }

    public Param gamma() {
        return gamma;
    }

    public Param beta() {
        return beta;
    }

    public float[] runningMean() {
        return runningMean;
    }

    public float[] runningVar() {
        return runningVar;
    }

    @Override
    public int[] outputShape(int[] s) {
        if ((s.length != 4 && s.length != 2) || s[1] != channels) {
            throw new IllegalArgumentException("batchnorm expects [N," + channels + "(,H,W)], got " + Arrays.toString(s));
        }
        return s.clone();
    }

    private static int spatial(Tensor t) {
        return t.rank() == 4 ? t.dim(2) * t.dim(3) : 1;
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        outputShape(x.shape());
        input = x;
        output = Tensor.reuse(output, x.shape());
        final int n = x.dim(0);
        final int hw = spatial(x);
        final int stride = channels * hw;
        final float[] xd = x.data;
        final float[] yd = output.data;
        final long count = (long) n * hw;
        if (training && count < 2) {
            throw new IllegalArgumentException("batchnorm in training needs more than one value per channel");
        }
        Parallel.forRange(channels, count * 4, (part, c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                float m;
                float is;
                if (training) {
                    // Two passes (mean, then squared deviations): no cancellation.
                    double mu = channelSum(xd, n, stride, c * hw, hw) / count;
                    double v = channelSquaredDeviation(xd, n, stride, c * hw, hw, (float) mu);
                    double var = v / count;
                    m = (float) mu;
                    is = (float) (1.0 / Math.sqrt(var + eps));
                    mean[c] = m;
                    invStd[c] = is;
                    runningMean[c] = (1 - momentum) * runningMean[c] + momentum * m;
                    runningVar[c] = (float) ((1 - momentum) * runningVar[c] + momentum * var * count / (count - 1));
                } else {
                    m = runningMean[c];
                    is = (float) (1.0 / Math.sqrt(runningVar[c] + eps));
                }
                float g = gamma.value[c] * is;
                float sh = beta.value[c] - m * g;
                for (int b = 0; b < n; b++) {
                    int base = b * stride + c * hw;
                    for (int i = base; i < base + hw; i++) {
                        yd[i] = xd[i] * g + sh;
                    }
                }
            }
        });
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        final Tensor x = input;
        gradInput = Tensor.reuse(gradInput, x.shape());
        final int n = x.dim(0);
        final int hw = spatial(x);
        final int stride = channels * hw;
        final float[] xd = x.data;
        final float[] dy = gradOut.data;
        final float[] dx = gradInput.data;
        final long count = (long) n * hw;
        Parallel.forRange(channels, count * 6, (part, c0, c1) -> {
            for (int c = c0; c < c1; c++) {
                float m = mean[c];
                float is = invStd[c];
                double sdy = channelSum(dy, n, stride, c * hw, hw);
                double sdyx = channelProductCentered(dy, xd, n, stride, c * hw, hw, m);
                float sumDy = (float) sdy;
                float sumDyXhat = (float) (sdyx * is);
                if (gamma.trainable) {
                    gamma.grad[c] += sumDyXhat;
                }
                beta.grad[c] += sumDy;
                float g = gamma.value[c];
                // dx = g*is/M * (M*dy - sum(dy) - xhat*sum(dy*xhat))
                float k1 = g * is;
                float meanDy = sumDy / count;
                float k2 = sumDyXhat / count * is;
                for (int b = 0; b < n; b++) {
                    int base = b * stride + c * hw;
                    for (int i = base; i < base + hw; i++) {
                        dx[i] = k1 * (dy[i] - meanDy - (xd[i] - m) * k2);
                    }
                }
            }
        });
        return gradInput;
    }

    // Sums of one channel over the batch: per-image runs of H*W values (vector kernels in a
    // fixed order, see Reduce) added in double, exact enough for large N*H*W and reproducible.

    private static double channelSum(float[] a, int n, int stride, int off, int hw) {
        double s = 0;
        for (int b = 0; b < n; b++) {
            int base = b * stride + off;
            if (hw >= VECTOR_RUN) {
                s += Reduce.sum(a, base, hw);
            } else {
                for (int i = base; i < base + hw; i++) {
                    s += a[i];
                }
            }
        }
        return s;
    }

    /** {@code sum((a - m)^2)} of one channel over the batch. */
    private static double channelSquaredDeviation(float[] a, int n, int stride, int off, int hw, float m) {
        double s = 0;
        for (int b = 0; b < n; b++) {
            int base = b * stride + off;
            if (hw >= VECTOR_RUN) {
                s += Reduce.sumSquaredDeviation(a, base, hw, m);
            } else {
                for (int i = base; i < base + hw; i++) {
                    float d = a[i] - m;
                    s += d * d;
                }
            }
        }
        return s;
    }

    /** {@code sum(g * (x - m))} of one channel over the batch. */
    private static double channelProductCentered(float[] g, float[] x, int n, int stride, int off, int hw, float m) {
        double s = 0;
        for (int b = 0; b < n; b++) {
            int base = b * stride + off;
            if (hw >= VECTOR_RUN) {
                s += Reduce.sumProductCentered(g, x, base, hw, m);
            } else {
                for (int i = base; i < base + hw; i++) {
                    s += g[i] * (x[i] - m);
                }
            }
        }
        return s;
    }

    @Override
    public List<Param> params() {
        List<Param> ps = new ArrayList<>();
        ps.add(gamma);
        ps.add(beta);
        return ps;
    }

    @Override
    public List<float[]> buffers() {
        return List.of(runningMean, runningVar);
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        for (int c = 0; c < channels; c++) {
            out.writeFloat(runningMean[c]);
            out.writeFloat(runningVar[c]);
        }
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        for (int c = 0; c < channels; c++) {
            runningMean[c] = in.readFloat();
            runningVar[c] = in.readFloat();
        }
    }

    @Override
    public String describe() {
        return "BatchNorm(" + channels + (gamma.trainable ? "" : ", frozen scale") + ")";
    }
}
