package dev.spinnet.llg.cc;

import dev.spinnet.llg.material.Checks;

/**
 * Track ends as steep walls: U = k (left - q)^2 / 2 for q < left, k (q - right)^2 / 2 for q > right,
 * zero inside. Quadratic rather than infinite walls keep the force continuous, so the adaptive
 * integrator needs no event to bounce off an end; choose k large (the wall then overshoots the end
 * by pressure / k).
 *
 * @param left      m
 * @param right     m (> left)
 * @param stiffness k, J/m^4 (> 0)
 */
public record TrackEnds(double left, double right, double stiffness) implements WallPotential {

    public TrackEnds {
        Checks.finite("left (m)", left);
        Checks.finite("right (m)", right);
        Checks.positive("stiffness k (J/m^4)", stiffness);
        if (right <= left) {
            throw new IllegalArgumentException("right end must exceed left end, got left=" + left + " right=" + right);
        }
    }

    @Override
    public double energy(double q) {
        double d = q < left ? left - q : (q > right ? q - right : 0.0);
        return 0.5 * stiffness * d * d;
    }

    @Override
    public double force(double q) {
        if (q < left) {
            return stiffness * (left - q);
        }
        if (q > right) {
            return -stiffness * (q - right);
        }
        return 0.0;
    }
}
