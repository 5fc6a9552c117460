package dev.spinnet.network.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision general matrix multiply on row-major arrays:
 * {@code C = alpha * op(A) * op(B) + beta * C}, op(X) = X or X^T.
 *
 * <p>A is m x k after op, B is k x n after op, C is m x n. Leading dimensions are the row
 * strides of the arrays as stored (before op). {@link #gemm} is single-threaded: callers
 * parallelise over independent problems (images), or use {@link #gemmParallel} for one big
 * product.
 *
 * <p>The fast path follows the BLIS/GotoBLAS structure:
 * <pre>
 * for jc in n step NC            B block  (KC x NC)  lives in L2/L3
 *   for pc in k step KC          pack op(B)[pc:+KC, jc:+NC] into NR-column panels
 *     for ic in m step MC        pack op(A)[ic:+MC, pc:+KC] into MR-row panels (L2)
 *       for jr in NC step NR     one B micro-panel (KC x NR) stays in L1
 *         for ir in MC step MR   micro-kernel: MR x NR tile of C in registers
 * </pre>
 * Packing absorbs the transposes and the edge padding, so the four op combinations and all
 * shapes share one micro-kernel per vector width. Pack buffers are per thread and reused, so
 * steady-state calls allocate nothing.
 *
 * <p>{@link #reference} is the triple-loop oracle the fast kernel is tested against.
 */
public final class Sgemm {
    private Sgemm() {
    }

    /**
     * Vector shape of the micro-kernel; NR spans two of these. 512-bit where the platform
     * prefers it (measured ~2x the 256-bit kernel on the Zen 5 build machine, whose FMA units
     * are 512 bits wide), else 256-bit; never wider than preferred, since unsupported shapes
     * fall back to a very slow Java emulation.
     */
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 512
            ? FloatVector.SPECIES_512 : FloatVector.SPECIES_256;
    static final int L = S.length();
    /**
     * Rows of the register tile. With 512-bit vectors AVX-512 has 32 registers: 8 x 2
     * accumulators + 2 B vectors + 1 broadcast fit. AVX2 has 16, and C2 loads all broadcasts of a
     * k step before its FMAs: 4 x 2 accumulators + 2 B vectors + 4 broadcasts = 14 fit, while
     * 6 rows (18 registers) spilled an accumulator to the stack inside the loop (half speed).
     */
    static final int MR = L >= 16 ? 8 : 4;
    /** Columns of the register tile: two vectors. */
    static final int NR = 2 * L;
    /**
     * Maximum depth of a packed block. A KC x NR B micro-panel (48 KiB at 512-bit) is streamed
     * against L1-resident A micro-panels; 256..512 measured within noise, 384 splits the conv
     * depths 9*Cin (576, 1152, 2304) into equal blocks. The actual depth is balanced so no
     * block is thin (see {@link #gemm}). On AVX2 (Zen 3) 384..768 were within noise of each
     * other and 96..256 slower: C is read and written once per K block, and deep blocks make
     * that rarer.
     */
    static final int KC = L >= 16 ? 384 : 512;
    /**
     * Rows of a packed A block: MC x KC floats (360 KiB at 512-bit, 128 KiB on AVX2) stay in
     * the L2 while every B micro-panel of the block passes.
     */
    static final int MC = L >= 16 ? 240 : 64;
    /** Columns of a packed B block (KC x NC, 3-4 MiB, lives in L3 and is streamed once per ic). */
    static final int NC = 2048;

    /** Below this many multiply-adds the packing overhead dominates; use the plain loops. */
    private static final long SMALL = 4096;

    /** Per-thread pack buffers, grown on demand and then reused. */
    private static final class Workspace {
        float[] aPack = new float[0];
        float[] bPack = new float[0];
        final float[] tile = new float[MR * NR];

        float[] aPack(int size) {
            if (aPack.length < size) {
                aPack = new float[size];
            }
            return aPack;
        }

        float[] bPack(int size) {
            if (bPack.length < size) {
                bPack = new float[size];
            }
            return bPack;
        }
    }

    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("negative dimension: m=" + m + " n=" + n + " k=" + k);
        }
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0f) {
            scale(m, n, beta, c, cOff, ldc);
            return;
        }
        if ((long) m * n * k <= SMALL) {
            small(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        // Equal K blocks of at most KC: 576 -> 2 x 288 rather than 384 + 192.
        int kBlocks = (k + KC - 1) / KC;
        int kcStep = (k + kBlocks - 1) / kBlocks;
        Workspace ws = WORKSPACE.get();
        float[] tile = ws.tile;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            int ncPanels = (nc + NR - 1) / NR;
            for (int pc = 0; pc < k; pc += kcStep) {
                int kc = Math.min(kcStep, k - pc);
                float[] bp = ws.bPack(ncPanels * NR * kc);
                packB(transB, b, bOff, ldb, pc, kc, jc, nc, bp);
                // Only the first K block applies the caller's beta; later blocks accumulate.
                float betaK = pc == 0 ? beta : 1f;
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    int mcPanels = (mc + MR - 1) / MR;
                    float[] ap = ws.aPack(mcPanels * MR * kc);
                    packA(transA, a, aOff, lda, ic, mc, pc, kc, ap);
                    for (int jr = 0; jr < ncPanels; jr++) {
                        int nr = Math.min(NR, nc - jr * NR);
                        int bi = jr * NR * kc;
                        for (int ir = 0; ir < mcPanels; ir++) {
                            int mr = Math.min(MR, mc - ir * MR);
                            int ci = cOff + (ic + ir * MR) * ldc + jc + jr * NR;
                            if (L < 16) {
                                microKernel4(kc, ap, ir * MR * kc, bp, bi, tile);
                            } else {
                                microKernel(kc, ap, ir * MR * kc, bp, bi, tile);
                            }
                            storeTile(tile, mr, nr, alpha, betaK, c, ci, ldc);
                        }
                    }
                }
            }
        }
    }

    /**
     * Register-tiled micro-kernel: tile = Apanel * Bpanel over kc steps; {@link #storeTile}
     * then applies alpha, beta and the edges.
     *
     * <p>The 8x2 accumulator vectors are plain locals so C2 keeps all of them in registers
     * (16 accumulators + 2 B vectors + 1 broadcast fit the 32 vector registers of AVX-512);
     * an array of vectors would be spilled to memory. Packing zero-pads edge panels, so the hot
     * loop is always the full MR x NR tile.
     *
     * <p>The method has no branch but its loop, on purpose. It used to store into C itself,
     * with branches for beta == 0 and for edge tiles. A branch the profile had not yet seen
     * taken compiled to an uncommon trap (-Xlog:deoptimization: unstable_if at those branches),
     * each trap sent the kernel back to the interpreter, and its long loop was then
     * OSR-compiled. A JFR recording of a training run going at a third of its usual speed
     * found ~5 GB/s of float[] allocated by non-intrinsified vector FMAs in this loop: boxed
     * Vector API objects instead of registers. Without the branches the kernel is not
     * deoptimised. Spilling 16 vectors to the L1-resident tile and reloading them in storeTile
     * adds 32 vector memory operations to the ~10,000 instructions of a 384-deep block.
     */
    private static void microKernel(int kc, float[] ap, int ai, float[] bp, int bi, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c10 = FloatVector.zero(S), c11 = FloatVector.zero(S), c20 = FloatVector.zero(S), c21 = FloatVector.zero(S), c30 = FloatVector.zero(S), c31 = FloatVector.zero(S), c40 = FloatVector.zero(S), c41 = FloatVector.zero(S), c50 = FloatVector.zero(S), c51 = FloatVector.zero(S), c60 = FloatVector.zero(S), c61 = FloatVector.zero(S), c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            // Indices are linear in p so C2 can hoist the range checks out of the loop.
            int aIdx = ai + p * MR;
            int bIdx = bi + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bIdx);
            FloatVector b1 = FloatVector.fromArray(S, bp, bIdx + L);
            FloatVector av;
            av = FloatVector.broadcast(S, ap[aIdx + 0]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(S, ap[aIdx + 1]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(S, ap[aIdx + 2]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(S, ap[aIdx + 3]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = FloatVector.broadcast(S, ap[aIdx + 4]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = FloatVector.broadcast(S, ap[aIdx + 5]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
            av = FloatVector.broadcast(S, ap[aIdx + 6]);
            c60 = av.fma(b0, c60);
            c61 = av.fma(b1, c61);
            av = FloatVector.broadcast(S, ap[aIdx + 7]);
            c70 = av.fma(b0, c70);
            c71 = av.fma(b1, c71);
        }
        c00.intoArray(tile, 0 * NR);
        c01.intoArray(tile, 0 * NR + L);
        c10.intoArray(tile, 1 * NR);
        c11.intoArray(tile, 1 * NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        c60.intoArray(tile, 6 * NR);
        c61.intoArray(tile, 6 * NR + L);
        c70.intoArray(tile, 7 * NR);
        c71.intoArray(tile, 7 * NR + L);
    }

    /**
     * The 4 x 2-vector register tile for 16-register (AVX2) machines: tile = Apanel * Bpanel over
     * kc steps with A broadcast from the compact panel (C2 emits memory-operand broadcasts).
     * 8 accumulators + 2 B vectors + 4 broadcasts = 14 of the 16 ymm registers: C2 schedules all
     * broadcasts of a step ahead of its FMAs, which with a 6-row tile needed 18 registers and
     * spilled an accumulator (half speed).
     */
    private static void microKernel4(int kc, float[] ap, int ai, float[] bp, int bi, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S), c10 = FloatVector.zero(S), c11 = FloatVector.zero(S), c20 = FloatVector.zero(S), c21 = FloatVector.zero(S), c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++) {
            int aIdx = ai + p * 4;
            int bIdx = bi + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bIdx);
            FloatVector b1 = FloatVector.fromArray(S, bp, bIdx + L);
            FloatVector av;
            av = FloatVector.broadcast(S, ap[aIdx + 0]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(S, ap[aIdx + 1]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(S, ap[aIdx + 2]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(S, ap[aIdx + 3]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
        }
        c00.intoArray(tile, 0 * NR);
        c01.intoArray(tile, 0 * NR + L);
        c10.intoArray(tile, 1 * NR);
        c11.intoArray(tile, 1 * NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
    }

    /** C[0:mr, 0:nr] = alpha * tile + beta * C, vectorised for a full tile. */
    private static void storeTile(float[] tile, int mr, int nr, float alpha, float beta, float[] c, int ci, int ldc) {
        if (mr != MR || nr != NR) {
            storeEdge(tile, mr, nr, alpha, beta, c, ci, ldc);
            return;
        }
        for (int r = 0; r < MR; r++) {
            for (int v = 0; v < NR; v += L) {
                FloatVector t = FloatVector.fromArray(S, tile, r * NR + v).mul(alpha);
                int at = ci + r * ldc + v;
                // beta == 0 overwrites C without reading it, so NaN garbage cannot leak in.
                (beta == 0f ? t : t.add(FloatVector.fromArray(S, c, at).mul(beta))).intoArray(c, at);
            }
        }
    }

    /** Writes the valid mr x nr corner of a spilled register tile into C. */
    private static void storeEdge(float[] tile, int mr, int nr, float alpha, float beta,
                                  float[] c, int ci, int ldc) {
        for (int r = 0; r < mr; r++) {
            int row = ci + r * ldc;
            int t = r * NR;
            if (beta == 0f) {
                for (int j = 0; j < nr; j++) {
                    c[row + j] = alpha * tile[t + j];
                }
            } else {
                for (int j = 0; j < nr; j++) {
                    c[row + j] = alpha * tile[t + j] + beta * c[row + j];
                }
            }
        }
    }

    /**
     * Packs op(A)[i0:i0+mc, p0:p0+kc] into consecutive MR-row panels; within a panel element
     * (r, p) sits at p*MR + r so the micro-kernel reads MR broadcasts per step contiguously.
     * Rows beyond mc are zero so edge tiles run the full kernel harmlessly.
     */
    static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int mc, int p0,
                      int kc, float[] ap) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int dst = ir * kc;
            if (transA) {
                // op(A)[i][p] = a[p*lda + i]: each k step is a contiguous run of rows.
                for (int p = 0; p < kc; p++) {
                    int src = aOff + (p0 + p) * lda + i0 + ir;
                    int d = dst + p * MR;
                    System.arraycopy(a, src, ap, d, mr);
                    for (int r = mr; r < MR; r++) {
                        ap[d + r] = 0f;
                    }
                }
            } else {
                // op(A)[i][p] = a[i*lda + p]: read each row contiguously, write strided by MR.
                for (int r = 0; r < mr; r++) {
                    int src = aOff + (i0 + ir + r) * lda + p0;
                    for (int p = 0; p < kc; p++) {
                        ap[dst + p * MR + r] = a[src + p];
                    }
                }
                for (int r = mr; r < MR; r++) {
                    for (int p = 0; p < kc; p++) {
                        ap[dst + p * MR + r] = 0f;
                    }
                }
            }
        }
    }

    /**
     * Packs op(B)[p0:p0+kc, j0:j0+nc] into consecutive NR-column panels; within a panel element
     * (p, j) sits at p*NR + j so each k step is two aligned vector loads. Columns beyond nc are
     * zero.
     */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0,
                      int nc, float[] bp) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int dst = jr * kc;
            if (transB && nr == NR && L == 16) {
                transposePanel16(b, bOff + (j0 + jr) * ldb + p0, ldb, kc, bp, dst);
                transposePanel16(b, bOff + (j0 + jr + L) * ldb + p0, ldb, kc, bp, dst + L);
            } else if (transB && nr == NR && L == 8) {
                transposePanel8(b, bOff + (j0 + jr) * ldb + p0, ldb, kc, bp, dst);
                transposePanel8(b, bOff + (j0 + jr + L) * ldb + p0, ldb, kc, bp, dst + L);
            } else if (transB) {
                // op(B)[p][j] = b[j*ldb + p]: read each stored row contiguously, write strided.
                for (int j = 0; j < nr; j++) {
                    int src = bOff + (j0 + jr + j) * ldb + p0;
                    for (int p = 0; p < kc; p++) {
                        bp[dst + p * NR + j] = b[src + p];
                    }
                }
                for (int j = nr; j < NR; j++) {
                    for (int p = 0; p < kc; p++) {
                        bp[dst + p * NR + j] = 0f;
                    }
                }
            } else if (nr == NR) {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (p0 + p) * ldb + j0 + jr;
                    int d = dst + p * NR;
                    FloatVector.fromArray(S, b, src).intoArray(bp, d);
                    FloatVector.fromArray(S, b, src + L).intoArray(bp, d + L);
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (p0 + p) * ldb + j0 + jr;
                    int d = dst + p * NR;
                    System.arraycopy(b, src, bp, d, nr);
                    for (int j = nr; j < NR; j++) {
                        bp[d + j] = 0f;
                    }
                }
            }
        }
    }

    // Lane shuffles/masks for the in-register 16x16 transpose: stage h swaps the h x h
    // off-diagonal blocks of every 2h x 2h block (h = 8, 4, 2, 1).
    private static final VectorShuffle<Float> DN8 = shift(8), DN4 = shift(4), DN2 = shift(2),
            DN1 = shift(1), UP8 = shift(-8), UP4 = shift(-4), UP2 = shift(-2), UP1 = shift(-1);
    private static final VectorMask<Float> M8 = laneBit(8), M4 = laneBit(4), M2 = laneBit(2),
            M1 = laneBit(1), N8 = M8.not(), N4 = M4.not(), N2 = M2.not(), N1 = M1.not();

    /** Shuffle where lane l takes lane l - h (mod L). */
    private static VectorShuffle<Float> shift(int h) {
        int[] ix = new int[L];
        for (int l = 0; l < L; l++) {
            ix[l] = Math.floorMod(l - h, L);
        }
        return VectorShuffle.fromArray(S, ix, 0);
    }

    /** Mask of the lanes whose index has bit h set. */
    private static VectorMask<Float> laneBit(int h) {
        boolean[] bits = new boolean[L];
        for (int l = 0; l < L; l++) {
            bits[l] = (l & h) != 0;
        }
        return VectorMask.fromArray(S, bits, 0);
    }

    /**
     * The 8-lane (AVX2) counterpart of {@link #transposePanel16}: 8 stored rows of B (8 columns of
     * op(B)), kc deep, into one half of an NR panel, 8 x 8 blocks transposed in registers in three
     * permute+blend stages; the kc % 8 tail is scalar. Only valid for 8-lane species.
     */
    private static void transposePanel8(float[] b, int src, int ldb, int kc, float[] bp, int dst) {
        int kc8 = kc & ~7;
        for (int p = 0; p < kc8; p += 8) {
            int q = src + p;
            FloatVector r0 = FloatVector.fromArray(S, b, q);
            FloatVector r1 = FloatVector.fromArray(S, b, q + 1 * ldb);
            FloatVector r2 = FloatVector.fromArray(S, b, q + 2 * ldb);
            FloatVector r3 = FloatVector.fromArray(S, b, q + 3 * ldb);
            FloatVector r4 = FloatVector.fromArray(S, b, q + 4 * ldb);
            FloatVector r5 = FloatVector.fromArray(S, b, q + 5 * ldb);
            FloatVector r6 = FloatVector.fromArray(S, b, q + 6 * ldb);
            FloatVector r7 = FloatVector.fromArray(S, b, q + 7 * ldb);
            FloatVector t;
            t = r0;
            r0 = r0.blend(r4.rearrange(DN4), M4);
            r4 = r4.blend(t.rearrange(UP4), N4);
            t = r1;
            r1 = r1.blend(r5.rearrange(DN4), M4);
            r5 = r5.blend(t.rearrange(UP4), N4);
            t = r2;
            r2 = r2.blend(r6.rearrange(DN4), M4);
            r6 = r6.blend(t.rearrange(UP4), N4);
            t = r3;
            r3 = r3.blend(r7.rearrange(DN4), M4);
            r7 = r7.blend(t.rearrange(UP4), N4);
            t = r0;
            r0 = r0.blend(r2.rearrange(DN2), M2);
            r2 = r2.blend(t.rearrange(UP2), N2);
            t = r1;
            r1 = r1.blend(r3.rearrange(DN2), M2);
            r3 = r3.blend(t.rearrange(UP2), N2);
            t = r4;
            r4 = r4.blend(r6.rearrange(DN2), M2);
            r6 = r6.blend(t.rearrange(UP2), N2);
            t = r5;
            r5 = r5.blend(r7.rearrange(DN2), M2);
            r7 = r7.blend(t.rearrange(UP2), N2);
            t = r0;
            r0 = r0.blend(r1.rearrange(DN1), M1);
            r1 = r1.blend(t.rearrange(UP1), N1);
            t = r2;
            r2 = r2.blend(r3.rearrange(DN1), M1);
            r3 = r3.blend(t.rearrange(UP1), N1);
            t = r4;
            r4 = r4.blend(r5.rearrange(DN1), M1);
            r5 = r5.blend(t.rearrange(UP1), N1);
            t = r6;
            r6 = r6.blend(r7.rearrange(DN1), M1);
            r7 = r7.blend(t.rearrange(UP1), N1);
            int d = dst + p * NR;
            r0.intoArray(bp, d);
            r1.intoArray(bp, d + 1 * NR);
            r2.intoArray(bp, d + 2 * NR);
            r3.intoArray(bp, d + 3 * NR);
            r4.intoArray(bp, d + 4 * NR);
            r5.intoArray(bp, d + 5 * NR);
            r6.intoArray(bp, d + 6 * NR);
            r7.intoArray(bp, d + 7 * NR);
        }
        for (int j = 0; j < 8; j++) {
            int row = src + j * ldb;
            for (int p = kc8; p < kc; p++) {
                bp[dst + p * NR + j] = b[row + p];
            }
        }
    }

    /**
     * Packs 16 stored rows of B (16 columns of op(B)), kc deep, into one half of an NR panel:
     * bp[dst + p*NR + j] = b[src + j*ldb + p]. Transposed operands are the bottleneck of the NT
     * (weight-gradient) products when m is small: this does 16x16 blocks in registers with
     * permute+blend (about 2x the scalar loop on JDK 25, equal on JDK 17); the kc % 16 tail is
     * scalar. Only valid for 16-lane species.
     */
    private static void transposePanel16(float[] b, int src, int ldb, int kc, float[] bp, int dst) {
        int kc16 = kc & ~15;
        for (int p = 0; p < kc16; p += 16) {
            int q = src + p;
            FloatVector r0 = FloatVector.fromArray(S, b, q);
            FloatVector r1 = FloatVector.fromArray(S, b, q + ldb);
            FloatVector r2 = FloatVector.fromArray(S, b, q + 2 * ldb);
            FloatVector r3 = FloatVector.fromArray(S, b, q + 3 * ldb);
            FloatVector r4 = FloatVector.fromArray(S, b, q + 4 * ldb);
            FloatVector r5 = FloatVector.fromArray(S, b, q + 5 * ldb);
            FloatVector r6 = FloatVector.fromArray(S, b, q + 6 * ldb);
            FloatVector r7 = FloatVector.fromArray(S, b, q + 7 * ldb);
            FloatVector r8 = FloatVector.fromArray(S, b, q + 8 * ldb);
            FloatVector r9 = FloatVector.fromArray(S, b, q + 9 * ldb);
            FloatVector r10 = FloatVector.fromArray(S, b, q + 10 * ldb);
            FloatVector r11 = FloatVector.fromArray(S, b, q + 11 * ldb);
            FloatVector r12 = FloatVector.fromArray(S, b, q + 12 * ldb);
            FloatVector r13 = FloatVector.fromArray(S, b, q + 13 * ldb);
            FloatVector r14 = FloatVector.fromArray(S, b, q + 14 * ldb);
            FloatVector r15 = FloatVector.fromArray(S, b, q + 15 * ldb);
            FloatVector t;
            t = r0;
            r0 = r0.blend(r8.rearrange(DN8), M8);
            r8 = r8.blend(t.rearrange(UP8), N8);
            t = r1;
            r1 = r1.blend(r9.rearrange(DN8), M8);
            r9 = r9.blend(t.rearrange(UP8), N8);
            t = r2;
            r2 = r2.blend(r10.rearrange(DN8), M8);
            r10 = r10.blend(t.rearrange(UP8), N8);
            t = r3;
            r3 = r3.blend(r11.rearrange(DN8), M8);
            r11 = r11.blend(t.rearrange(UP8), N8);
            t = r4;
            r4 = r4.blend(r12.rearrange(DN8), M8);
            r12 = r12.blend(t.rearrange(UP8), N8);
            t = r5;
            r5 = r5.blend(r13.rearrange(DN8), M8);
            r13 = r13.blend(t.rearrange(UP8), N8);
            t = r6;
            r6 = r6.blend(r14.rearrange(DN8), M8);
            r14 = r14.blend(t.rearrange(UP8), N8);
            t = r7;
            r7 = r7.blend(r15.rearrange(DN8), M8);
            r15 = r15.blend(t.rearrange(UP8), N8);
            t = r0;
            r0 = r0.blend(r4.rearrange(DN4), M4);
            r4 = r4.blend(t.rearrange(UP4), N4);
            t = r1;
            r1 = r1.blend(r5.rearrange(DN4), M4);
            r5 = r5.blend(t.rearrange(UP4), N4);
            t = r2;
            r2 = r2.blend(r6.rearrange(DN4), M4);
            r6 = r6.blend(t.rearrange(UP4), N4);
            t = r3;
            r3 = r3.blend(r7.rearrange(DN4), M4);
            r7 = r7.blend(t.rearrange(UP4), N4);
            t = r8;
            r8 = r8.blend(r12.rearrange(DN4), M4);
            r12 = r12.blend(t.rearrange(UP4), N4);
            t = r9;
            r9 = r9.blend(r13.rearrange(DN4), M4);
            r13 = r13.blend(t.rearrange(UP4), N4);
            t = r10;
            r10 = r10.blend(r14.rearrange(DN4), M4);
            r14 = r14.blend(t.rearrange(UP4), N4);
            t = r11;
            r11 = r11.blend(r15.rearrange(DN4), M4);
            r15 = r15.blend(t.rearrange(UP4), N4);
            t = r0;
            r0 = r0.blend(r2.rearrange(DN2), M2);
            r2 = r2.blend(t.rearrange(UP2), N2);
            t = r1;
            r1 = r1.blend(r3.rearrange(DN2), M2);
            r3 = r3.blend(t.rearrange(UP2), N2);
            t = r4;
            r4 = r4.blend(r6.rearrange(DN2), M2);
            r6 = r6.blend(t.rearrange(UP2), N2);
            t = r5;
            r5 = r5.blend(r7.rearrange(DN2), M2);
            r7 = r7.blend(t.rearrange(UP2), N2);
            t = r8;
            r8 = r8.blend(r10.rearrange(DN2), M2);
            r10 = r10.blend(t.rearrange(UP2), N2);
            t = r9;
            r9 = r9.blend(r11.rearrange(DN2), M2);
            r11 = r11.blend(t.rearrange(UP2), N2);
            t = r12;
            r12 = r12.blend(r14.rearrange(DN2), M2);
            r14 = r14.blend(t.rearrange(UP2), N2);
            t = r13;
            r13 = r13.blend(r15.rearrange(DN2), M2);
            r15 = r15.blend(t.rearrange(UP2), N2);
            t = r0;
            r0 = r0.blend(r1.rearrange(DN1), M1);
            r1 = r1.blend(t.rearrange(UP1), N1);
            t = r2;
            r2 = r2.blend(r3.rearrange(DN1), M1);
            r3 = r3.blend(t.rearrange(UP1), N1);
            t = r4;
            r4 = r4.blend(r5.rearrange(DN1), M1);
            r5 = r5.blend(t.rearrange(UP1), N1);
            t = r6;
            r6 = r6.blend(r7.rearrange(DN1), M1);
            r7 = r7.blend(t.rearrange(UP1), N1);
            t = r8;
            r8 = r8.blend(r9.rearrange(DN1), M1);
            r9 = r9.blend(t.rearrange(UP1), N1);
            t = r10;
            r10 = r10.blend(r11.rearrange(DN1), M1);
            r11 = r11.blend(t.rearrange(UP1), N1);
            t = r12;
            r12 = r12.blend(r13.rearrange(DN1), M1);
            r13 = r13.blend(t.rearrange(UP1), N1);
            t = r14;
            r14 = r14.blend(r15.rearrange(DN1), M1);
            r15 = r15.blend(t.rearrange(UP1), N1);
            int d = dst + p * NR;
            r0.intoArray(bp, d);
            r1.intoArray(bp, d + NR);
            r2.intoArray(bp, d + 2 * NR);
            r3.intoArray(bp, d + 3 * NR);
            r4.intoArray(bp, d + 4 * NR);
            r5.intoArray(bp, d + 5 * NR);
            r6.intoArray(bp, d + 6 * NR);
            r7.intoArray(bp, d + 7 * NR);
            r8.intoArray(bp, d + 8 * NR);
            r9.intoArray(bp, d + 9 * NR);
            r10.intoArray(bp, d + 10 * NR);
            r11.intoArray(bp, d + 11 * NR);
            r12.intoArray(bp, d + 12 * NR);
            r13.intoArray(bp, d + 13 * NR);
            r14.intoArray(bp, d + 14 * NR);
            r15.intoArray(bp, d + 15 * NR);
        }
        for (int j = 0; j < 16; j++) {
            int row = src + j * ldb;
            for (int p = kc16; p < kc; p++) {
                bp[dst + p * NR + j] = b[row + p];
            }
        }
    }

    /** C = beta * C, with beta == 0 clearing (not multiplying) so NaN/Inf garbage is dropped. */
    private static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = beta == 0f ? 0f : beta * c[row + j];
            }
        }
    }

    /** Tiny products: direct float loops, no packing or workspace. */
    private static void small(boolean transA, boolean transB, int m, int n, int k, float alpha,
                              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                              float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    float bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s += av * bv;
                }
                int ci = cOff + i * ldc + j;
                c[ci] = beta == 0f ? alpha * s : alpha * s + beta * c[ci];
            }
        }
    }

    /**
     * Multiply-adds below which one thread is faster than two: handing a task to the other
     * core costs ~10-20 us, the time of ~1 M multiply-adds (the MNIST 256 -> 10 layer, 0.3 M,
     * took twice as long split).
     */
    static final long PARALLEL_MIN_WORK = 1L << 20;

    /**
     * Same product as {@link #gemm}, split into {@code threads} independent blocks of C (column
     * blocks when C is wide, row blocks when tall) run on {@link KernelThreads}. Each block is a
     * plain single-threaded {@link #gemm} call with shifted offsets, so results are identical
     * to the serial kernel.
     */
    public static void gemmParallel(int threads, boolean transA, boolean transB, int m, int n,
                                    int k, float alpha, float[] a, int aOff, int lda, float[] b,
                                    int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        long work = (long) m * n * Math.max(k, 1);
        int parts = Math.min(threads, KernelThreads.size() + 1);
        if (parts <= 1 || work < PARALLEL_MIN_WORK || KernelThreads.isWorker()) {
            gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        Runnable[] tasks = new Runnable[parts];
        int count = 0;
        if (n >= m) {
            // Column blocks rounded to NR so every part runs full register tiles.
            int panels = (n + NR - 1) / NR;
            parts = Math.min(parts, panels);
            for (int t = 0; t < parts; t++) {
                int j0 = Math.min(n, (int) ((long) panels * t / parts) * NR);
                int j1 = Math.min(n, (int) ((long) panels * (t + 1) / parts) * NR);
                if (j1 <= j0) {
                    continue;
                }
                int bo = transB ? bOff + j0 * ldb : bOff + j0;
                tasks[count++] = () -> gemm(transA, transB, m, j1 - j0, k, alpha, a, aOff, lda,
                        b, bo, ldb, beta, c, cOff + j0, ldc);
            }
        } else {
            int panels = (m + MR - 1) / MR;
            parts = Math.min(parts, panels);
            for (int t = 0; t < parts; t++) {
                int i0 = Math.min(m, (int) ((long) panels * t / parts) * MR);
                int i1 = Math.min(m, (int) ((long) panels * (t + 1) / parts) * MR);
                if (i1 <= i0) {
                    continue;
                }
                int ao = transA ? aOff + i0 : aOff + i0 * lda;
                tasks[count++] = () -> gemm(transA, transB, i1 - i0, n, k, alpha, a, ao, lda,
                        b, bOff, ldb, beta, c, cOff + i0 * ldc, ldc);
            }
        }
        KernelThreads.runAll(tasks, count);
    }

    /** Triple loop in double accumulation: slow, exact enough to be the test oracle. */
    public static void reference(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                 float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                 float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    float bv = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s += (double) av * bv;
                }
                int ci = cOff + i * ldc + j;
                float prev = beta == 0f ? 0f : beta * c[ci];
                c[ci] = (float) (alpha * s) + prev;
            }
        }
    }
}
