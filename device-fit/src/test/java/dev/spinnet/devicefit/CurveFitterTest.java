package dev.spinnet.devicefit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

import dev.spinnet.devicefit.fit.Candidate;
import dev.spinnet.devicefit.fit.CurveFit;
import dev.spinnet.devicefit.fit.CurveFitter;

/** The fits recover known parameters from synthetic data, and the information criteria pick the true shape. */
class CurveFitterTest {
    static final int N = 81;

    static double[] xs() {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = -4 + 8.0 * i / (N - 1);
        }
        return x;
    }

    static double[] data(DoubleUnaryOperator f, double noise, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = xs();
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = f.applyAsDouble(x[i]) + noise * r.nextGaussian();
        }
        return y;
    }

    static double celu(double u, double a) {
        return u > 0 ? u : a * Math.expm1(u / a);
    }

    @Test
    void celuParametersRecovered() {
        double[] y = data(x -> 1.3 * celu(x - 0.2, 0.7) + 0.1, 0.0, 1);
        CurveFit f = CurveFitter.fit(Candidate.CELU, xs(), y);
        assertEquals(1.3, f.parameter("scale"), 1e-6);
        assertEquals(0.7, f.parameter("alpha"), 1e-6);
        assertEquals(0.2, f.parameter("input_offset"), 1e-6);
        assertEquals(0.1, f.parameter("output_offset"), 1e-6);
        assertTrue(f.r2() > 1 - 1e-12, "R^2 " + f.r2());
    }

    @Test
    void noisyCeluStillRecoveredWithinNoise() {
        double[] y = data(x -> 0.9 * celu(x + 0.1, 1.5) - 0.3, 0.01, 2);
        CurveFit f = CurveFitter.fit(Candidate.CELU, xs(), y);
        assertEquals(0.9, f.parameter("scale"), 0.02);
        assertEquals(1.5, f.parameter("alpha"), 0.1);
        assertEquals(0.01, f.rms(), 0.003);
    }

    private static Candidate bestByBic(DoubleUnaryOperator f) {
        List<CurveFit> fits = CurveFitter.fitAll(xs(), data(f, 0.01, 3));
        return CurveFitter.bestByBic(fits).candidate();
    }

    @Test
    void informationCriteriaPickTheTrueShape() {
        assertEquals(Candidate.CELU, bestByBic(x -> celu(x, 1.0)));
        assertEquals(Candidate.RELU, bestByBic(x -> 0.8 * Math.max(0, x - 0.5) + 0.2));
        assertEquals(Candidate.SOFTPLUS, bestByBic(x -> Math.log1p(Math.exp(1.5 * x)) / 1.5));
        assertEquals(Candidate.SIGMOID, bestByBic(x -> 2 / (1 + Math.exp(-1.2 * x))));
        // ELU with a kink (slope 1 above, amplitude 0.5 with rate 1 below) is not a CeLU
        assertEquals(Candidate.ELU, bestByBic(x -> x > 0 ? x : 0.5 * Math.expm1(x)));
    }

    @Test
    void aicOfCeluDataPrefersCeluOverEveryOtherShapeButItsSuperset() {
        List<CurveFit> fits = CurveFitter.fitAll(xs(), data(x -> celu(x, 0.8), 0.01, 4));
        Candidate best = CurveFitter.bestByAic(fits).candidate();
        assertTrue(best == Candidate.CELU || best == Candidate.ELU, "best by AIC " + best);
    }
}
