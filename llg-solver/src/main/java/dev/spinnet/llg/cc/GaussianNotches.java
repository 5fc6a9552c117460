package dev.spinnet.llg.cc;

import dev.spinnet.llg.material.Checks;

/**
 * Gaussian wells U(q) = -sum_k U0 exp(-(q - c_k)^2 / (2 w^2)) at arbitrary centres (notches that
 * lower the wall energy locally, e.g. by a width constriction or a K or D modulation).
 *
 * @param depth   U0, J/m^2 (>= 0)
 * @param width   w, m (> 0)
 * @param centres notch positions, m
 */
public record GaussianNotches(double depth, double width, double[] centres) implements WallPotential {

    public GaussianNotches {
        Checks.nonNegative("depth U0 (J/m^2)", depth);
        Checks.positive("width (m)", width);
        centres = centres.clone();
        for (int k = 0; k < centres.length; k++) {
            Checks.finite("centres[" + k + "] (m)", centres[k]);
        }
    }

    /** Evenly spaced notches: first at {@code first}, {@code count} of them, {@code spacing} apart. */
    public static GaussianNotches evenlySpaced(double depth, double width, double first, double spacing, int count) {
        double[] c = new double[count];
        for (int k = 0; k < count; k++) {
            c[k] = first + k * spacing;
        }
        return new GaussianNotches(depth, width, c);
    }

    @Override
    public double[] centres() {
        return centres.clone();
    }

    @Override
    public double energy(double q) {
        double u = 0.0;
        for (double c : centres) {
            double x = (q - c) / width;
            u -= depth * Math.exp(-0.5 * x * x);
        }
        return u;
    }

    @Override
    public double force(double q) {
        double f = 0.0;
        for (double c : centres) {
            double x = (q - c) / width;
            // -dU/dq = -U0 (q - c)/w^2 exp(...)
            f -= depth * x / width * Math.exp(-0.5 * x * x);
        }
        return f;
    }
}
