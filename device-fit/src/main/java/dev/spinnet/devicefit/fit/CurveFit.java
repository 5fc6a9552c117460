package dev.spinnet.devicefit.fit;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.spinnet.network.device.FitSummary;

/**
 * Result of fitting one {@link Candidate} to (x, y) data.
 *
 * @param candidate the function
 * @param internal  optimal internal parameters (see {@link Candidate#value})
 * @param r2        1 - RSS / TSS
 * @param rms       sqrt(RSS / n), output units
 * @param maxError  largest |residual|, output units
 * @param aic       n ln(RSS / n) + 2 k
 * @param bic       n ln(RSS / n) + k ln n
 */
public record CurveFit(Candidate candidate, double[] internal, double r2, double rms, double maxError, double aic,
        double bic) {

    public CurveFit {
        internal = internal.clone();
    }

    @Override
    public double[] internal() {
        return internal.clone();
    }

    public double value(double x) {
        return candidate.value(internal, x);
    }

    /** Physical parameter by name (e.g. "alpha"). */
    public double parameter(String name) {
        String[] names = candidate.parameterNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return candidate.physical(internal, i);
            }
        }
        throw new IllegalArgumentException(candidate.label() + " has no parameter '" + name + "'");
    }

    public Map<String, Double> parameters() {
        Map<String, Double> m = new LinkedHashMap<>();
        String[] names = candidate.parameterNames();
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], candidate.physical(internal, i));
        }
        return m;
    }

    public FitSummary summary() {
        return new FitSummary(candidate.label(), parameters(), r2, rms, maxError, aic, bic);
    }
}
