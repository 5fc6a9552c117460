package dev.spinnet.network.device;

/**
 * Fitted CeLU of a neuron: {@code y = scale * celu(x - inputOffset, alpha) + outputOffset} with
 * {@code celu(u, a) = max(0, u) + min(0, a (exp(u / a) - 1))}. An input gain g is not a separate parameter:
 * {@code s celu(g u, a) = (s g) celu(u, a / g)}, so it is absorbed into scale and alpha (keeping it would make
 * the least-squares problem singular).
 *
 * @param scale        output gain (output units per input unit on the linear branch)
 * @param alpha        CeLU alpha, input units (> 0): saturation depth of the exponential branch
 * @param inputOffset  input units
 * @param outputOffset output units
 */
public record CeluParams(double scale, double alpha, double inputOffset, double outputOffset) {

    public CeluParams {
        Checks.finite("celu.scale", scale);
        Checks.positive("celu.alpha", alpha);
        Checks.finite("celu.input_offset", inputOffset);
        Checks.finite("celu.output_offset", outputOffset);
    }

    public double apply(double x) {
        double u = x - inputOffset;
        return scale * (u > 0 ? u : alpha * Math.expm1(u / alpha)) + outputOffset;
    }
}
