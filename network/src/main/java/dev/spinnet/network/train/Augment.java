package dev.spinnet.network.train;

import dev.spinnet.network.kernel.Parallel;
import dev.spinnet.network.tensor.Rng;

/**
 * Batch assembly with random horizontal flips and translations (reflect-padded, as airbench
 * pads the data set). Each image's randomness comes from (seed, epoch, index), so a batch is
 * the same whatever the thread count or whether the run was resumed.
 */
public final class Augment {
    private final boolean flip;
    private final int translate;

    public Augment(boolean flip, int translate) {
        if (translate < 0) {
            throw new IllegalArgumentException("translate must be >= 0 pixels, got " + translate);
        }
        this.flip = flip;
        this.translate = translate;
    }

    public static Augment none() {
        return new Augment(false, 0);
    }

    /** Copies images {@code idx[from..from+count)} of {@code data} into {@code out}, augmented. */
    public void batch(TrainingData data, int[] idx, int from, int count, long seed, int epoch, float[] out,
                      int[] labels) {
        final int size = data.imageSize();
        Parallel.forRange(count, size, (part, a, b) -> {
            for (int i = a; i < b; i++) {
                int src = idx[from + i];
                labels[i] = data.labels[src];
                if (!flip && translate == 0) {
                    System.arraycopy(data.images, src * size, out, i * size, size);
                    continue;
                }
                Rng r = Rng.of(seed, epoch, src);
                // Alternate flips across epochs (airbench): each image is flipped on every other
                // epoch, from a per-image random phase fixed for the whole run, which covers both
                // views more evenly than independent coin flips.
                boolean f = flip && ((Rng.of(seed, -2, src).nextInt(2) + epoch) & 1) == 1;
                int dx = translate == 0 ? 0 : r.nextInt(2 * translate + 1) - translate;
                int dy = translate == 0 ? 0 : r.nextInt(2 * translate + 1) - translate;
                copyShifted(data.images, src * size, out, i * size, data.channels, data.height, data.width, dx, dy, f);
            }
        });
    }

    /**
     * out(y, x) = in(reflect(y + dy), reflect(x' + dx)) where x' is x mirrored when flipping.
     */
    static void copyShifted(float[] in, int inOff, float[] out, int outOff, int c, int h, int w, int dx, int dy,
                            boolean flip) {
        int plane = h * w;
        for (int ch = 0; ch < c; ch++) {
            int ib = inOff + ch * plane;
            int ob = outOff + ch * plane;
            for (int y = 0; y < h; y++) {
                int sy = reflect(y + dy, h);
                int srow = ib + sy * w;
                int orow = ob + y * w;
                if (!flip && dx == 0) {
                    System.arraycopy(in, srow, out, orow, w);
                    continue;
                }
                for (int x = 0; x < w; x++) {
                    int xs = flip ? w - 1 - x : x;
                    out[orow + x] = in[srow + reflect(xs + dx, w)];
                }
            }
        }
    }

    static int reflect(int i, int n) {
        if (i < 0) {
            return Math.min(-i, n - 1);
        }
        if (i >= n) {
            return Math.max(2 * n - 2 - i, 0);
        }
        return i;
    }

    public boolean flips() {
        return flip;
    }

    public int translate() {
        return translate;
    }
}
