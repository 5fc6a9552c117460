package dev.spinnet.network.device;

/**
 * Nonlinearity of one pulse branch in the exponential model
 * {@code G(P) = B (1 - exp(-P/A)) + G_min}, {@code B = (G_max - G_min) / (1 - exp(-P_max/A))} (the depression
 * branch mirrored: P counted from the G_max end).
 *
 * <p>The label stored here is {@code nl = P_max / A}, the curvature of the branch in units of its length:
 * 0 for a linear branch (A infinite), positive when the steps shrink as the branch proceeds (the usual
 * saturating device), negative when they grow. Tools that tabulate A against a discrete label can convert
 * from A = P_max / nl. {@code maxDeviation} is the largest |G_measured - G_linear| / (G_max - G_min) along
 * the branch, model-free.
 *
 * @param nl           P_max / A (dimensionless, signed)
 * @param maxDeviation largest deviation from the straight line, fraction of the range
 * @param rms          rms residual of the exponential fit, fraction of the range
 */
public record BranchNonlinearity(double nl, double maxDeviation, double rms) {

    public BranchNonlinearity {
        Checks.finite("nl", nl);
        Checks.nonNegative("max_deviation", maxDeviation);
        Checks.nonNegative("rms", rms);
    }

    /** A in pulses for a branch of pMax pulses (infinite for a linear branch). */
    public double aPulses(int pMax) {
        return nl == 0 ? Double.POSITIVE_INFINITY : pMax / nl;
    }
}
