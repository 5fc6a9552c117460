package dev.spinnet.network.train;

import dev.spinnet.network.layer.Conv2d;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Airbench's frozen input layer: k x k patches are projected on the eigenvectors of their
 * covariance, scaled by {@code 1/sqrt(lambda + eps)}, together with the negated filters, so
 * that the first trained layer sees decorrelated, unit-variance inputs.
 */
public final class Whitening {
    private Whitening() {
    }

    /**
     * Sets {@code conv} (c -> 2*c*k*k filters, kernel k, no padding) to whitening filters
     * computed from the first {@code maxImages} images of {@code data}.
     */
    public static void init(Conv2d conv, TrainingData data, int k, int maxImages, double eps) {
        int c = data.channels;
        int d = c * k * k;
        int h = data.height;
        int w = data.width;
        int n = Math.min(maxImages, data.n);
        double[] mean = new double[d];
        double[] cov = new double[d * d];
        double[] patch = new double[d];
        long count = 0;
        int plane = h * w;
        for (int i = 0; i < n; i++) {
            int base = i * c * plane;
            for (int y = 0; y + k <= h; y++) {
                for (int x = 0; x + k <= w; x++) {
                    int q = 0;
                    for (int ch = 0; ch < c; ch++) {
                        for (int ki = 0; ki < k; ki++) {
                            for (int kj = 0; kj < k; kj++) {
                                patch[q++] = data.images[base + ch * plane + (y + ki) * w + x + kj];
                            }
                        }
                    }
                    for (int a = 0; a < d; a++) {
                        mean[a] += patch[a];
                        for (int b = a; b < d; b++) {
                            cov[a * d + b] += patch[a] * patch[b];
                        }
                    }
                    count++;
                }
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                double v = cov[a * d + b] / count - (mean[a] / count) * (mean[b] / count);
                m.set(a, b, v);
                m.set(b, a, v);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(m)) {
            throw new IllegalStateException("whitening: eigen-decomposition of the patch covariance failed");
        }
        float[] wv = conv.weight().value;
        if (wv.length != 2 * d * d) {
            throw new IllegalArgumentException("whitening conv must have " + 2 * d + " filters of size " + d);
        }
        for (int e = 0; e < d; e++) {
            double lambda = eig.getEigenvalue(e).getReal();
            DMatrixRMaj v = eig.getEigenVector(e);
            double s = 1.0 / Math.sqrt(Math.max(lambda, 0) + eps);
            for (int a = 0; a < d; a++) {
                wv[e * d + a] = (float) (v.get(a, 0) * s);
                wv[(e + d) * d + a] = (float) (-v.get(a, 0) * s);
            }
        }
        conv.weight().trainable = false;
    }
}
