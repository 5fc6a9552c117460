package dev.spinnet.network.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * Lowering of a stride-1, zero-padded k x k convolution to a matrix product.
 *
 * <p>For a chunk of {@code count} images the column matrix has {@code C*k*k} rows and
 * {@code count*Ho*Wo} columns, image-major within a row, so one GEMM covers several images
 * when the feature maps are small (deep layers) and keeps the GEMM's n dimension large.
 */
public final class Im2col {
    private Im2col() {
    }

    /**
     * Writes the column matrix of images {@code [first, first+count)} of {@code x}
     * (NCHW, c x h x w per image) into {@code cols} (row stride {@code count*ho*wo}).
     */
    public static void im2col(float[] x, int first, int count, int c, int h, int w, int k, int pad,
                              float[] cols) {
        final int ho = h + 2 * pad - k + 1;
        final int wo = w + 2 * pad - k + 1;
        final int hw = ho * wo;
        final int ld = count * hw;
        final int imgSize = c * h * w;
        if (wo < SHORT_ROW) {
            final int[] map = gatherMap(h, w, k, pad);
            final int kk = k * k;
            for (int ch = 0; ch < c; ch++) {
                for (int r = 0; r < kk; r++) {
                    int rowBase = (ch * kk + r) * ld;
                    int m = r * hw;
                    for (int b = 0; b < count; b++) {
                        int src = (first + b) * imgSize + ch * h * w;
                        int dst = rowBase + b * hw;
                        for (int p = 0; p < hw; p++) {
                            int s = map[m + p];
                            cols[dst + p] = s < 0 ? 0f : x[src + s];
                        }
                    }
                }
            }
            return;
        }
        for (int ch = 0; ch < c; ch++) {
            for (int ki = 0; ki < k; ki++) {
                for (int kj = 0; kj < k; kj++) {
                    int row = (ch * k + ki) * k + kj;
                    int rowBase = row * ld;
                    // Output columns ox whose input column ox+kj-pad lies inside [0, w).
                    int oxLo = Math.max(0, pad - kj);
                    int oxHi = Math.min(wo, w + pad - kj);
                    for (int b = 0; b < count; b++) {
                        int src = (first + b) * imgSize + ch * h * w;
                        int dstImg = rowBase + b * hw;
                        for (int oy = 0; oy < ho; oy++) {
                            int iy = oy + ki - pad;
                            int dst = dstImg + oy * wo;
                            if (iy < 0 || iy >= h || oxHi <= oxLo) {
                                Arrays.fill(cols, dst, dst + wo, 0f);
                                continue;
                            }
                            if (oxLo > 0) {
                                Arrays.fill(cols, dst, dst + oxLo, 0f);
                            }
                            copyRow(x, src + iy * w + oxLo + kj - pad, cols, dst + oxLo, oxHi - oxLo);
                            if (oxHi < wo) {
                                Arrays.fill(cols, dst + oxHi, dst + wo, 0f);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Adds the column-matrix gradient back onto the input gradient {@code dx} (the adjoint of
     * {@link #im2col}); {@code dx} for the chunk's images must be zeroed by the caller.
     */
    public static void col2im(float[] cols, int first, int count, int c, int h, int w, int k, int pad,
                              float[] dx) {
        final int ho = h + 2 * pad - k + 1;
        final int wo = w + 2 * pad - k + 1;
        final int hw = ho * wo;
        final int ld = count * hw;
        final int imgSize = c * h * w;
        if (wo < SHORT_ROW) {
            final int[] map = gatherMap(h, w, k, pad);
            final int kk = k * k;
            for (int ch = 0; ch < c; ch++) {
                for (int r = 0; r < kk; r++) {
                    int rowBase = (ch * kk + r) * ld;
                    int m = r * hw;
                    for (int b = 0; b < count; b++) {
                        int dst = (first + b) * imgSize + ch * h * w;
                        int src = rowBase + b * hw;
                        for (int p = 0; p < hw; p++) {
                            int d = map[m + p];
                            if (d >= 0) {
                                dx[dst + d] += cols[src + p];
                            }
                        }
                    }
                }
            }
            return;
        }
        for (int ch = 0; ch < c; ch++) {
            for (int ki = 0; ki < k; ki++) {
                for (int kj = 0; kj < k; kj++) {
                    int row = (ch * k + ki) * k + kj;
                    int rowBase = row * ld;
                    int oxLo = Math.max(0, pad - kj);
                    int oxHi = Math.min(wo, w + pad - kj);
                    if (oxHi <= oxLo) {
                        continue;
                    }
                    for (int b = 0; b < count; b++) {
                        int dstImg = (first + b) * imgSize + ch * h * w;
                        int srcImg = rowBase + b * hw;
                        for (int oy = 0; oy < ho; oy++) {
                            int iy = oy + ki - pad;
                            if (iy < 0 || iy >= h) {
                                continue;
                            }
                            int s = srcImg + oy * wo + oxLo;
                            int d = dstImg + iy * w + oxLo + kj - pad;
                            int len = oxHi - oxLo;
                            addRow(cols, s, dx, d, len);
                        }
                    }
                }
            }
        }
    }

    private static final VectorSpecies<Float> S8 = FloatVector.SPECIES_256;

    /**
     * Output rows shorter than this go through {@link #gatherMap}: on the 3 x 3 maps of the last CIFAR-10
     * layer, a copy and up to two fills per 3-value row cost 5x more than the values they move.
     */
    private static final int SHORT_ROW = 8;

    /**
     * For each kernel offset {@code r = ki*k + kj} and output pixel {@code p = oy*wo + ox}, the offset
     * {@code iy*w + ix} of the input pixel it reads within a channel plane, or -1 in the zero padding;
     * at {@code [r*ho*wo + p]}. A few hundred ints for the small maps that use it.
     */
    static int[] gatherMap(int h, int w, int k, int pad) {
        int ho = h + 2 * pad - k + 1;
        int wo = w + 2 * pad - k + 1;
        int[] map = new int[k * k * ho * wo];
        int i = 0;
        for (int ki = 0; ki < k; ki++) {
            for (int kj = 0; kj < k; kj++) {
                for (int oy = 0; oy < ho; oy++) {
                    for (int ox = 0; ox < wo; ox++) {
                        int iy = oy + ki - pad;
                        int ix = ox + kj - pad;
                        map[i++] = iy >= 0 && iy < h && ix >= 0 && ix < w ? iy * w + ix : -1;
                    }
                }
            }
        }
        return map;
    }

    /**
     * Copies one output row. Rows of 8..16 values (the MNIST and deep CIFAR layers) are two
     * overlapping 8-lane moves: {@code System.arraycopy} costs a stub call per row, which made
     * im2col of 10-wide rows take twice as long.
     */
    private static void copyRow(float[] src, int s, float[] dst, int d, int len) {
        if (len >= 8 && len <= 16) {
            FloatVector.fromArray(S8, src, s).intoArray(dst, d);
            FloatVector.fromArray(S8, src, s + len - 8).intoArray(dst, d + len - 8);
        } else {
            System.arraycopy(src, s, dst, d, len);
        }
    }

    /** {@code dst[d+t] += src[s+t]}: 8-lane steps and a scalar tail (short rows, see copyRow). */
    private static void addRow(float[] src, int s, float[] dst, int d, int len) {
        int t = 0;
        for (; t <= len - 8; t += 8) {
            FloatVector.fromArray(S8, dst, d + t).add(FloatVector.fromArray(S8, src, s + t)).intoArray(dst, d + t);
        }
        for (; t < len; t++) {
            dst[d + t] += src[s + t];
        }
    }
}
