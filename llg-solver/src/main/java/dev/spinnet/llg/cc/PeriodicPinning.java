package dev.spinnet.llg.cc;

import dev.spinnet.llg.material.Checks;

/**
 * Periodic sinusoidal pinning U(q) = U0 sin^2(pi (q - offset) / period): wells at q = offset + n period,
 * barriers U0 half-way; the largest restoring pressure is pi U0 / period (the depinning threshold
 * of a field is H_dep = pi U0 / (2 mu0 M_net period)).
 *
 * @param barrier U0, J/m^2 (>= 0)
 * @param period  notch spacing, m (> 0)
 * @param offset  position of one well, m
 */
public record PeriodicPinning(double barrier, double period, double offset) implements WallPotential {

    public PeriodicPinning {
        Checks.nonNegative("barrier U0 (J/m^2)", barrier);
        Checks.positive("period (m)", period);
        Checks.finite("offset (m)", offset);
    }

    @Override
    public double energy(double q) {
        double s = Math.sin(Math.PI * (q - offset) / period);
        return barrier * s * s;
    }

    @Override
    public double force(double q) {
        return -barrier * Math.PI / period * Math.sin(2.0 * Math.PI * (q - offset) / period);
    }
}
