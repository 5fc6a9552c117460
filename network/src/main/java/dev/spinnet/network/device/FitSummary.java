package dev.spinnet.network.device;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One least-squares fit of a candidate function to a device curve.
 *
 * @param model      function name: celu, relu, elu, softplus, sigmoid
 * @param parameters fitted parameters by name
 * @param r2         coefficient of determination
 * @param rms        root-mean-square residual, output units
 * @param maxError   largest absolute residual, output units
 * @param aic        Akaike information criterion n ln(RSS/n) + 2k (lower is better)
 * @param bic        Bayesian information criterion n ln(RSS/n) + k ln n (lower is better)
 */
public record FitSummary(String model, Map<String, Double> parameters, double r2, double rms, double maxError,
        double aic, double bic) {

    public FitSummary {
        Checks.text("fit.model", model);
        if (parameters == null) {
            throw new DeviceFormatException("fit.parameters must not be null");
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : parameters.entrySet()) {
            Checks.finite("fits." + model + ".parameters." + e.getKey(), e.getValue() == null ? Double.NaN : e.getValue());
            copy.put(e.getKey(), e.getValue());
        }
        parameters = Collections.unmodifiableMap(copy);
        Checks.finite("fits." + model + ".r2", r2);
        Checks.nonNegative("fits." + model + ".rms", rms);
        Checks.nonNegative("fits." + model + ".max_error", maxError);
        Checks.finite("fits." + model + ".aic", aic);
        Checks.finite("fits." + model + ".bic", bic);
    }

    /** A parameter by name; fails with the parameter's name when absent. */
    public double parameter(String name) {
        Double v = parameters.get(name);
        if (v == null) {
            throw new DeviceFormatException("fits." + model + ".parameters." + name + " is missing");
        }
        return v;
    }
}
