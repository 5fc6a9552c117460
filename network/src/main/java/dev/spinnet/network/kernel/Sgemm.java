package dev.spinnet.network.kernel;

/**
 * Single-precision general matrix multiply on row-major arrays:
 * {@code C = alpha * op(A) * op(B) + beta * C}, op(X) = X or X^T.
 *
 * <p>A is m x k after op, B is k x n after op, C is m x n. Leading dimensions are the row
 * strides of the arrays as stored (before op). Single-threaded: callers parallelise over
 * independent problems (images, row blocks), which keeps this kernel allocation-free.
 *
 * <p>This is the reference implementation; it is correct for every shape and is the oracle the
 * fast kernel is tested against.
 */
public final class Sgemm {
    private Sgemm() {
    }

    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float beta, float[] c, int cOff, int ldc) {
        reference(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
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
