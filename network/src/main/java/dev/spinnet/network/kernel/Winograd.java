package dev.spinnet.network.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Winograd's minimal filtering F(2x2, 3x3) (Lavin and Gray, "Fast Algorithms for Convolutional
 * Neural Networks", CVPR 2016): a 3x3 convolution computed on 2x2 output tiles from 4x4 input tiles
 * with 16 multiplies instead of 36.
 *
 * <pre>
 *   Y = A^T [ (G g G^T) (.) (B^T d B) ] A
 *   B^T = | 1  0 -1  0 |   G = | 1    0    0  |   A^T = | 1  1  1  0 |
 *         | 0  1  1  0 |       | 1/2  1/2  1/2|         | 0  1 -1 -1 |
 *         | 0 -1  1  0 |       | 1/2 -1/2  1/2|
 *         | 0  1  0 -1 |       | 0    0    1  |
 * </pre>
 *
 * Summed over input channels the element-wise products become 16 independent GEMMs, one per
 * tile position xi: {@code M[xi] (Cout x T) = U[xi] (Cout x Cin) * V[xi] (Cin x T)}. The
 * backward pass stays in the transformed domain because every transform is linear: the gradient
 * of the output transform gives {@code dM = A dY A^T}, then {@code dU[xi] = dM[xi] V[xi]^T},
 * {@code dV[xi] = U[xi]^T dM[xi]}, and the adjoint transforms {@code dg = G^T dU G},
 * {@code dd = B dV B^T}. The matrices hold only 0, +-1 and +-1/2, so float32 rounding stays at
 * the level of the direct convolution's.
 *
 * <p>Layouts: weights {@code [Cout][Cin][3][3]}; images {@code [N][C][H][W]}; the transformed
 * arrays {@code [16][rows][cols]}, so that each xi is one contiguous row-major matrix. Tiles of a
 * chunk are numbered {@code t = image * tilesH * tilesW + ty * tilesW + tx}; tile (ty, tx) reads
 * input rows {@code 2 ty - 1 .. 2 ty + 2} (padding 1) and writes output rows {@code 2 ty, 2 ty + 1},
 * those outside the image being zero on input and dropped on output.
 */
public final class Winograd {
    /** Transformed tile size (4 x 4). */
    public static final int TILE = 16;

    /**
     * Vector shape of the transforms, which run along a row of tiles: 8 lanes hold a 15x15 map's
     * tile row (8 tiles) and half a 31x31 map's; wider vectors would idle on the 7x7 maps' 4.
     */
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final int VL = F.length();

    private Winograd() {
    }

    /** Output tiles along a side of {@code outSize} outputs. */
    public static int tiles(int outSize) {
        return (outSize + 1) / 2;
    }

    /** {@code u[xi][o][c] = (G w[o][c] G^T)[xi]}, for {@code cout x cin} 3x3 filters. */
    public static void transformWeights(float[] w, int cout, int cin, float[] u) {
        int plane = cout * cin;
        float[] t = new float[12];
        for (int oc = 0; oc < plane; oc++) {
            int g = oc * 9;
            // G g: 4 rows of 3.
            for (int j = 0; j < 3; j++) {
                float g0 = w[g + j], g1 = w[g + 3 + j], g2 = w[g + 6 + j];
                t[j] = g0;
                t[3 + j] = 0.5f * (g0 + g1 + g2);
                t[6 + j] = 0.5f * (g0 - g1 + g2);
                t[9 + j] = g2;
            }
            // (G g) G^T: 4 x 4.
            for (int r = 0; r < 4; r++) {
                float g0 = t[3 * r], g1 = t[3 * r + 1], g2 = t[3 * r + 2];
                int xi = 4 * r;
                u[(xi) * plane + oc] = g0;
                u[(xi + 1) * plane + oc] = 0.5f * (g0 + g1 + g2);
                u[(xi + 2) * plane + oc] = 0.5f * (g0 - g1 + g2);
                u[(xi + 3) * plane + oc] = g2;
            }
        }
    }

