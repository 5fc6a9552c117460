package dev.spinnet.network.train;

import dev.spinnet.network.tensor.Rng;

/** A learnable toy task shared by the trainer and all-spin tests. */
public final class ToyTask {
    private ToyTask() {
    }

    /**
     * 28x28 images whose class is the position of a 6x4 square of brightness {@code amp} over pixel
     * noise of sigma 0.3. At amp 2 any working network solves it; at 0.25 a float network reaches
     * about 90 % in two epochs and weight precision matters.
     */
    public static TrainingData squares(int n, long seed, float amp) {
        Rng r = new Rng(seed);
        float[] img = new float[n * 28 * 28];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(10);
            labels[i] = c;
            int y0 = 2 + (c / 5) * 12 + r.nextInt(4);
            int x0 = 1 + (c % 5) * 5 + r.nextInt(2);
            for (int p = 0; p < 784; p++) {
                img[i * 784 + p] = (float) (0.3 * r.nextGaussian());
            }
            for (int y = y0; y < y0 + 6; y++) {
                for (int x = x0; x < Math.min(28, x0 + 4); x++) {
                    img[i * 784 + y * 28 + x] += amp;
                }
            }
        }
        return new TrainingData(n, 1, 28, 28, img, labels, 10);
    }
}
