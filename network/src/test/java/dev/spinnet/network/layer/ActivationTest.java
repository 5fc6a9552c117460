package dev.spinnet.network.layer;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivationTest {
    @Test
    void celuMatchesDefinition() {
        Celu f = new Celu(0.3f);
        for (double x = -3; x <= 3; x += 0.25) {
            double expected = Math.max(0, x) + Math.min(0, 0.3 * (Math.exp(x / 0.3) - 1));
            assertEquals(expected, f.value(x), 1e-6);
        }
    }

    @Test
    void celuVectorAndScalarPathsAgreeBitForBit() {
        // 37 elements: the vector loop takes the first 32 (or 16/8), the scalar tail the rest.
        Celu f = new Celu(0.3f);
        float[] x = new float[37];
        for (int i = 0; i < x.length; i++) {
            x[i] = -2f + 0.05f * (i % 5);
        }
        float[] y = new float[37];
        f.apply(x, y, 0, 37);
        for (int i = 0; i < x.length; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(Float.floatToIntBits(y[i % 5]), Float.floatToIntBits(y[i]),
                    "element " + i);
            assertEquals(0.3 * Math.expm1(x[i] / 0.3), y[i], 3e-7);
        }
    }

    /** The vectorised GELU against the tanh formula in double precision, value and derivative. */
    @Test
    void geluMatchesTanhFormulaInBothPaths() {
        Gelu g = new Gelu();
        int n = 4001; // not a multiple of any vector length: the last elements take the scalar tail
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = -10f + 20f * i / (n - 1);
        }
        float[] y = new float[n];
        float[] ones = new float[n];
        java.util.Arrays.fill(ones, 1f);
        float[] d = new float[n];
        g.apply(x, y, 0, n);
        g.backward(x, ones, d, 0, n);
        double c = Math.sqrt(2 / Math.PI);
        for (int i = 0; i < n; i++) {
            double v = x[i];
            double t = Math.tanh(c * (v + 0.044715 * v * v * v));
            double dExpected = 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * c * (1 + 3 * 0.044715 * v * v);
            assertEquals(0.5 * v * (1 + t), y[i], 2e-6 * Math.max(1, Math.abs(v)), "value at " + v);
            assertEquals(dExpected, d[i], 4e-6 * Math.max(1, v * v), "derivative at " + v);
        }
        // The scalar tail computes what a vector lane does, bit for bit.
        float[] one = new float[n];
        float[] oneD = new float[n];
        for (int i = 0; i < n; i += 97) {
            g.apply(x, one, i, i + 1);
            g.backward(x, ones, oneD, i, i + 1);
            assertEquals(Float.floatToIntBits(y[i]), Float.floatToIntBits(one[i]), "value bits at " + x[i]);
            assertEquals(Float.floatToIntBits(d[i]), Float.floatToIntBits(oneD[i]), "derivative bits at " + x[i]);
        }
    }

    @Test
    void reluBackwardPassesGradientOnlyWherePositive() {
        int n = 37; // vector loop and scalar tail
        float[] x = new float[n];
        float[] dy = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i % 4) - 1.5f;
            dy[i] = i + 1;
        }
        x[3] = 0f;
        x[5] = Float.NaN;
        x[n - 1] = Float.NaN;
        float[] dx = new float[n];
        new Relu().backward(x, dy, dx, 0, n);
        for (int i = 0; i < n; i++) {
            assertEquals(x[i] > 0 ? dy[i] : 0f, dx[i], 0f, "element " + i);
        }
    }

    @Test
    void celuWithAlphaOneIsElu() {
        Celu f = new Celu(1f);
        assertEquals(Math.exp(-2) - 1, f.value(-2), 1e-6);
        assertEquals(2, f.value(2), 0);
    }

    @Test
    void geluKnownValues() {
        Gelu g = new Gelu();
        assertEquals(0, g.value(0), 0);
        assertEquals(0.8411920, g.value(1), 2e-4);   // erf form 0.8413447
        assertEquals(-0.1588080, g.value(-1), 2e-4);
    }

    @Test
    void lookupTableReproducesSmoothFunction() {
        Celu celu = new Celu(0.5f);
        LookupActivation t = LookupActivation.tabulate(celu, -5, 5, 101);
        for (double x = -6; x <= 6; x += 0.037) {
            double expected = x < -5 ? celu.value(-5) + Math.exp(-10) * (x + 5) : celu.value(x);
            if (x > 5) {
                expected = x;
            }
            assertEquals(expected, t.value(x), 2e-4, "at x=" + x);
        }
    }

    /**
     * The power-basis kernel is the cubic Hermite interpolant: grid values and slopes exactly, the Hermite basis
     * between them, linear beyond the ends, NaN in NaN out; the affine form is og f(ig z + io) + oo with its chain
     * rule derivative.
     */
    @Test
    void lookupTableIsTheHermiteInterpolantAndItsAffineMap() {
        float[] v = {0.3f, -0.2f, 0.9f, 1.4f, 1.1f};
        float[] d = {1.5f, -0.7f, 2.0f, 0.1f, -0.4f};
        double x0 = -1;
        double h = 0.5;
        LookupActivation f = new LookupActivation(x0, x0 + 4 * h, v, d, "t");
        float[] one = {1f};
        for (double x = -2.3; x <= 1.7; x += 0.0173) {
            double u = (x - x0) / h;
            double expected;
            double slope;
            if (u <= 0) {
                expected = v[0] + d[0] * (x - x0);
                slope = d[0];
            } else if (u >= 4) {
                expected = v[4] + d[4] * (x - x0 - 4 * h);
                slope = d[4];
            } else {
                int j = (int) u;
                double t = u - j;
                expected = (2 * t * t * t - 3 * t * t + 1) * v[j] + (t * t * t - 2 * t * t + t) * h * d[j]
                        + (-2 * t * t * t + 3 * t * t) * v[j + 1] + (t * t * t - t * t) * h * d[j + 1];
                slope = ((6 * t * t - 6 * t) * v[j] + (-6 * t * t + 6 * t) * v[j + 1]) / h
                        + (3 * t * t - 4 * t + 1) * d[j] + (3 * t * t - 2 * t) * d[j + 1];
            }
            assertEquals(expected, f.value(x), 2e-6, "value at x=" + x);
            float[] g = new float[1];
            f.backward(new float[]{(float) x}, one, g, 0, 1);
            assertEquals(slope, g[0], 2e-5, "slope at x=" + x);
            LookupActivation a = f.affine(1.7, -0.3, -2.5, 0.4);
            double z = (x + 0.3) / 1.7;
            assertEquals(-2.5 * expected + 0.4, a.value(z), 2e-5, "affine value at z=" + z);
            a.backward(new float[]{(float) z}, one, g, 0, 1);
            assertEquals(-2.5 * 1.7 * slope, g[0], 1e-4, "affine slope at z=" + z);
        }
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i], f.value(x0 + i * h), 1e-6, "grid value " + i);
        }
        float[] out = new float[1];
        f.apply(new float[]{Float.NaN}, out, 0, 1);
        assertTrue(Float.isNaN(out[0]), "NaN in, NaN out");
        f.backward(new float[]{Float.NaN}, one, out, 0, 1);
        assertTrue(Float.isNaN(out[0]), "NaN in, NaN gradient");
        assertThrows(IllegalArgumentException.class, () -> f.affine(Double.NaN, 0, 1, 0));
    }

    @Test
    void lookupTableRejectsBadTables() {
        assertThrows(IllegalArgumentException.class,
                () -> new LookupActivation(0, 1, new float[]{0, Float.NaN}, new float[]{1, 1}, "bad"));
        assertThrows(IllegalArgumentException.class,
                () -> new LookupActivation(1, 0, new float[]{0, 1}, new float[]{1, 1}, "bad"));
        assertThrows(IllegalArgumentException.class, () -> new Celu(0f));
    }
}
