package dev.spinnet.network.layer;

import java.util.Arrays;

/**
 * An activation given as a table of values and slopes on a uniform input grid, interpolated by
 * cubic Hermite splines: continuous with a continuous derivative, and the derivative used in
 * backprop is the exact derivative of the interpolant. Outside the grid it extends linearly
 * with the end slopes. This is how a device neuron's measured or simulated transfer curve
 * enters the network.
 */
public final class LookupActivation implements ActivationFunction {
    private final float x0;
    private final float step;
    private final float invStep;
    private final float[] y;
    private final float[] dy;
    private final String label;

    /**
     * @param x0 first grid point
     * @param x1 last grid point (> x0)
     * @param values f at the n >= 2 uniformly spaced grid points
     * @param slopes f' at the same points
     */
    public LookupActivation(double x0, double x1, float[] values, float[] slopes, String label) {
        if (values == null || slopes == null || values.length < 2 || values.length != slopes.length) {
            throw new IllegalArgumentException("lookup activation needs >= 2 values and as many slopes");
        }
        if (!(x1 > x0) || !Double.isFinite(x0) || !Double.isFinite(x1)) {
            throw new IllegalArgumentException("lookup activation grid must satisfy x0 < x1, got " + x0 + ", " + x1);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i]) || !Float.isFinite(slopes[i])) {
                throw new IllegalArgumentException("lookup activation table has a non-finite entry at index " + i);
            }
        }
        this.x0 = (float) x0;
        this.step = (float) ((x1 - x0) / (values.length - 1));
        this.invStep = 1f / step;
        this.y = values.clone();
        this.dy = slopes.clone();
        this.label = label;
    }

    /** Tabulates a known function and its derivative, for tests and ideal references. */
    public static LookupActivation tabulate(ActivationFunction f, double x0, double x1, int n) {
        float[] xs = new float[n];
        float[] v = new float[n];
        float[] s = new float[n];
        float[] ones = new float[n];
        Arrays.fill(ones, 1f);
        for (int i = 0; i < n; i++) {
            xs[i] = (float) (x0 + (x1 - x0) * i / (n - 1));
        }
        f.apply(xs, v, 0, n);
        f.backward(xs, ones, s, 0, n);
        return new LookupActivation(x0, x1, v, s, "table(" + f.describe() + ")");
    }

    @Override
    public void apply(float[] x, float[] out, int from, int to) {
        final int last = y.length - 1;
        for (int i = from; i < to; i++) {
            float u = (x[i] - x0) * invStep;
            if (!(u > 0f)) {
                out[i] = u == u ? y[0] + dy[0] * (x[i] - x0) : u;
                continue;
            }
            if (u >= last) {
                out[i] = y[last] + dy[last] * (x[i] - x0 - last * step);
                continue;
            }
            int j = (int) u;
            float t = u - j;
            float t2 = t * t;
            float t3 = t2 * t;
            float h00 = 2 * t3 - 3 * t2 + 1;
            float h10 = t3 - 2 * t2 + t;
            float h01 = -2 * t3 + 3 * t2;
            float h11 = t3 - t2;
            out[i] = h00 * y[j] + h10 * step * dy[j] + h01 * y[j + 1] + h11 * step * dy[j + 1];
        }
    }

    @Override
    public void backward(float[] x, float[] g, float[] dx, int from, int to) {
        final int last = y.length - 1;
        for (int i = from; i < to; i++) {
            float u = (x[i] - x0) * invStep;
            float d;
            if (!(u > 0f)) {
                d = u == u ? dy[0] : u;
            } else if (u >= last) {
                d = dy[last];
            } else {
                int j = (int) u;
                float t = u - j;
                float t2 = t * t;
                // Derivatives of the Hermite basis with respect to t, divided by the step.
                float d00 = 6 * t2 - 6 * t;
                float d10 = 3 * t2 - 4 * t + 1;
                float d01 = -6 * t2 + 6 * t;
                float d11 = 3 * t2 - 2 * t;
                d = (d00 * y[j] + d01 * y[j + 1]) * invStep + d10 * dy[j] + d11 * dy[j + 1];
            }
            dx[i] = d * g[i];
        }
    }

    public int points() {
        return y.length;
    }

    @Override
    public String describe() {
        return label + "[" + y.length + " pts on " + x0 + ".." + (x0 + step * (y.length - 1)) + "]";
    }
}
