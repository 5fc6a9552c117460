package dev.spinnet.devicefit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.spinnet.devicefit.fit.ExponentialNonlinearity;
import dev.spinnet.network.device.BranchNonlinearity;

/** The A/B exponential model: known NL = P_max / A is recovered, both branches, linear gives 0. */
class ExponentialNonlinearityTest {

    static double[] branch(double gMin, double gMax, int pMax, double a, boolean depression) {
        double b = (gMax - gMin) / (1 - Math.exp(-pMax / a));
        double[] g = new double[pMax + 1];
        for (int p = 0; p <= pMax; p++) {
            double rise = b * (1 - Math.exp(-p / a));
            g[p] = depression ? gMax - rise : gMin + rise;
        }
        return g;
    }

    @Test
    void recoversKnownNonlinearity() {
        for (double nl : new double[] {0.5, 2.0, 5.0, -1.5}) {
            int pMax = 40;
            double[] up = branch(1e-4, 2.5e-4, pMax, pMax / nl, false);
            double[] down = branch(1e-4, 2.5e-4, pMax, pMax / nl, true);
            BranchNonlinearity u = ExponentialNonlinearity.fit(up);
            BranchNonlinearity d = ExponentialNonlinearity.fit(down);
            assertEquals(nl, u.nl(), 1e-6, "potentiation");
            assertEquals(nl, d.nl(), 1e-6, "depression (mirrored)");
            assertEquals(0, u.rms(), 1e-9);
            assertEquals(pMax / nl, u.aPulses(pMax), 1e-3 * Math.abs(pMax / nl));
        }
    }

    @Test
    void linearBranchIsZero() {
        double[] g = new double[33];
        for (int n = 0; n < g.length; n++) {
            g[n] = 1e-4 + n * 1e-6;
        }
        BranchNonlinearity b = ExponentialNonlinearity.fit(g);
        assertEquals(0.0, b.nl(), 0.0);
        assertEquals(0.0, b.maxDeviation(), 1e-12);
    }

    @Test
    void maxDeviationOfKnownCurve() {
        // nl = 2: the largest gap to the chord is about 0.2 of the range
        double[] g = branch(0, 1, 1000, 500, false);
        BranchNonlinearity b = ExponentialNonlinearity.fit(g);
        double expected = 0;
        for (int n = 0; n <= 1000; n++) {
            expected = Math.max(expected, ExponentialNonlinearity.model(2, n, 1000) - n / 1000.0);
        }
        assertEquals(expected, b.maxDeviation(), 1e-9);
    }
}
