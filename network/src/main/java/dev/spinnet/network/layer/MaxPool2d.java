package dev.spinnet.network.layer;

import dev.spinnet.network.kernel.Parallel;
import dev.spinnet.network.tensor.Tensor;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

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

    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    private static final VectorShuffle<Float> EVEN = VectorShuffle.fromValues(F8, 0, 2, 4, 6, 0, 2, 4, 6);
    private static final VectorShuffle<Float> ODD = VectorShuffle.fromValues(F8, 1, 3, 5, 7, 1, 3, 5, 7);
    private static final VectorShuffle<Float> ZIP_LO = VectorShuffle.fromValues(F8, 0, 0, 1, 1, 2, 2, 3, 3);
    private static final VectorShuffle<Float> ZIP_HI = VectorShuffle.fromValues(F8, 4, 4, 5, 5, 6, 6, 7, 7);
    private static final VectorMask<Float> UPPER = VectorMask.fromValues(F8, false, false, false, false, true, true,
            true, true);
    private static final VectorMask<Float> ODD_LANES = VectorMask.fromValues(F8, false, true, false, true, false, true,
            false, true);

    /** Even (or odd) lanes of the 16 values {@code lo, hi}. */
    private static FloatVector pick(FloatVector lo, FloatVector hi, VectorShuffle<Float> s) {
        return lo.rearrange(s).blend(hi.rearrange(s), UPPER);
    }

    /** 1 where the float's sign bit is set: the same test as the scalar path, so ties agree. */
    private static IntVector signBit(FloatVector v) {
        return v.reinterpretAsInts().lanewise(VectorOperators.LSHR, 31);
    }

    /**
     * The common 2x2 case, branch-free: an argmax with branches mispredicts half the time on real
     * data. The winner's position (0..3) comes from sign bits of differences; ties keep the first
     * (row-major, as PyTorch), except ties of equal infinities (inf - inf is a NaN whose sign bit
     * depends on the CPU), which only a diverged run produces. Eight windows at a time are de-interleaved in registers (rows of
     * 16+ values: 2-3x faster than scalar on 16- and 32-wide maps), the rest scalar.
     */
    private static void pool2(float[] xd, float[] yd, byte[] win, int p0, int p1, int h, int w, int ho, int wo) {
        for (int p = p0; p < p1; p++) {
            int ib = p * h * w;
            int ob = p * ho * wo;
            for (int oy = 0; oy < ho; oy++) {
                int r0 = ib + 2 * oy * w;
                int r1 = r0 + w;
                int o = ob + oy * wo;
                int ox = 0;
                for (; ox <= wo - 8; ox += 8) {
                    int a = r0 + 2 * ox;
                    int b = r1 + 2 * ox;
                    FloatVector a0 = FloatVector.fromArray(F8, xd, a);
                    FloatVector a1 = FloatVector.fromArray(F8, xd, a + 8);
                    FloatVector b0 = FloatVector.fromArray(F8, xd, b);
                    FloatVector b1 = FloatVector.fromArray(F8, xd, b + 8);
                    FloatVector x0 = pick(a0, a1, EVEN);
                    FloatVector x1 = pick(a0, a1, ODD);
                    FloatVector x2 = pick(b0, b1, EVEN);
                    FloatVector x3 = pick(b0, b1, ODD);
                    FloatVector m01 = x0.max(x1);
                    FloatVector m23 = x2.max(x3);
                    m01.max(m23).intoArray(yd, o + ox);
                    IntVector i01 = signBit(x0.sub(x1));
                    IntVector i23 = signBit(x2.sub(x3)).add(2);
                    IntVector sel = signBit(m01.sub(m23));
                    i01.add(sel.mul(i23.sub(i01))).convertShape(VectorOperators.I2B, ByteVector.SPECIES_64, 0)
                            .reinterpretAsBytes().intoArray(win, o + ox);
                }
                for (; ox < wo; ox++) {
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

    /**
     * Routes each output gradient to its window's winner. On even-sized maps with 8+ windows per
     * row every input value is written once (winner gets dy, the others 0), so dx needs no zero
     * fill; odd sizes leave values outside every window, and narrower maps (4 or 5 wide) are
     * faster as fill + scatter.
     */
    private static void unpool2(byte[] win, float[] dy, float[] dx, int p0, int p1, int h, int w, int ho, int wo) {
        if (wo < 8 || (h & 1) != 0 || (w & 1) != 0) {
            // Odd sizes leave a row or column outside every window: it must be zero.
            Arrays.fill(dx, p0 * h * w, p1 * h * w, 0f);
        }
        FloatVector zero = FloatVector.zero(F8);
        for (int p = p0; p < p1; p++) {
            int ib = p * h * w;
            int ob = p * ho * wo;
            for (int oy = 0; oy < ho; oy++) {
                int r0 = ib + 2 * oy * w;
                int r1 = r0 + w;
                int o = ob + oy * wo;
                int ox = 0;
                if (wo < 8) {
                    for (; ox < wo; ox++) {
                        int k = win[o + ox];
                        dx[r0 + 2 * ox + (k & 1) + (k >> 1) * w] = dy[o + ox];
                    }
                    continue;
                }
                for (; ox <= wo - 8; ox += 8) {
                    FloatVector g = FloatVector.fromArray(F8, dy, o + ox);
                    IntVector k = (IntVector) ByteVector.fromArray(ByteVector.SPECIES_64, win, o + ox)
                            .convertShape(VectorOperators.B2I, IntVector.SPECIES_256, 0);
                    FloatVector g0 = zero.blend(g, k.eq(0).cast(F8));
                    FloatVector g1 = zero.blend(g, k.eq(1).cast(F8));
                    FloatVector g2 = zero.blend(g, k.eq(2).cast(F8));
                    FloatVector g3 = zero.blend(g, k.eq(3).cast(F8));
                    int a = r0 + 2 * ox;
                    int b = r1 + 2 * ox;
                    g0.rearrange(ZIP_LO).blend(g1.rearrange(ZIP_LO), ODD_LANES).intoArray(dx, a);
                    g0.rearrange(ZIP_HI).blend(g1.rearrange(ZIP_HI), ODD_LANES).intoArray(dx, a + 8);
                    g2.rearrange(ZIP_LO).blend(g3.rearrange(ZIP_LO), ODD_LANES).intoArray(dx, b);
                    g2.rearrange(ZIP_HI).blend(g3.rearrange(ZIP_HI), ODD_LANES).intoArray(dx, b + 8);
                }
                for (; ox < wo; ox++) {
                    int k = win[o + ox];
                    int a = r0 + 2 * ox;
                    int b = r1 + 2 * ox;
                    dx[a] = 0f;
                    dx[a + 1] = 0f;
                    dx[b] = 0f;
                    dx[b + 1] = 0f;
                    dx[a + (k & 1) + (k >> 1) * w] = dy[o + ox];
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
