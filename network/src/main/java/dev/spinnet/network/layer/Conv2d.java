package dev.spinnet.network.layer;

import dev.spinnet.network.kernel.Im2col;
import dev.spinnet.network.kernel.Parallel;
import dev.spinnet.network.kernel.Sgemm;
import dev.spinnet.network.kernel.Winograd;
import dev.spinnet.network.tensor.Rng;
import dev.spinnet.network.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * 2-D convolution, stride 1, zero padding, any square kernel, lowered to GEMM.
 *
 * <p>Forward per chunk of images: {@code Y[Cout, n] = W[Cout, K] * cols[K, n]} with
 * {@code K = Cin*k*k} and {@code n = images*Ho*Wo}. Backward: {@code dW += dY * cols^T} and
 * {@code dcols = W^T * dY}, then col2im. Images are split over the worker threads, each with its
 * own column buffer and weight-gradient partial, summed in a fixed order (reproducible).
 *
 * <p>3x3 kernels with padding 1 on maps of at least {@link #WINOGRAD_MIN_SIDE} outputs a side and at
 * least {@link #WINOGRAD_MIN_CHANNELS} input channels take the {@link Winograd} F(2x2, 3x3) path
 * instead (see {@link #setAlgorithm}): 16
 * GEMMs of depth Cin over 2x2 output tiles replace one GEMM of depth 9 Cin, 2.25x fewer multiplies
 * before tile-edge waste. Both paths compute the same convolution; they differ in rounding.
 */
public final class Conv2d implements Layer {
    /** Target GEMM width: enough columns to amortise packing of W, small enough to stay in L2/L3. */
    private static final int TARGET_COLUMNS = 1024;
    /**
     * Target tiles per Winograd chunk: the 16 transformed planes of a chunk (16 x Cin x tiles floats,
     * 4 MiB at 256 channels) then stay within the L3 between the input transform and the GEMMs.
     */
    private static final int WINOGRAD_TILES = 256;
    /**
     * Smallest output side for the Winograd path: a 3x3 map needs 2x2 tiles covering 4x4, which eats
     * most of the gain (1.3x), and the GEMM path is well tuned there.
     */
    static final int WINOGRAD_MIN_SIDE = 5;
    /**
     * Fewest input channels for the Winograd path: its GEMMs are Cin deep, and below ~32 they run too
     * far below the kernel's peak to win (the CIFAR net's 24-channel second layer measured 0.9x).
     */
    static final int WINOGRAD_MIN_CHANNELS = 32;
    private static volatile ConvAlgorithm algorithm = ConvAlgorithm.AUTO;

    /** How 3x3 padding-1 convolutions are computed. */
    public enum ConvAlgorithm {
        /** im2col and one GEMM for every layer. */
        GEMM,
        /** Winograd where it measured faster (see {@link #WINOGRAD_MIN_SIDE}, {@link #WINOGRAD_MIN_CHANNELS}). */
        AUTO,
        /** Winograd for every 3x3 padding-1 layer, whatever its size (tests and ablations). */
        WINOGRAD
    }

    private final int cin;
    private final int cout;
    private final int k;
    private final int pad;
    private final Param weight;
    private final Param bias;
    private boolean inputGradNeeded = true;

    private Tensor input;
    private Tensor output;
    private Tensor gradInput;
    private float[][] colsScratch = new float[0][];
    private float[][] tmpScratch = new float[0][];
    private float[][] dwPartial = new float[0][];
    private float[][] dbPartial = new float[0][];
    /** Transformed weights of the last forward (the backward pass needs the same ones). */
    private float[] wino = new float[0];
    /** The path the last forward took; its backward must take the same one. */
    private boolean forwardWinograd;
    private float[][] winoIn = new float[0][];
    private float[][] winoOut = new float[0][];
    private float[][] winoDw = new float[0][];

    public Conv2d(int cin, int cout, int kernel, int padding, boolean withBias, Rng rng) {
        if (cin <= 0 || cout <= 0 || kernel <= 0 || padding < 0) {
            throw new IllegalArgumentException("conv2d: bad geometry cin=" + cin + " cout=" + cout
                    + " kernel=" + kernel + " padding=" + padding);
        }
        this.cin = cin;
        this.cout = cout;
        this.k = kernel;
        this.pad = padding;
        this.weight = new Param("weight", cout * cin * kernel * kernel);
        this.bias = withBias ? new Param("bias", cout) : null;
        if (bias != null) {
            bias.decay = false;
        }
        // PyTorch's default: uniform(-1/sqrt(fan_in), 1/sqrt(fan_in)).
        float bound = (float) (1.0 / Math.sqrt(cin * kernel * kernel));
        for (int i = 0; i < weight.value.length; i++) {
            weight.value[i] = (2 * rng.nextFloat() - 1) * bound;
        }
    }

    public Param weight() {
        return weight;
    }

    /** Input channels. */
    public int inChannels() {
        return cin;
    }

    /** Output channels. */
    public int outChannels() {
        return cout;
    }

    /** Side of the square kernel (stride is always 1). */
    public int kernelSize() {
        return k;
    }

    public Param bias() {
        return bias;
    }

    /** The first layer never needs the gradient of the data; skipping it saves a GEMM. */
    public Conv2d inputGradNeeded(boolean needed) {
        this.inputGradNeeded = needed;
        return this;
    }

    /**
     * Chooses how all 3x3 padding-1 layers compute (benchmarks and ablations compare the paths; results
     * differ only by float rounding).
     */
    public static void setAlgorithm(ConvAlgorithm a) {
        algorithm = java.util.Objects.requireNonNull(a);
    }

    public static ConvAlgorithm algorithm() {
        return algorithm;
    }

    private boolean winogradFor(int outH, int outW) {
        if (k != 3 || pad != 1) {
            return false;
        }
        return switch (algorithm) {
            case GEMM -> false;
            case WINOGRAD -> true;
            case AUTO -> cin >= WINOGRAD_MIN_CHANNELS && outH >= WINOGRAD_MIN_SIDE && outW >= WINOGRAD_MIN_SIDE;
        };
    }

    /**
     * Identity ("dirac") initialisation of the first {@code min(cin, cout)} filters: the
     * layer starts close to passing its input through, which trains faster in shallow nets.
     */
    public void diracInit() {
        int n = Math.min(cin, cout);
        int kk = k * k;
        int c = (k / 2) * k + k / 2;
        for (int o = 0; o < n; o++) {
            int base = o * cin * kk;
            Arrays.fill(weight.value, base, base + cin * kk, 0f);
            weight.value[base + o * kk + c] = 1f;
        }
    }

    @Override
    public int[] outputShape(int[] s) {
        check(s);
        return new int[]{s[0], cout, s[2] + 2 * pad - k + 1, s[3] + 2 * pad - k + 1};
    }

    private void check(int[] s) {
        if (s.length != 4 || s[1] != cin) {
            throw new IllegalArgumentException("conv2d expects [N," + cin + ",H,W], got " + Arrays.toString(s));
        }
        if (s[2] + 2 * pad < k || s[3] + 2 * pad < k) {
            throw new IllegalArgumentException("conv2d: input " + Arrays.toString(s) + " smaller than kernel " + k);
        }
    }

    @Override
    public long forwardMacsPerItem(int[] s) {
        int[] o = outputShape(s);
        return (long) cout * o[2] * o[3] * cin * k * k;
    }

    /**
     * Images per GEMM chunk: about {@link #TARGET_COLUMNS} columns, with the chunk count a
     * multiple of the thread count and of near-equal size, since {@link Parallel#forRange} gives
     * each thread a contiguous run of chunks. Without this, 13 chunks of the MNIST conv2 (batch
     * 128, 10 x 10 outputs) left one core idle for a seventh of the layer, and 5 chunks of the
     * last CIFAR layer (3 x 3) for a fifth.
     */
    static int imagesPerChunk(int n, int hw, int threads) {
        return imagesPerChunk(n, hw, threads, TARGET_COLUMNS);
    }

    private static int imagesPerChunk(int n, int hw, int threads, int target) {
        int per = Math.max(1, Math.min(n, target / hw));
        if (threads <= 1 || n <= threads || per == 1) {
            return per;
        }
        // Fewest chunks that are a multiple of the thread count and all (but the last) equal.
        int chunks = (n + per - 1) / per;
        for (int c = (chunks + threads - 1) / threads * threads; c <= n; c += threads) {
            int p = (n + c - 1) / c;
            if ((n + p - 1) / p == c) {
                return p;
            }
        }
        return per;
    }

    private void ensureScratch(int parts, int kdim, int cols, int rows) {
        if (colsScratch.length < parts) {
            colsScratch = Arrays.copyOf(colsScratch, parts);
            tmpScratch = Arrays.copyOf(tmpScratch, parts);
            dwPartial = Arrays.copyOf(dwPartial, parts);
            dbPartial = Arrays.copyOf(dbPartial, parts);
        }
        for (int p = 0; p < parts; p++) {
            if (colsScratch[p] == null || colsScratch[p].length < kdim * cols) {
                colsScratch[p] = new float[kdim * cols];
            }
            if (tmpScratch[p] == null || tmpScratch[p].length < rows * cols) {
                tmpScratch[p] = new float[rows * cols];
            }
        }
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        int[] os = outputShape(x.shape());
        input = x;
        output = Tensor.reuse(output, os);
        forwardWinograd = winogradFor(os[2], os[3]);
        if (forwardWinograd) {
            return forwardWinograd(x, os);
        }
        final int n = os[0];
        final int h = x.dim(2);
        final int w = x.dim(3);
        final int hw = os[2] * os[3];
        final int kdim = cin * k * k;
        final int per = imagesPerChunk(n, hw, Parallel.threads());
        final int chunks = (n + per - 1) / per;
        final float[] y = output.data;
        final float[] wv = weight.value;
        ensureScratch(Parallel.parts(chunks, (long) per * hw * kdim * cout), kdim, per * hw, cout);
        Parallel.forRange(chunks, (long) per * hw * kdim * cout, (part, c0, c1) -> {
            float[] cols = colsScratch[part];
            float[] tmp = tmpScratch[part];
            for (int ch = c0; ch < c1; ch++) {
                int first = ch * per;
                int cnt = Math.min(per, n - first);
                int ld = cnt * hw;
                Im2col.im2col(x.data, first, cnt, cin, h, w, k, pad, cols);
                if (cnt == 1) {
                    Sgemm.gemm(false, false, cout, hw, kdim, 1f, wv, 0, kdim, cols, 0, hw,
                            0f, y, first * cout * hw, hw);
                    if (bias != null) {
                        for (int o = 0; o < cout; o++) {
                            addConst(y, first * cout * hw + o * hw, hw, bias.value[o]);
                        }
                    }
                    continue;
                }
                Sgemm.gemm(false, false, cout, ld, kdim, 1f, wv, 0, kdim, cols, 0, ld, 0f, tmp, 0, ld);
                for (int b = 0; b < cnt; b++) {
                    for (int o = 0; o < cout; o++) {
                        int dst = ((first + b) * cout + o) * hw;
                        System.arraycopy(tmp, o * ld + b * hw, y, dst, hw);
                        if (bias != null) {
                            addConst(y, dst, hw, bias.value[o]);
                        }
                    }
                }
            }
        });
        return output;
    }

    private static void addConst(float[] a, int off, int len, float v) {
        for (int i = off; i < off + len; i++) {
            a[i] += v;
        }
    }

    @Override
    public Tensor backward(Tensor gradOut) {
        return backward(gradOut, true);
    }

    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradientNeeded) {
        final boolean wantDx = inputGradNeeded && inputGradientNeeded;
        if (forwardWinograd) {
            return backwardWinograd(gradOut, wantDx);
        }
        final Tensor x = input;
        final int n = x.dim(0);
        final int h = x.dim(2);
        final int w = x.dim(3);
        final int hw = gradOut.dim(2) * gradOut.dim(3);
        final int kdim = cin * k * k;
        final int per = imagesPerChunk(n, hw, Parallel.threads());
        final int chunks = (n + per - 1) / per;
        final float[] dy = gradOut.data;
        final boolean wantDw = weight.trainable;
        if (wantDx) {
            gradInput = Tensor.reuse(gradInput, x.shape());
        }
        final float[] dx = wantDx ? gradInput.data : null;
        final int parts = Parallel.parts(chunks, (long) per * hw * kdim * cout);
        ensureScratch(parts, kdim, per * hw, cout);
        for (int p = 0; p < parts; p++) {
            if (dwPartial[p] == null || dwPartial[p].length != weight.size()) {
                dwPartial[p] = new float[weight.size()];
            } else {
                Arrays.fill(dwPartial[p], 0f);
            }
            if (dbPartial[p] == null || dbPartial[p].length != cout) {
                dbPartial[p] = new float[cout];
            } else {
                Arrays.fill(dbPartial[p], 0f);
            }
        }
        Parallel.forRange(chunks, (long) per * hw * kdim * cout, (part, c0, c1) -> {
            float[] cols = colsScratch[part];
            float[] tmp = tmpScratch[part];
            float[] dw = dwPartial[part];
            float[] db = dbPartial[part];
            for (int ch = c0; ch < c1; ch++) {
                int first = ch * per;
                int cnt = Math.min(per, n - first);
                int ld = cnt * hw;
                // Gather dY of the chunk into [Cout, cnt*hw] (as the forward GEMM produced it).
                float[] g;
                int gOff;
                if (cnt == 1) {
                    g = dy;
                    gOff = first * cout * hw;
                } else {
                    g = tmp;
                    gOff = 0;
                    for (int b = 0; b < cnt; b++) {
                        for (int o = 0; o < cout; o++) {
                            System.arraycopy(dy, ((first + b) * cout + o) * hw, tmp, o * ld + b * hw, hw);
                        }
                    }
                }
                if (bias != null) {
                    for (int o = 0; o < cout; o++) {
                        float s = 0f;
                        int base = gOff + o * ld;
                        for (int t = 0; t < ld; t++) {
                            s += g[base + t];
                        }
                        db[o] += s;
                    }
                }
                if (wantDw) {
                    Im2col.im2col(x.data, first, cnt, cin, h, w, k, pad, cols);
                    Sgemm.gemm(false, true, cout, kdim, ld, 1f, g, gOff, ld, cols, 0, ld, 1f, dw, 0, kdim);
                }
                if (wantDx) {
                    Sgemm.gemm(true, false, kdim, ld, cout, 1f, weight.value, 0, kdim, g, gOff, ld,
                            0f, cols, 0, ld);
                    Arrays.fill(dx, first * cin * h * w, (first + cnt) * cin * h * w, 0f);
                    Im2col.col2im(cols, first, cnt, cin, h, w, k, pad, dx);
                }
            }
        });
        for (int p = 0; p < parts; p++) {
            if (wantDw) {
                addInto(weight.grad, dwPartial[p]);
            }
            if (bias != null) {
                addInto(bias.grad, dbPartial[p]);
            }
        }
        return wantDx ? gradInput : null;
    }

    private void ensureWinograd(int parts, int tiles) {
        if (winoIn.length < parts) {
            winoIn = Arrays.copyOf(winoIn, parts);
            winoOut = Arrays.copyOf(winoOut, parts);
            winoDw = Arrays.copyOf(winoDw, parts);
        }
        if (dbPartial.length < parts) {
            dbPartial = Arrays.copyOf(dbPartial, parts);
        }
        int in = Winograd.TILE * Winograd.planeStride(cin, tiles);
        int out = Winograd.TILE * Winograd.planeStride(cout, tiles);
        for (int p = 0; p < parts; p++) {
            if (winoIn[p] == null || winoIn[p].length < in) {
                winoIn[p] = new float[in];
            }
            if (winoOut[p] == null || winoOut[p].length < out) {
                winoOut[p] = new float[out];
            }
        }
    }

    /**
     * The Winograd geometry of one batch: input and output sides, tiles per side and per image, and the
     * split into chunks of {@code per} images (shared by the forward and the backward pass).
     */
    private record Tiling(int n, int h, int w, int oh, int ow, int th, int tw, int tpi, int per, int chunks) {
        static Tiling of(int[] inShape, int oh, int ow) {
            int n = inShape[0];
            int th = Winograd.tiles(oh);
            int tw = Winograd.tiles(ow);
            int per = imagesPerChunk(n, th * tw, Parallel.threads(), WINOGRAD_TILES);
            return new Tiling(n, inShape[2], inShape[3], oh, ow, th, tw, th * tw, per, (n + per - 1) / per);
        }

        int first(int chunk) {
            return chunk * per;
        }

        int count(int chunk) {
            return Math.min(per, n - chunk * per);
        }

        /** Multiply-adds of one chunk's GEMMs, for {@link Parallel}'s split. */
        long work(int plane) {
            return (long) per * tpi * Winograd.TILE * plane;
        }
    }

    private Tensor forwardWinograd(Tensor x, int[] os) {
        final Tiling g = Tiling.of(x.shape(), os[2], os[3]);
        final int plane = cout * cin;
        if (wino.length != Winograd.TILE * plane) {
            wino = new float[Winograd.TILE * plane];
        }
        Winograd.transformWeights(weight.value, cout, cin, wino);
        final float[] u = wino;
        final float[] y = output.data;
        final float[] b = bias != null ? bias.value : null;
        final long work = g.work(plane);
        ensureWinograd(Parallel.parts(g.chunks(), work), g.per() * g.tpi());
        Parallel.forRange(g.chunks(), work, (part, c0, c1) -> {
            float[] v = winoIn[part];
            float[] m = winoOut[part];
            for (int ch = c0; ch < c1; ch++) {
                int first = g.first(ch);
                int cnt = g.count(ch);
                int t = cnt * g.tpi();
                int vs = Winograd.planeStride(cin, t);
                int ms = Winograd.planeStride(cout, t);
                Winograd.transformInput(x.data, first, cnt, cin, g.h(), g.w(), g.th(), g.tw(), v);
                for (int xi = 0; xi < Winograd.TILE; xi++) {
                    Sgemm.gemm(false, false, cout, t, cin, 1f, u, xi * plane, cin, v, xi * vs, t,
                            0f, m, xi * ms, t);
                }
                Winograd.transformOutput(m, first, cnt, cout, g.oh(), g.ow(), g.th(), g.tw(), b, y);
            }
        });
        return output;
    }

    private Tensor backwardWinograd(Tensor gradOut, boolean wantDx) {
        final Tensor x = input;
        final Tiling g = Tiling.of(x.shape(), gradOut.dim(2), gradOut.dim(3));
        final int plane = cout * cin;
        final float[] dy = gradOut.data;
        final float[] u = wino;
        final boolean wantDw = weight.trainable;
        if (wantDx) {
            gradInput = Tensor.reuse(gradInput, x.shape());
        }
        final float[] dx = wantDx ? gradInput.data : null;
        final long work = g.work(plane);
        final int parts = Parallel.parts(g.chunks(), work);
        ensureWinograd(parts, g.per() * g.tpi());
        for (int p = 0; p < parts; p++) {
            if (wantDw) {
                if (winoDw[p] == null || winoDw[p].length != Winograd.TILE * plane) {
                    winoDw[p] = new float[Winograd.TILE * plane];
                } else {
                    Arrays.fill(winoDw[p], 0f);
                }
            }
            if (dbPartial[p] == null || dbPartial[p].length != cout) {
                dbPartial[p] = new float[cout];
            } else {
                Arrays.fill(dbPartial[p], 0f);
            }
        }
        final int ohw = g.oh() * g.ow();
        Parallel.forRange(g.chunks(), work, (part, c0, c1) -> {
            float[] v = winoIn[part];
            float[] m = winoOut[part];
            float[] du = winoDw[part];
            float[] db = dbPartial[part];
            for (int ch = c0; ch < c1; ch++) {
                int first = g.first(ch);
                int cnt = g.count(ch);
                int t = cnt * g.tpi();
                int vs = Winograd.planeStride(cin, t);
                int ms = Winograd.planeStride(cout, t);
                if (bias != null) {
                    for (int img = first; img < first + cnt; img++) {
                        for (int o = 0; o < cout; o++) {
                            float s = 0f;
                            int base = (img * cout + o) * ohw;
                            for (int i = 0; i < ohw; i++) {
                                s += dy[base + i];
                            }
                            db[o] += s;
                        }
                    }
                }
                Winograd.transformOutputGradient(dy, first, cnt, cout, g.oh(), g.ow(), g.th(), g.tw(), m);
                if (wantDw) {
                    // V again rather than kept from the forward pass, which would hold 16 floats per tile and
                    // input channel for the whole batch: ~270 MB per layer at batch 1024, ~1 GiB for the net.
                    Winograd.transformInput(x.data, first, cnt, cin, g.h(), g.w(), g.th(), g.tw(), v);
                    for (int xi = 0; xi < Winograd.TILE; xi++) {
                        Sgemm.gemm(false, true, cout, cin, t, 1f, m, xi * ms, t, v, xi * vs, t,
                                1f, du, xi * plane, cin);
                    }
                }
                if (wantDx) {
                    for (int xi = 0; xi < Winograd.TILE; xi++) {
                        Sgemm.gemm(true, false, cin, t, cout, 1f, u, xi * plane, cin, m, xi * ms, t,
                                0f, v, xi * vs, t);
                    }
                    Winograd.clearGaps(v, cin, t);
                    Arrays.fill(dx, first * cin * g.h() * g.w(), (first + cnt) * cin * g.h() * g.w(), 0f);
                    Winograd.accumulateInputGradient(v, first, cnt, cin, g.h(), g.w(), g.th(), g.tw(), dx);
                }
            }
        });
        if (wantDw) {
            float[] sum = winoDw[0];
            for (int p = 1; p < parts; p++) {
                addInto(sum, winoDw[p]);
            }
            Winograd.accumulateWeightGradient(sum, cout, cin, weight.grad);
        }
        if (bias != null) {
            for (int p = 0; p < parts; p++) {
                addInto(bias.grad, dbPartial[p]);
            }
        }
        return wantDx ? gradInput : null;
    }

    private static void addInto(float[] acc, float[] v) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += v[i];
        }
    }

    @Override
    public List<Param> params() {
        List<Param> ps = new ArrayList<>();
        ps.add(weight);
        if (bias != null) {
            ps.add(bias);
        }
        return ps;
    }

    @Override
    public String describe() {
        return "Conv2d(" + cin + "->" + cout + ", k=" + k + ", pad=" + pad + (bias != null ? ", bias" : "") + ")";
    }
}
