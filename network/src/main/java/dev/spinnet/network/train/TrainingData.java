package dev.spinnet.network.train;

import dev.spinnet.network.kernel.Parallel;

/**
 * A labelled image set held as normalised float32 NCHW, ready for batching: converting the
 * uint8 pixels once costs less than doing it every epoch.
 */
public final class TrainingData {
    public final int n;
    public final int channels;
    public final int height;
    public final int width;
    public final float[] images;
    public final int[] labels;
    public final int classes;

    public TrainingData(int n, int channels, int height, int width, float[] images, int[] labels, int classes) {
        if (images.length != (long) n * channels * height * width || labels.length != n) {
            throw new IllegalArgumentException("training data: " + n + " images of " + channels + "x" + height + "x"
                    + width + " need " + (long) n * channels * height * width + " floats and " + n + " labels");
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i + " is outside [0," + classes + ")");
            }
        }
        this.n = n;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.images = images;
        this.labels = labels;
        this.classes = classes;
    }

    /**
     * Shape, class count and a 64-bit FNV-1a hash of every image value and label: names the data a checkpoint was
     * trained on, so that a resume on other data (another folder or format, another hold-out split) is refused.
     * Computed once (about 0.2 s for CIFAR-10's training set); the arrays must not change afterwards.
     */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            long h = 0xcbf29ce484222325L;
            for (float v : images) {
                h = (h ^ Float.floatToRawIntBits(v)) * 0x100000001b3L;
            }
            for (int l : labels) {
                h = (h ^ l) * 0x100000001b3L;
            }
            f = n + "x" + channels + "x" + height + "x" + width + "/" + classes + "#" + Long.toHexString(h);
            fingerprint = f;
        }
        return f;
    }

    private volatile String fingerprint;

    /**
     * Converts uint8 pixels (NCHW) to floats {@code (p/255 - mean_c) / std_c}.
     */
    public static TrainingData fromBytes(int n, int channels, int height, int width, byte[] pixels, int[] labels,
                                         int classes, float[] mean, float[] std) {
        int plane = height * width;
        float[] out = new float[n * channels * plane];
        Parallel.forRange(n, (long) channels * plane, (part, a, b) -> {
            for (int i = a; i < b; i++) {
                for (int c = 0; c < channels; c++) {
                    float m = mean[c];
                    float s = 1f / std[c];
                    int base = (i * channels + c) * plane;
                    for (int p = 0; p < plane; p++) {
                        out[base + p] = ((pixels[base + p] & 0xFF) * (1f / 255f) - m) * s;
                    }
                }
            }
        });
        return new TrainingData(n, channels, height, width, out, labels, classes);
    }

    /** Per-channel mean and standard deviation of uint8 pixels scaled to [0, 1]. */
    public static float[][] channelStats(int n, int channels, int plane, byte[] pixels) {
        float[] mean = new float[channels];
        float[] std = new float[channels];
        for (int c = 0; c < channels; c++) {
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                int base = (i * channels + c) * plane;
                long a = 0;
                long a2 = 0;
                for (int p = 0; p < plane; p++) {
                    int v = pixels[base + p] & 0xFF;
                    a += v;
                    a2 += (long) v * v;
                }
                s += a;
                s2 += a2;
            }
            double cnt = (double) n * plane;
            double mu = s / cnt / 255.0;
            double var = s2 / cnt / (255.0 * 255.0) - mu * mu;
            mean[c] = (float) mu;
            std[c] = (float) Math.sqrt(Math.max(var, 1e-12));
        }
        return new float[][]{mean, std};
    }

    public int imageSize() {
        return channels * height * width;
    }
}