    /** {@code dw[o][c] += (G^T du[.][o][c] G)}: the adjoint of {@link #transformWeights}. */
    public static void accumulateWeightGradient(float[] du, int cout, int cin, float[] dw) {
        int plane = cout * cin;
        float[] t = new float[12];
        for (int oc = 0; oc < plane; oc++) {
            // du G: 4 rows of 3.
            for (int r = 0; r < 4; r++) {
                int xi = 4 * r;
                float u0 = du[xi * plane + oc], u1 = du[(xi + 1) * plane + oc];
                float u2 = du[(xi + 2) * plane + oc], u3 = du[(xi + 3) * plane + oc];
                t[3 * r] = u0 + 0.5f * (u1 + u2);
                t[3 * r + 1] = 0.5f * (u1 - u2);
                t[3 * r + 2] = 0.5f * (u1 + u2) + u3;
            }
            // G^T (du G): 3 x 3.
            int g = oc * 9;
            for (int j = 0; j < 3; j++) {
                float u0 = t[j], u1 = t[3 + j], u2 = t[6 + j], u3 = t[9 + j];
                dw[g + j] += u0 + 0.5f * (u1 + u2);
                dw[g + 3 + j] += 0.5f * (u1 - u2);
                dw[g + 6 + j] += 0.5f * (u1 + u2) + u3;
            }
        }
    }

    /**
     * Per-thread scratch: the padded input image of one channel, or an output map, split into even
     * and odd columns, so that the tiles of a tile row read and write contiguous vectors. Tile
     * {@code tx} covers padded columns {@code 2 tx .. 2 tx + 3}: even[tx], odd[tx], even[tx + 1],
     * odd[tx + 1].
     */
    private static final class Scratch {
        float[] even = new float[0];
        float[] odd = new float[0];
        /** The adjoint's contributions to even[tx + 1] and odd[tx + 1], kept apart (see inputGradientTile). */
        float[] evenNext = new float[0];
        float[] oddNext = new float[0];

        void ensure(int size) {
            if (even.length < size) {
                even = new float[size];
                odd = new float[size];
                evenNext = new float[size];
                oddNext = new float[size];
            }
        }

