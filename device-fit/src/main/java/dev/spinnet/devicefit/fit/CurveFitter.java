package dev.spinnet.devicefit.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Nonlinear least squares (Levenberg-Marquardt, Commons Math) of the {@link Candidate}s, multi-started from
 * data-derived guesses, plus model selection by AIC and BIC.
 *
 * <p>The Jacobian is a central difference: the candidates have kinks (ReLU, ELU at the offset), where any
 * analytic derivative is one-sided anyway, and the problems have at most five parameters.
 */
public final class CurveFitter {
    private CurveFitter() {
    }

    /** Best fit of one candidate over its starting points. */
    public static CurveFit fit(Candidate c, double[] x, double[] y) {
        if (x.length != y.length || x.length <= c.parameterCount()) {
            throw new IllegalArgumentException("fit of " + c.label() + " needs more points (" + x.length
                    + ") than parameters (" + c.parameterCount() + ") and equal x/y lengths");
        }
        CurveFit best = null;
        for (double[] start : c.starts(x, y)) {
            double[] p0 = new double[start.length];
            for (int i = 0; i < p0.length; i++) {
                p0[i] = c.internal(start[i], i);
            }
            CurveFit f;
            try {
                f = optimise(c, x, y, p0);
            } catch (RuntimeException e) {
                continue; // a start that diverges (e.g. exp overflow) is simply not the best one
            }
            if (best == null || f.rms() < best.rms()) {
                best = f;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no start converged for " + c.label());
        }
        return best;
    }

    /** All candidates, best (lowest AIC) first. */
    public static List<CurveFit> fitAll(double[] x, double[] y) {
        List<CurveFit> out = new ArrayList<>();
        for (Candidate c : Candidate.values()) {
            out.add(fit(c, x, y));
        }
        out.sort(Comparator.comparingDouble(CurveFit::aic));
        return out;
    }

    public static CurveFit bestByAic(List<CurveFit> fits) {
        return fits.stream().min(Comparator.comparingDouble(CurveFit::aic)).orElseThrow();
    }

    public static CurveFit bestByBic(List<CurveFit> fits) {
        return fits.stream().min(Comparator.comparingDouble(CurveFit::bic)).orElseThrow();
    }

    private static CurveFit optimise(Candidate c, double[] x, double[] y, double[] p0) {
        int n = x.length;
        int k = p0.length;
        MultivariateJacobianFunction model = point -> {
            double[] p = point.toArray();
            double[] v = new double[n];
            double[][] jac = new double[n][k];
            for (int i = 0; i < n; i++) {
                v[i] = c.value(p, x[i]);
            }
            for (int j = 0; j < k; j++) {
                double h = 1e-6 * Math.max(1.0, Math.abs(p[j]));
                double keep = p[j];
                p[j] = keep + h;
                double[] up = new double[n];
                for (int i = 0; i < n; i++) {
                    up[i] = c.value(p, x[i]);
                }
                p[j] = keep - h;
                for (int i = 0; i < n; i++) {
                    jac[i][j] = (up[i] - c.value(p, x[i])) / (2 * h);
                }
                p[j] = keep;
            }
            return new Pair<RealVector, org.apache.commons.math3.linear.RealMatrix>(new ArrayRealVector(v, false),
                    new Array2DRowRealMatrix(jac, false));
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder().start(p0).model(model).target(y)
                .maxEvaluations(20000).maxIterations(5000).build();
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-14).withParameterRelativeTolerance(1e-12).optimize(problem);
        return evaluate(c, x, y, opt.getPoint().toArray());
    }

    /** Goodness of fit of candidate c with internal parameters p. */
    public static CurveFit evaluate(Candidate c, double[] x, double[] y, double[] p) {
        int n = x.length;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isFinite(c.physical(p, i))) {
                throw new IllegalStateException(c.label() + " parameter " + c.parameterNames()[i] + " diverged");
            }
        }
        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        double rss = 0;
        double tss = 0;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - c.value(p, x[i]);
            if (!Double.isFinite(r)) {
                throw new IllegalStateException(c.label() + " is not finite at x=" + x[i]);
            }
            rss += r * r;
            tss += (y[i] - mean) * (y[i] - mean);
            max = Math.max(max, Math.abs(r));
        }
        int k = p.length;
        // RSS of an exact fit is floored at 1e-300 so that the criteria stay finite.
        double lnSigma2 = Math.log(Math.max(rss / n, 1e-300));
        return new CurveFit(c, p, tss > 0 ? 1 - rss / tss : 1.0, Math.sqrt(rss / n), max, n * lnSigma2 + 2 * k,
                n * lnSigma2 + k * Math.log(n));
    }
}
