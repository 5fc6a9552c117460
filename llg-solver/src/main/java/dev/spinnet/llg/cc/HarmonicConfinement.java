package dev.spinnet.llg.cc;

import dev.spinnet.llg.material.Checks;

/**
 * Harmonic confinement U(q) = k (q - centre)^2 / 2, e.g. the restoring barrier of a neuron device.
 *
 * @param stiffness k, J/m^4 (>= 0)
 * @param centre    m
 */
public record HarmonicConfinement(double stiffness, double centre) implements WallPotential {

    public HarmonicConfinement {
        Checks.nonNegative("stiffness k (J/m^4)", stiffness);
        Checks.finite("centre (m)", centre);
    }

    @Override
    public double energy(double q) {
        double d = q - centre;
        return 0.5 * stiffness * d * d;
    }

    @Override
    public double force(double q) {
        return -stiffness * (q - centre);
    }
}
