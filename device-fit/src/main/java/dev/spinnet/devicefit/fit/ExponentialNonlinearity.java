package dev.spinnet.devicefit.fit;

import dev.spinnet.network.device.BranchNonlinearity;

/**
 * Fit of the exponential pulse-response model {@code G(P) = B (1 - exp(-P/A)) + G_min},
 * {@code B = (G_max - G_min) / (1 - exp(-P_max/A))}, written in the branch's normalised form
 * {@code g(n) = (1 - exp(-nl n / P_max)) / (1 - exp(-nl))} with {@code nl = P_max / A} (g = n / P_max at nl = 0).
 *
 * <p>One parameter, so a bracketed golden-section search on the residual is enough and cannot wander off the
 * way a general optimiser can on a nearly linear branch (A to infinity).
 */
public final class ExponentialNonlinearity {
    /** |nl| beyond 30 means one pulse spans most of the range: no longer a useful analogue branch. */
    static final double NL_LIMIT = 30.0;

    private ExponentialNonlinearity() {
    }

    /** Normalised model value at pulse n of a branch of pMax pulses. */
    public static double model(double nl, double n, double pMax) {
        if (Math.abs(nl) < 1e-9) {
            return n / pMax;
        }
        return -Math.expm1(-nl * n / pMax) / -Math.expm1(-nl);
    }

    /**
     * Potentiation branch: conductances after 0..P_max pulses from the low end. For depression pass the
     * conductances after 0..P_max pulses from the high end: the branch is mirrored (g = (G_0 - G_n) / (G_0 - G_P)).
     */
    public static BranchNonlinearity fit(double[] g) {
        int pMax = g.length - 1;
        if (pMax < 2) {
            throw new IllegalArgumentException("a branch needs >= 3 points, got " + g.length);
        }
        double span = g[pMax] - g[0];
        if (span == 0 || !Double.isFinite(span)) {
            throw new IllegalArgumentException("branch has no range: first " + g[0] + ", last " + g[pMax]);
        }
        double[] norm = new double[g.length];
        double maxDev = 0;
        for (int n = 0; n <= pMax; n++) {
            norm[n] = (g[n] - g[0]) / span;
            maxDev = Math.max(maxDev, Math.abs(norm[n] - (double) n / pMax));
        }
        double lo = -NL_LIMIT;
        double hi = NL_LIMIT;
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = rss(norm, a);
        double fb = rss(norm, b);
        for (int it = 0; it < 200 && hi - lo > 1e-10; it++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = rss(norm, a);
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = rss(norm, b);
            }
        }
        double nl = 0.5 * (lo + hi);
        // a linear branch: report exactly 0 rather than a tolerance-sized number of either sign
        if (rss(norm, 0.0) <= rss(norm, nl) * (1 + 1e-9)) {
            nl = 0.0;
        }
        return new BranchNonlinearity(nl, maxDev, Math.sqrt(rss(norm, nl) / norm.length));
    }

    private static double rss(double[] norm, double nl) {
        int pMax = norm.length - 1;
        double s = 0;
        for (int n = 0; n <= pMax; n++) {
            double r = norm[n] - model(nl, n, pMax);
            s += r * r;
        }
        return s;
    }
}
