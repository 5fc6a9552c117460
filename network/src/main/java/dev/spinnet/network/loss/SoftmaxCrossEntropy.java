package dev.spinnet.network.loss;

import dev.spinnet.network.tensor.Tensor;

/**
 * Mean softmax cross-entropy with label smoothing: the target is
 * {@code (1 - eps) onehot + eps / K}. The gradient with respect to the logits is
 * {@code (softmax - target) / N}.
 */
public final class SoftmaxCrossEntropy {
    private final float smoothing;

    public SoftmaxCrossEntropy(float smoothing) {
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new IllegalArgumentException("label smoothing must be in [0, 1), got " + smoothing);
        }
        this.smoothing = smoothing;
    }

    /**
     * @param logits [N, K]
     * @param labels N labels in [0, K)
     * @param grad   [N, K] output: gradient of the mean loss (may be null)
     * @return mean loss
     */
    public double lossAndGrad(Tensor logits, int[] labels, Tensor grad) {
        int n = logits.dim(0);
        int k = logits.dim(1);
        if (labels.length < n) {
            throw new IllegalArgumentException("got " + labels.length + " labels for " + n + " logits rows");
        }
        double total = 0;
        float off = smoothing / k;
        float on = 1 - smoothing + off;
        float[] z = logits.data;
        for (int b = 0; b < n; b++) {
            int base = b * k;
            int y = labels[b];
            if (y < 0 || y >= k) {
                throw new IllegalArgumentException("label " + y + " out of range [0," + k + ")");
            }
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, z[base + j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += Math.exp(z[base + j] - max);
            }
            double logSum = Math.log(sum) + max;
            double loss = 0;
            for (int j = 0; j < k; j++) {
                double logp = z[base + j] - logSum;
                float target = j == y ? on : off;
                loss -= target * logp;
                if (grad != null) {
                    grad.data[base + j] = (float) ((Math.exp(logp) - target) / n);
                }
            }
            total += loss;
        }
        return total / n;
    }
}
