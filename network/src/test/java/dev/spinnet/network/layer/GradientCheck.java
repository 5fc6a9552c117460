package dev.spinnet.network.layer;

import dev.spinnet.network.tensor.Rng;
import dev.spinnet.network.tensor.Tensor;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Central finite-difference check of a layer's backward pass: for the scalar
 * {@code L = sum(r * layer(x))} with fixed random r, compares dL/dx and dL/dparam from backward
 * with (L(v + h) - L(v - h)) / 2h at sampled coordinates.
 */
final class GradientCheck {
    private GradientCheck() {
    }

    static double loss(Layer layer, Tensor x, float[] r, boolean training) {
        Tensor y = layer.forward(x, training);
        double s = 0;
        for (int i = 0; i < y.size(); i++) {
            s += (double) r[i] * y.data[i];
        }
        return s;
    }

    /** Returns the worst relative error seen; asserts it is below {@code tol}. */
    static double check(Layer layer, Tensor x, boolean training, double h, double tol, long seed) {
        Rng rng = new Rng(seed);
        Tensor y0 = layer.forward(x, training);
        float[] r = new float[y0.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) rng.nextGaussian();
        }
        for (Param p : layer.params()) {
            p.zeroGrad();
        }
        layer.forward(x, training);
        Tensor g = new Tensor(r.clone(), y0.shape());
        Tensor dx = layer.backward(g);
        float[] dxCopy = dx == null ? null : dx.data.clone();
        double worst = 0;
        int samples = 24;
        if (dxCopy != null) {
            for (int s = 0; s < samples; s++) {
                int i = rng.nextInt(x.size());
                worst = Math.max(worst, compare(layer, x, x.data, i, r, training, h, dxCopy[i], tol,
                        "input[" + i + "]"));
            }
        }
        for (Param p : layer.params()) {
            if (!p.trainable) {
                continue;
            }
            float[] grad = p.grad.clone();
            for (int s = 0; s < Math.min(samples, p.size()); s++) {
                int i = p.size() <= samples ? s : rng.nextInt(p.size());
                worst = Math.max(worst, compare(layer, x, p.value, i, r, training, h, grad[i], tol,
                        p.name + "[" + i + "]"));
            }
        }
        return worst;
    }

    private static double compare(Layer layer, Tensor x, float[] v, int i, float[] r, boolean training,
                                  double h, float analytic, double tol, String what) {
        float old = v[i];
        v[i] = (float) (old + h);
        double lp = loss(layer, x, r, training);
        v[i] = (float) (old - h);
        double lm = loss(layer, x, r, training);
        v[i] = old;
        double fd = (lp - lm) / (2 * h);
        double err = Math.abs(fd - analytic) / Math.max(1.0, Math.abs(fd));
        assertTrue(err < tol, () -> layer.describe() + " " + what + ": backward " + analytic + " vs finite difference "
                + fd + " (relative error " + err + ")");
        return err;
    }

    static Tensor random(Rng rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.data[i] = (float) rng.nextGaussian();
        }
        return t;
    }
}
