package dev.spinnet.network.train;

import dev.spinnet.network.layer.Layer;
import dev.spinnet.network.tensor.Tensor;

/**
 * Test-set evaluation in inference mode, optionally with test-time augmentation (airbench's
 * levels: 0 none; 1 average with the mirror image; 2 also one-pixel translations of both,
 * weighted half as much).
 */
public final class Evaluation {
    private Evaluation() {
    }

    /** Accuracy in [0, 1] and the confusion matrix [true][predicted]. */
    public record Result(double accuracy, long[][] confusion, double meanLoss) {
        /**
         * Accuracy in percent as one division of whole counts, so that a recorded figure reads 76.07 rather than
         * 100 x 0.7607 = 76.07000000000001; NaN for an empty matrix.
         */
        public double percentCorrect() {
            long correct = 0;
            long total = 0;
            for (int i = 0; i < confusion.length; i++) {
                for (int j = 0; j < confusion[i].length; j++) {
                    total += confusion[i][j];
                }
                correct += confusion[i][i];
            }
            return total == 0 ? Double.NaN : 100.0 * correct / total;
        }
    }

    public static Result evaluate(Layer model, TrainingData data, int batchSize, int ttaLevel) {
        int classes = data.classes;
        long[][] confusion = new long[classes][classes];
        int size = data.imageSize();
        int correct = 0;
        double lossSum = 0;
        float[] view = new float[batchSize * size];
        float[] logits = new float[batchSize * classes];
        for (int start = 0; start < data.n; start += batchSize) {
            int count = Math.min(batchSize, data.n - start);
            java.util.Arrays.fill(logits, 0f);
            addViews(model, data, start, count, ttaLevel, view, logits);
            for (int i = 0; i < count; i++) {
                int best = 0;
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    if (logits[i * classes + c] > max) {
                        max = logits[i * classes + c];
                        best = c;
                    }
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    sum += Math.exp(logits[i * classes + c] - max);
                }
                int y = data.labels[start + i];
                lossSum += Math.log(sum) + max - logits[i * classes + y];
                confusion[y][best]++;
                if (best == y) {
                    correct++;
                }
            }
        }
        return new Result((double) correct / data.n, confusion, lossSum / data.n);
    }

    private static void addViews(Layer model, TrainingData data, int start, int count, int tta, float[] view,
                                 float[] logits) {
        int size = data.imageSize();
        int[] shape = {count, data.channels, data.height, data.width};
        System.arraycopy(data.images, start * size, view, 0, count * size);
        if (tta <= 0) {
            accumulate(model, view, shape, logits, 1f);
            return;
        }
        float w = tta >= 2 ? 0.25f : 0.5f;
        accumulate(model, view, shape, logits, w);
        transform(data, start, count, 0, 0, true, view);
        accumulate(model, view, shape, logits, w);
        if (tta >= 2) {
            int[][] shifts = {{-1, -1}, {1, 1}};
            for (int[] s : shifts) {
                for (boolean flip : new boolean[]{false, true}) {
                    transform(data, start, count, s[0], s[1], flip, view);
                    accumulate(model, view, shape, logits, 0.125f);
                }
            }
        }
    }

    private static void transform(TrainingData data, int start, int count, int dx, int dy, boolean flip,
                                  float[] view) {
        int size = data.imageSize();
        for (int i = 0; i < count; i++) {
            Augment.copyShifted(data.images, (start + i) * size, view, i * size, data.channels, data.height,
                    data.width, dx, dy, flip);
        }
    }

    private static void accumulate(Layer model, float[] view, int[] shape, float[] logits, float weight) {
        Tensor out = model.forward(new Tensor(view, shape), false);
        for (int i = 0; i < out.size(); i++) {
            logits[i] += weight * out.data[i];
        }
    }
}
