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
    private final float[] y;
    private final float[] dy;
    private final String label;
    /** The input map to grid units: u = inScale * x + inShift (u = 0 at x0, 1 per grid step). */
    private final float inScale;
    private final float inShift;
    /**
     * Power-basis coefficients c0..c3 of piece p (index 4p) in t = u - (p - 1), output map applied: piece 0 is
     * the linear extension below the grid, pieces 1..n-1 the Hermite cubics of the grid intervals, piece n the
     * linear extension above. One interleaved array, so a lookup touches one cache line.
     */
    private final float[] coef;

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
        this.y = values.clone();
        this.dy = slopes.clone();
        this.label = label;
        this.inScale = 1f / step;
        this.inShift = -this.x0 / step;
        this.coef = coefficients(y, dy, step, 1, 0);
    }

    private LookupActivation(LookupActivation f, double inGain, double inOffset, double outGain, double outOffset) {
        this.x0 = f.x0;
        this.step = f.step;
        this.y = f.y;
        this.dy = f.dy;
        this.label = f.label;
        this.inScale = (float) (inGain / f.step);
        this.inShift = (float) ((inOffset - f.x0) / f.step);
        this.coef = coefficients(y, dy, step, outGain, outOffset);
    }

    /**
     * {@code z -> outGain * f(inGain * z + inOffset) + outOffset} in one pass: the maps are folded into the
     * input scaling and the coefficients (a device neuron's peripherals around its curve).
     */
    public LookupActivation affine(double inGain, double inOffset, double outGain, double outOffset) {
        double[] all = {inGain, inOffset, outGain, outOffset};
        for (double v : all) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("lookup activation maps must be finite");
            }
        }
        return new LookupActivation(this, inGain, inOffset, outGain, outOffset);
    }

    /** The Hermite cubic of each interval in the power basis of t in [0, 1), with linear end pieces. */
    private static float[] coefficients(float[] y, float[] dy, double h, double gain, double offset) {
        int n = y.length;
        int last = n - 1;
        double[] c = new double[4 * (n + 1)];
        c[0] = y[0] - dy[0] * h;
        c[1] = dy[0] * h;
        for (int j = 0; j < last; j++) {
            double y0 = y[j];
            double y1 = y[j + 1];
            double m0 = h * dy[j];
            double m1 = h * dy[j + 1];
            int p = 4 * (j + 1);
            c[p] = y0;
            c[p + 1] = m0;
            c[p + 2] = -3 * y0 - 2 * m0 + 3 * y1 - m1;
            c[p + 3] = 2 * y0 + m0 - 2 * y1 + m1;
        }
        c[4 * n] = y[last];
        c[4 * n + 1] = dy[last] * h;
        float[] f = new float[c.length];
        for (int k = 0; k < c.length; k++) {
            f[k] = (float) (gain * c[k] + (k % 4 == 0 ? offset : 0));
        }
        return f;
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

    /*
     * Branch-free piece selection: u clamped to [-1, n-1] and floored (u + 1 >= 0, so truncation floors) gives
     * j in [-1, n-1], piece j + 1, t = u - j. NaN inputs select piece 0 and stay NaN through t.
     */

    @Override
    public void apply(float[] x, float[] out, int from, int to) {
        final float last = y.length - 1;
        final float a = inScale;
        final float b = inShift;
        final float[] c = coef;
        for (int i = from; i < to; i++) {
            float u = a * x[i] + b;
            int j = (int) (Math.max(-1f, Math.min(u, last)) + 1f) - 1;
            float t = u - j;
            int p = 4 * (j + 1);
            out[i] = ((c[p + 3] * t + c[p + 2]) * t + c[p + 1]) * t + c[p];
        }
    }

    @Override
    public void backward(float[] x, float[] g, float[] dx, int from, int to) {
        final float last = y.length - 1;
        final float a = inScale;
        final float b = inShift;
        final float[] c = coef;
        for (int i = from; i < to; i++) {
            float u = a * x[i] + b;
            int j = (int) (Math.max(-1f, Math.min(u, last)) + 1f) - 1;
            float t = u - j;
            int p = 4 * (j + 1);
            float dydt = (3f * c[p + 3] * t + 2f * c[p + 2]) * t + c[p + 1];
            dx[i] = a * dydt * g[i];
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
