package dev.spinnet.network.layer;

import dev.spinnet.network.kernel.Parallel;
import dev.spinnet.network.tensor.Tensor;

import java.util.Arrays;

/** Max pooling with a square window equal to its stride (floor of odd sizes, as PyTorch). */
public final class MaxPool2d implements Layer {
    private final int size;
    private Tensor output;
    private Tensor gradInput;
    private int[] argmax = new int[0];
    private byte[] winner = new byte[0];
    private int[] inShape;

    public MaxPool2d(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("maxpool size must be >= 1, got " + size);
        }
        this.size = size;
    }

    /** Window side, equal to the stride. */
    public int size() {
        return size;
    }

    @Override
    public int[] outputShape(int[] s) {
        if (s.length != 4 || s[2] < size || s[3] < size) {
            throw new IllegalArgumentException("maxpool" + size + " expects [N,C,H>=" + size + ",W>=" + size
                    + "], got " + Arrays.toString(s));
        }
        return new int[]{s[0], s[1], s[2] / size, s[3] / size};
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        int[] os = outputShape(x.shape());
        inShape = x.shape();
        output = Tensor.reuse(output, os);
        final int planes = os[0] * os[1];
        final int h = inShape[2];
        final int w = inShape[3];
        final int ho = os[2];
        final int wo = os[3];
        if (size == 2 && winner.length < output.size()) {
            winner = new byte[output.size()];
        } else if (size != 2 && argmax.length < output.size()) {
            argmax = new int[output.size()];
        }
        final float[] xd = x.data;
        final float[] yd = output.data;
        Parallel.forRange(planes, (long) h * w, (part, p0, p1) -> {
            if (size == 2) {
                pool2(xd, yd, winner, p0, p1, h, w, ho, wo);
                return;
            }
            for (int p = p0; p < p1; p++) {
                int ib = p * h * w;
                int ob = p * ho * wo;
                for (int oy = 0; oy < ho; oy++) {
                    for (int ox = 0; ox < wo; ox++) {
                        int best = ib + oy * size * w + ox * size;
                        float bv = xd[best];
                        for (int dy = 0; dy < size; dy++) {
                            int row = ib + (oy * size + dy) * w + ox * size;
                            for (int dx = 0; dx < size; dx++) {
                                float v = xd[row + dx];
                                // NaN must propagate rather than be skipped.
                                if (v > bv || Float.isNaN(v)) {
                                    bv = v;
                                    best = row + dx;
                                }
                            }
                        }
                        yd[ob + oy * wo + ox] = bv;
                        argmax[ob + oy * wo + ox] = best;
                    }
                }
            }
        });
        return output;
    }

    /**
     * The common 2x2 case, branch-free: an argmax with branches mispredicts half the time on real
     * data. The winner's position (0..3) comes from sign bits of differences; ties keep the first.
     */
    private static void pool2(float[] xd, float[] yd, byte[] win, int p0, int p1, int h, int w, int ho, int wo) {
        for (int p = p0; p < p1; p++) {
            int ib = p * h * w;
            int ob = p * ho * wo;
            for (int oy = 0; oy < ho; oy++) {
                int r0 = ib + 2 * oy * w;
                int r1 = r0 + w;
                int o = ob + oy * wo;
                for (int ox = 0; ox < wo; ox++) {
                    int a = r0 + 2 * ox;
                    int b = r1 + 2 * ox;
                    float x0 = xd[a];
                    float x1 = xd[a + 1];
                    float x2 = xd[b];
                    float x3 = xd[b + 1];
                    float m01 = Math.max(x0, x1);
                    float m23 = Math.max(x2, x3);
                    int i01 = Float.floatToRawIntBits(x0 - x1) >>> 31;
                    int i23 = 2 + (Float.floatToRawIntBits(x2 - x3) >>> 31);
                    int sel = Float.floatToRawIntBits(m01 - m23) >>> 31;
                    yd[o + ox] = Math.max(m01, m23);
                    win[o + ox] = (byte) (i01 + sel * (i23 - i01));
                }
            }
        }
    }

    private static void unpool2(byte[] win, float[] dy, float[] dx, int p0, int p1, int h, int w, int ho, int wo) {
        java.util.Arrays.fill(dx, p0 * h * w, p1 * h * w, 0f);
        for (int p = p0; p < p1; p++) {
            int ib = p * h * w;
            int ob = p * ho * wo;
            for (int oy = 0; oy < ho; oy++) {
                int r0 = ib + 2 * oy * w;
                int o = ob + oy * wo;
                for (int ox = 0; ox < wo; ox++) {
                    int k = win[o + ox];
                    dx[r0 + 2 * ox + (k & 1) + (k >> 1) * w] = dy[o + ox];
                }
            }
        }
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        gradInput = Tensor.reuse(gradInput, inShape);
        final float[] dx = gradInput.data;
        final float[] dy = gradOut.data;
        final int planes = inShape[0] * inShape[1];
        final int inPlane = inShape[2] * inShape[3];
        final int outPlane = gradOut.dim(2) * gradOut.dim(3);
        if (size == 2) {
            final int h = inShape[2];
            final int w = inShape[3];
            Parallel.forRange(planes, inPlane, (part, p0, p1) -> unpool2(winner, dy, dx, p0, p1, h, w, h / 2, w / 2));
            return gradInput;
        }
        Parallel.forRange(planes, inPlane, (part, p0, p1) -> {
            Arrays.fill(dx, p0 * inPlane, p1 * inPlane, 0f);
            for (int i = p0 * outPlane; i < p1 * outPlane; i++) {
                dx[argmax[i]] += dy[i];
            }
        });
        return gradInput;
    }

    @Override
    public String describe() {
        return "MaxPool2d(" + size + ")";
    }
}
