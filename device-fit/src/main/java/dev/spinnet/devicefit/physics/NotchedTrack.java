package dev.spinnet.devicefit.physics;

import java.util.Arrays;

import dev.spinnet.llg.cc.WallPotential;
import dev.spinnet.llg.material.Checks;

/**
 * Synapse track: Gaussian notches (wells of depth U0 and width w at sorted centres c_k, e.g. width
 * constrictions) between two track ends, U = k_end (c_0 - q)^2 / 2 left of the first notch and likewise right
 * of the last, so the wall saturates there. Only the two notches nearest to q are evaluated (the notch width
 * is a fraction of the spacing, so farther ones contribute below exp(-8)), which keeps the cost per
 * evaluation independent of the number of notches: this potential is evaluated millions of times in the
 * 300 K runs.
 *
 * @param depth       U0, J/m^2
 * @param width       w, m
 * @param centres     notch centres, m, strictly increasing
 * @param endStiffness k_end, J/m^4
 */
public record NotchedTrack(double depth, double width, double[] centres, double endStiffness)
        implements WallPotential {

    public NotchedTrack {
        Checks.positive("depth U0 (J/m^2)", depth);
        Checks.positive("width (m)", width);
        Checks.positive("endStiffness (J/m^4)", endStiffness);
        centres = centres.clone();
        if (centres.length < 2) {
            throw new IllegalArgumentException("a notched track needs >= 2 notches, got " + centres.length);
        }
        for (int k = 1; k < centres.length; k++) {
            if (!(centres[k] > centres[k - 1])) {
                throw new IllegalArgumentException("notch centres must increase, got " + centres[k - 1] + ", "
                        + centres[k]);
            }
        }
    }

    @Override
    public double[] centres() {
        return centres.clone();
    }

    public double first() {
        return centres[0];
    }

    public double last() {
        return centres[centres.length - 1];
    }

    /** Index of the last centre <= q (clamped to [0, n-2]), so notches i and i+1 bracket q. */
    private int bracket(double q) {
        int i = Arrays.binarySearch(centres, q);
        if (i < 0) {
            i = -i - 2;
        }
        return Math.max(0, Math.min(centres.length - 2, i));
    }

    @Override
    public double energy(double q) {
        int i = bracket(q);
        double u = 0;
        for (int k = Math.max(0, i - 1); k <= Math.min(centres.length - 1, i + 2); k++) {
            double x = (q - centres[k]) / width;
            u -= depth * Math.exp(-0.5 * x * x);
        }
        double d = q < first() ? first() - q : (q > last() ? q - last() : 0);
        return u + 0.5 * endStiffness * d * d;
    }

    @Override
    public double force(double q) {
        int i = bracket(q);
        double f = 0;
        for (int k = Math.max(0, i - 1); k <= Math.min(centres.length - 1, i + 2); k++) {
            double x = (q - centres[k]) / width;
            f -= depth * x / width * Math.exp(-0.5 * x * x);
        }
        if (q < first()) {
            f += endStiffness * (first() - q);
        } else if (q > last()) {
            f -= endStiffness * (q - last());
        }
        return f;
    }
}