        /** Zeroes the first {@code size} entries (entries a call never writes must read as zero). */
        void clear(int size) {
            java.util.Arrays.fill(even, 0, size, 0f);
            java.util.Arrays.fill(odd, 0, size, 0f);
            java.util.Arrays.fill(evenNext, 0, size, 0f);
            java.util.Arrays.fill(oddNext, 0, size, 0f);
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Distance between the 16 transformed planes of a chunk: the {@code channels x cols} matrix plus one
     * vector, so that the partial vector of a plane's last tile row spills into a gap, not the next plane.
     */
    public static int planeStride(int channels, int cols) {
        return channels * cols + VL;
    }

    /**
     * Zeroes the one-vector gaps after each of the 16 planes. The forward transforms spill into them, and
     * {@link #accumulateInputGradient} zeroes its spare lanes by multiplying with 0, which an infinite
     * leftover would turn into NaN.
     */
    public static void clearGaps(float[] planes, int channels, int cols) {
        int stride = planeStride(channels, cols);
        for (int xi = 0; xi < TILE; xi++) {
            int gap = xi * stride + channels * cols;
            java.util.Arrays.fill(planes, gap, gap + VL, 0f);
        }
    }

    /** VL ones then VL zeros: a window at {@code VL - n} keeps the first n lanes. */
    private static final float[] KEEP = new float[2 * VL];

    static {
        java.util.Arrays.fill(KEEP, 0, VL, 1f);
    }

    /** {@code a[src .. src + len)}: even-indexed entries to {@code even[e ..]}, odd-indexed to {@code odd[o ..]}. */
    private static void split(float[] a, int src, int len, float[] even, int e, float[] odd, int o) {
        for (int k = 0; 2 * k < len; k++) {
            even[e + k] = a[src + 2 * k];
        }
        for (int k = 0; 2 * k + 1 < len; k++) {
            odd[o + k] = a[src + 2 * k + 1];
        }
    }

    /** Row stride of the split buffers: room for the tiles, one more column, and a whole vector beyond. */
    private static int rowStride(int tilesW) {
        return (tilesW + 1 + VL - 1) / VL * VL + VL;
    }

    /**
     * {@code v[xi][c][t] = (B^T d B)[xi]} for the input tiles of images {@code first .. first+count-1}
     * of {@code x} ({@code [N][channels][h][w]}), padding 1; {@code tilesH x tilesW} tiles per image.
     */
    public static void transformInput(float[] x, int first, int count, int channels, int h, int w,
                                      int tilesH, int tilesW, float[] v) {
        int tpi = tilesH * tilesW;
        int cols = count * tpi;
        int plane = planeStride(channels, cols);
        int rs = rowStride(tilesW);
        int rows = 2 * tilesH + 2;
        Scratch sc = SCRATCH.get();
        sc.ensure(rows * rs);
        sc.clear(rows * rs);
        float[] pe = sc.even;
        float[] po = sc.odd;
        // Channels outermost: a spilled partial vector always lands on tiles written later.
        for (int c = 0; c < channels; c++) {
            for (int b = 0; b < count; b++) {
                int img = ((first + b) * channels + c) * h * w;
                // Padded row p is input row p - 1; even[k] is input column 2k - 1, odd[k] column 2k.
                // Rows and columns outside the image are never written, so they stay zero.
                for (int yy = 0; yy < h; yy++) {
                    int dst = (yy + 1) * rs;
                    split(x, img + yy * w, w, po, dst, pe, dst + 1);
                }
                int row = c * cols + b * tpi;
                for (int ty = 0; ty < tilesH; ty++) {
                    int r0 = 2 * ty * rs;
                    for (int tx = 0; tx < tilesW; tx += VL) {
                        // A partial last vector spills into the next tile row, which is written later.
                        int dst = row + ty * tilesW + tx;
                        inputTile(pe, po, r0 + tx, rs, v, dst, plane);
                    }
                }
            }
        }
    }

    /**
     * One vector of tiles of {@link #transformInput}: {@code B^T d B} from the split padded rows at
     * {@code o0} (4 rows, stride {@code rs}), stored at {@code dst} of the 16 planes. A kernel of its own:
     * inlined into the loops, the whole method grew past C2's node budget and every vector was boxed.
     */
    private static void inputTile(float[] pe, float[] po, int o0, int rs, float[] v, int dst, int plane) {
        // d B on each of the 4 rows, then B^T across them.
        int o1 = o0 + rs;
        FloatVector a0 = FloatVector.fromArray(F, pe, o1), a1 = FloatVector.fromArray(F, po, o1);
        FloatVector a2 = FloatVector.fromArray(F, pe, o1 + 1), a3 = FloatVector.fromArray(F, po, o1 + 1);
        FloatVector r10 = a0.sub(a2), r11 = a1.add(a2), r12 = a2.sub(a1), r13 = a1.sub(a3);
        int o2 = o1 + rs;
        a0 = FloatVector.fromArray(F, pe, o2);
        a1 = FloatVector.fromArray(F, po, o2);
        a2 = FloatVector.fromArray(F, pe, o2 + 1);
        a3 = FloatVector.fromArray(F, po, o2 + 1);
        FloatVector r20 = a0.sub(a2), r21 = a1.add(a2), r22 = a2.sub(a1), r23 = a1.sub(a3);
        r10.add(r20).intoArray(v, 4 * plane + dst);
        r11.add(r21).intoArray(v, 5 * plane + dst);
        r12.add(r22).intoArray(v, 6 * plane + dst);
        r13.add(r23).intoArray(v, 7 * plane + dst);
        r20.sub(r10).intoArray(v, 8 * plane + dst);
        r21.sub(r11).intoArray(v, 9 * plane + dst);
        r22.sub(r12).intoArray(v, 10 * plane + dst);
        r23.sub(r13).intoArray(v, 11 * plane + dst);
        a0 = FloatVector.fromArray(F, pe, o0);
        a1 = FloatVector.fromArray(F, po, o0);
        a2 = FloatVector.fromArray(F, pe, o0 + 1);
        a3 = FloatVector.fromArray(F, po, o0 + 1);
        a0.sub(a2).sub(r20).intoArray(v, dst);
        a1.add(a2).sub(r21).intoArray(v, plane + dst);
        a2.sub(a1).sub(r22).intoArray(v, 2 * plane + dst);
        a1.sub(a3).sub(r23).intoArray(v, 3 * plane + dst);
        int o3 = o2 + rs;
        a0 = FloatVector.fromArray(F, pe, o3);
        a1 = FloatVector.fromArray(F, po, o3);
        a2 = FloatVector.fromArray(F, pe, o3 + 1);
        a3 = FloatVector.fromArray(F, po, o3 + 1);
        r10.sub(a0.sub(a2)).intoArray(v, 12 * plane + dst);
        r11.sub(a1.add(a2)).intoArray(v, 13 * plane + dst);
        r12.sub(a2.sub(a1)).intoArray(v, 14 * plane + dst);
        r13.sub(a1.sub(a3)).intoArray(v, 15 * plane + dst);
    }

    /**
     * One vector of tiles of {@link #transformOutput}: {@code A^T m A + bias} from the 16 planes at
     * {@code src}, even output columns to {@code ye}, odd ones to {@code yo}, rows {@code o0} and
     * {@code o0 + rs} (a kernel of its own for C2's node budget, as {@link #inputTile}).
     */
    private static void outputTile(float[] m, int src, int plane, float bias, float[] ye, float[] yo, int o0,
                                   int rs) {
        FloatVector bo = FloatVector.broadcast(F, bias);
        // A^T across rows: s0 = m0 + m1 + m2, s1 = m1 - m2 - m3, for each column j; then A
        // along the columns; even output columns to ye, odd ones to yo.
        FloatVector m0 = FloatVector.fromArray(F, m, src);
        FloatVector m1 = FloatVector.fromArray(F, m, 4 * plane + src);
        FloatVector m2 = FloatVector.fromArray(F, m, 8 * plane + src);
        FloatVector m3 = FloatVector.fromArray(F, m, 12 * plane + src);
        FloatVector s00 = m0.add(m1).add(m2), s10 = m1.sub(m2).sub(m3);
        m0 = FloatVector.fromArray(F, m, plane + src);
        m1 = FloatVector.fromArray(F, m, 5 * plane + src);
        m2 = FloatVector.fromArray(F, m, 9 * plane + src);
        m3 = FloatVector.fromArray(F, m, 13 * plane + src);
        FloatVector s01 = m0.add(m1).add(m2), s11 = m1.sub(m2).sub(m3);
        m0 = FloatVector.fromArray(F, m, 2 * plane + src);
        m1 = FloatVector.fromArray(F, m, 6 * plane + src);
        m2 = FloatVector.fromArray(F, m, 10 * plane + src);
        m3 = FloatVector.fromArray(F, m, 14 * plane + src);
        FloatVector s02 = m0.add(m1).add(m2), s12 = m1.sub(m2).sub(m3);
        m0 = FloatVector.fromArray(F, m, 3 * plane + src);
        m1 = FloatVector.fromArray(F, m, 7 * plane + src);
        m2 = FloatVector.fromArray(F, m, 11 * plane + src);
        m3 = FloatVector.fromArray(F, m, 15 * plane + src);
        FloatVector s03 = m0.add(m1).add(m2), s13 = m1.sub(m2).sub(m3);
        s00.add(s01).add(s02).add(bo).intoArray(ye, o0);
        s01.sub(s02).sub(s03).add(bo).intoArray(yo, o0);
        s10.add(s11).add(s12).add(bo).intoArray(ye, o0 + rs);
        s11.sub(s12).sub(s13).add(bo).intoArray(yo, o0 + rs);
    }

    /**
     * One vector of tiles of {@link #transformOutputGradient}: {@code A dy A^T} from the split output
     * rows {@code o0} and {@code o0 + rs}, stored at {@code dst} of the 16 planes (a kernel of its own for
     * C2's node budget, as {@link #inputTile}).
     */
    private static void outputGradientTile(float[] ge, float[] go, int o0, int rs, float[] dm, int dst, int plane) {
        FloatVector y00 = FloatVector.fromArray(F, ge, o0), y01 = FloatVector.fromArray(F, go, o0);
        FloatVector y10 = FloatVector.fromArray(F, ge, o0 + rs);
        FloatVector y11 = FloatVector.fromArray(F, go, o0 + rs);
        // A dy: rows (y0, y0 + y1, y0 - y1, -y1); then the same along the columns.
        {
            FloatVector a = y00, c = y01;
            a.intoArray(dm, dst);
            a.add(c).intoArray(dm, plane + dst);
            a.sub(c).intoArray(dm, 2 * plane + dst);
            c.neg().intoArray(dm, 3 * plane + dst);
        }
        {
            FloatVector a = y00.add(y10), c = y01.add(y11);
            a.intoArray(dm, 4 * plane + dst);
            a.add(c).intoArray(dm, 5 * plane + dst);
            a.sub(c).intoArray(dm, 6 * plane + dst);
            c.neg().intoArray(dm, 7 * plane + dst);
        }
        {
            FloatVector a = y00.sub(y10), c = y01.sub(y11);
            a.intoArray(dm, 8 * plane + dst);
            a.add(c).intoArray(dm, 9 * plane + dst);
            a.sub(c).intoArray(dm, 10 * plane + dst);
            c.neg().intoArray(dm, 11 * plane + dst);
        }
        {
            FloatVector a = y10.neg(), c = y11.neg();
            a.intoArray(dm, 12 * plane + dst);
            a.add(c).intoArray(dm, 13 * plane + dst);
            a.sub(c).intoArray(dm, 14 * plane + dst);
            c.neg().intoArray(dm, 15 * plane + dst);
        }
    }

    /**
     * One vector of tiles of {@link #accumulateInputGradient}: {@code B dv B^T} from the 16 planes at
     * {@code src}, lanes from {@code lanes} on zeroed, added onto the split padded rows at {@code o} (a kernel of
     * its own for C2's node budget, as {@link #inputTile}).
     */
    private static void inputGradientTile(float[] dv, int src, int plane, int lanes, Scratch sc, int o, int rs) {
        // Lanes past the last tile read the next tile row: zero them so they add nothing. (Built here, not
        // passed in: a vector crossing a call is boxed.)
        FloatVector m = FloatVector.fromArray(F, KEEP, VL - lanes);
        float[] pe = sc.even;
        float[] po = sc.odd;
        float[] pen = sc.evenNext;
        float[] pon = sc.oddNext;
        // B dv B^T: along each row of dv, u -> (u0, u1 - u2 + u3, u1 + u2 - u0, -u3); then the
        // same across the rows, written out so C2 keeps everything in registers.
        FloatVector u0 = FloatVector.fromArray(F, dv, 4 * plane + src).mul(m);
        FloatVector u1 = FloatVector.fromArray(F, dv, 5 * plane + src).mul(m);
        FloatVector u2 = FloatVector.fromArray(F, dv, 6 * plane + src).mul(m);
        FloatVector u3 = FloatVector.fromArray(F, dv, 7 * plane + src).mul(m);
        FloatVector w10 = u0, w11 = u1.sub(u2).add(u3), w12 = u1.add(u2).sub(u0), w13 = u3.neg();
        u0 = FloatVector.fromArray(F, dv, 8 * plane + src).mul(m);
        u1 = FloatVector.fromArray(F, dv, 9 * plane + src).mul(m);
        u2 = FloatVector.fromArray(F, dv, 10 * plane + src).mul(m);
        u3 = FloatVector.fromArray(F, dv, 11 * plane + src).mul(m);
        FloatVector w20 = u0, w21 = u1.sub(u2).add(u3), w22 = u1.add(u2).sub(u0), w23 = u3.neg();
        FloatVector m0 = w10.sub(w20), m1 = w11.sub(w21), m2 = w12.sub(w22), m3 = w13.sub(w23);
        FloatVector p0 = w10.add(w20), p1 = w11.add(w21), p2 = w12.add(w22), p3 = w13.add(w23);
        u0 = FloatVector.fromArray(F, dv, src).mul(m);
        u1 = FloatVector.fromArray(F, dv, plane + src).mul(m);
        u2 = FloatVector.fromArray(F, dv, 2 * plane + src).mul(m);
        u3 = FloatVector.fromArray(F, dv, 3 * plane + src).mul(m);
        FloatVector w0 = u0, w1 = u1.sub(u2).add(u3), w2 = u1.add(u2).sub(u0), w3 = u3.neg();
        FloatVector.fromArray(F, pe, o).add(w0).intoArray(pe, o);
        FloatVector.fromArray(F, po, o).add(w1).intoArray(po, o);
        FloatVector.fromArray(F, pen, o).add(w2).intoArray(pen, o);
        FloatVector.fromArray(F, pon, o).add(w3).intoArray(pon, o);
        FloatVector.fromArray(F, pe, o + 2 * rs).add(p0.sub(w0)).intoArray(pe, o + 2 * rs);
        FloatVector.fromArray(F, po, o + 2 * rs).add(p1.sub(w1)).intoArray(po, o + 2 * rs);
        FloatVector.fromArray(F, pen, o + 2 * rs).add(p2.sub(w2)).intoArray(pen, o + 2 * rs);
        FloatVector.fromArray(F, pon, o + 2 * rs).add(p3.sub(w3)).intoArray(pon, o + 2 * rs);
        u0 = FloatVector.fromArray(F, dv, 12 * plane + src).mul(m);
        u1 = FloatVector.fromArray(F, dv, 13 * plane + src).mul(m);
        u2 = FloatVector.fromArray(F, dv, 14 * plane + src).mul(m);
        u3 = FloatVector.fromArray(F, dv, 15 * plane + src).mul(m);
        w0 = u0;
        w1 = u1.sub(u2).add(u3);
        w2 = u1.add(u2).sub(u0);
        w3 = u3.neg();
        FloatVector.fromArray(F, pe, o + rs).add(m0.add(w0)).intoArray(pe, o + rs);
        FloatVector.fromArray(F, po, o + rs).add(m1.add(w1)).intoArray(po, o + rs);
        FloatVector.fromArray(F, pen, o + rs).add(m2.add(w2)).intoArray(pen, o + rs);
        FloatVector.fromArray(F, pon, o + rs).add(m3.add(w3)).intoArray(pon, o + rs);
        FloatVector.fromArray(F, pe, o + 3 * rs).add(w0.neg()).intoArray(pe, o + 3 * rs);
        FloatVector.fromArray(F, po, o + 3 * rs).add(w1.neg()).intoArray(po, o + 3 * rs);
        FloatVector.fromArray(F, pen, o + 3 * rs).add(w2.neg()).intoArray(pen, o + 3 * rs);
        FloatVector.fromArray(F, pon, o + 3 * rs).add(w3.neg()).intoArray(pon, o + 3 * rs);
    }

    /**
     * The adjoint of {@link #transformInput}: {@code dx += B dv B^T} scattered back onto the
     * overlapping input tiles; padded positions are dropped.
     */
    public static void accumulateInputGradient(float[] dv, int first, int count, int channels, int h, int w,
                                               int tilesH, int tilesW, float[] dx) {
        int tpi = tilesH * tilesW;
        int cols = count * tpi;
        int plane = planeStride(channels, cols);
        int rs = rowStride(tilesW);
        int rows = 2 * tilesH + 2;
        Scratch sc = SCRATCH.get();
        sc.ensure(rows * rs);
        float[] pe = sc.even;
        float[] po = sc.odd;
        float[] pen = sc.evenNext;
        float[] pon = sc.oddNext;
        for (int b = 0; b < count; b++) {
            for (int c = 0; c < channels; c++) {
                sc.clear(rows * rs);
                int row = c * cols + b * tpi;
                for (int ty = 0; ty < tilesH; ty++) {
                    int r0 = 2 * ty * rs;
                    for (int tx = 0; tx < tilesW; tx += VL) {
                        int lanes = Math.min(VL, tilesW - tx);
                        inputGradientTile(dv, row + ty * tilesW + tx, plane, lanes, sc, r0 + tx, rs);
                    }
                }
                int img = ((first + b) * channels + c) * h * w;
                for (int yy = 0; yy < h; yy++) {
                    int dst = img + yy * w;
                    int srcRow = (yy + 1) * rs;
                    dx[dst] += po[srcRow];
                    for (int k = 1; 2 * k < w; k++) {
                        dx[dst + 2 * k] += po[srcRow + k] + pon[srcRow + k - 1];
                    }
                    for (int k = 1; 2 * k - 1 < w; k++) {
                        dx[dst + 2 * k - 1] += pe[srcRow + k] + pen[srcRow + k - 1];
                    }
                }
            }
        }
    }

    /**
     * {@code y = A^T m A} (+ bias) written to images {@code first ..} of {@code y}
     * ({@code [N][channels][outH][outW]}), dropping tile outputs beyond the image; {@code bias} may be null.
     */
    public static void transformOutput(float[] m, int first, int count, int channels, int outH, int outW,
                                       int tilesH, int tilesW, float[] bias, float[] y) {
        int tpi = tilesH * tilesW;
        int cols = count * tpi;
        int plane = planeStride(channels, cols);
        int rs = rowStride(tilesW);
        Scratch sc = SCRATCH.get();
        sc.ensure(2 * tilesH * rs);
        float[] ye = sc.even;
        float[] yo = sc.odd;
        for (int b = 0; b < count; b++) {
            for (int o = 0; o < channels; o++) {
                int row = o * cols + b * tpi;
                float bo = bias != null ? bias[o] : 0f;
                for (int ty = 0; ty < tilesH; ty++) {
                    for (int tx = 0; tx < tilesW; tx += VL) {
                        int src = row + ty * tilesW + tx;
                        outputTile(m, src, plane, bo, ye, yo, 2 * ty * rs + tx, rs);
                    }
                }
                int img = ((first + b) * channels + o) * outH * outW;
                for (int oy = 0; oy < outH; oy++) {
                    int dst = img + oy * outW;
                    int srcRow = oy * rs;
                    for (int k = 0; 2 * k < outW; k++) {
                        y[dst + 2 * k] = ye[srcRow + k];
                    }
                    for (int k = 0; 2 * k + 1 < outW; k++) {
                        y[dst + 2 * k + 1] = yo[srcRow + k];
                    }
                }
            }
        }
    }

    /**
     * The adjoint of {@link #transformOutput}: {@code dm = A dy A^T} for the output-gradient tiles of
     * images {@code first ..} of {@code dy}, outputs beyond the image counting as zero.
     */
    public static void transformOutputGradient(float[] dy, int first, int count, int channels, int outH, int outW,
                                               int tilesH, int tilesW, float[] dm) {
        int tpi = tilesH * tilesW;
        int cols = count * tpi;
        int plane = planeStride(channels, cols);
        int rs = rowStride(tilesW);
        Scratch sc = SCRATCH.get();
        sc.ensure(2 * tilesH * rs);
        sc.clear(2 * tilesH * rs);
        float[] ge = sc.even;
        float[] go = sc.odd;
        // Channels outermost: a spilled partial vector always lands on tiles written later.
        for (int o = 0; o < channels; o++) {
            for (int b = 0; b < count; b++) {
                int img = ((first + b) * channels + o) * outH * outW;
                // Outputs beyond the image are never written, so they stay zero.
                for (int oy = 0; oy < outH; oy++) {
                    split(dy, img + oy * outW, outW, ge, oy * rs, go, oy * rs);
                }
                int row = o * cols + b * tpi;
                for (int ty = 0; ty < tilesH; ty++) {
                    for (int tx = 0; tx < tilesW; tx += VL) {
                        int o0 = 2 * ty * rs + tx;
                        outputGradientTile(ge, go, o0, rs, dm, row + ty * tilesW + tx, plane);
                    }
                }
            }
        }
    }
}
