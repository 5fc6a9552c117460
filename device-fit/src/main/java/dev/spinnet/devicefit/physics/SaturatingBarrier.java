package dev.spinnet.devicefit.physics;

import dev.spinnet.llg.cc.WallPotential;
import dev.spinnet.llg.material.Checks;

/**
 * One-sided confining barrier of a neuron: left of its foot q_f the wall energy rises ever more steeply up to a
 * hard end at q_f - depth (e.g. a graded anisotropy made by an ion-irradiation dose ramp, ending in a region
 * the wall cannot enter). With penetration u = (q_f - q) / depth the restoring pressure is
 * <pre>
 *   -dU/dq = 2 p_b g(u),   g(u) = -ln(1 - u) - u
 * </pre>
 * (the factor 2 because the collective model adds half of -dU/dq, so a drive (pi/2) J_s balances g(u) p_b).
 * g starts quadratically (zero stiffness at the foot, so small inputs see the same mobility on both sides and
 * the transfer curve has a continuous slope) and diverges at the hard end (so the response saturates).
 * Beyond u_c = 0.98 g continues linearly, which keeps the force finite for the integrators; right of the foot
 * the wall is free.
 *
 * @param foot     q_f, m
 * @param depth    distance from foot to hard end, m (> 0)
 * @param pressure p_b, J/m^3 (> 0)
 */
public record SaturatingBarrier(double foot, double depth, double pressure) implements WallPotential {
    static final double U_CAP = 0.98;

    public SaturatingBarrier {
        Checks.finite("foot (m)", foot);
        Checks.positive("depth (m)", depth);
        Checks.positive("pressure p_b (J/m^3)", pressure);
    }

    static double g(double u) {
        if (u <= 0) {
            return 0;
        }
        if (u < U_CAP) {
            return -Math.log1p(-u) - u;
        }
        double gc = -Math.log1p(-U_CAP) - U_CAP;
        return gc + (u - U_CAP) * U_CAP / (1 - U_CAP);
    }

    /** Integral of g from 0 to u (for the energy). */
    static double gIntegral(double u) {
        if (u <= 0) {
            return 0;
        }
        if (u < 0.1) {
            // series sum_{k>=2} u^(k+1) / (k (k+1)): the closed form below cancels to u^3/6 near the foot
            double term = u * u;
            double sum = 0;
            for (int k = 2; k < 30; k++) {
                term *= u;
                sum += term / (k * (k + 1.0));
            }
            return sum;
        }
        double uc = Math.min(u, U_CAP);
        // d/du [(1 - u) ln(1 - u) + u - u^2/2] = -ln(1 - u) - u
        double base = (1 - uc) * Math.log1p(-uc) + uc - 0.5 * uc * uc;
        if (u <= U_CAP) {
            return base;
        }
        double gc = g(U_CAP);
        double d = u - U_CAP;
        return base + gc * d + 0.5 * d * d * U_CAP / (1 - U_CAP);
    }

    @Override
    public double energy(double q) {
        return 2 * pressure * depth * gIntegral((foot - q) / depth);
    }

    @Override
    public double force(double q) {
        return 2 * pressure * g((foot - q) / depth);
    }
}
