package dev.spinnet.llg.micromag;

import dev.spinnet.llg.material.Checks;

/**
 * Local in-plane shape anisotropy with hard axis x (the track direction): energy density K_perp,i m_ix^2,
 * field -(2 K_perp / M_sum) m_ix x. It is the magnetostatic cost of a Neel wall, so it favours Bloch
 * walls (phi = +-pi/2), matching the K_perp term of the collective model.
 */
public final class ShapeAnisotropy implements FieldTerm {
    private final Medium medium;
    private final double kPerp;
    private final double coeff;

    /** @param kPerp K_perp, J/m^3 (>= 0) */
    public ShapeAnisotropy(Medium medium, double kPerp) {
        this.medium = medium;
        this.kPerp = Checks.nonNegative("shape anisotropy K_perp (J/m^3)", kPerp);
        this.coeff = -2.0 * kPerp / medium.msSum();
    }

    @Override
    public void addField(double t, double[] m, double[] b, int from, int to) {
        Mesh1D mesh = medium.mesh();
        for (int s = 0; s < 2; s++) {
            if (!medium.active(s)) {
                continue;
            }
            int o = mesh.offset(s, 0);
            for (int i = from; i < to; i++) {
                b[o + i] += coeff * m[o + i];
            }
        }
    }

    /** Field coefficient -2 K_perp / M_sum, T (for the fused kernel). */
    double coeff() {
        return coeff;
    }

    @Override
    public double energy(double[] m) {
        Mesh1D mesh = medium.mesh();
        double e = 0.0;
        for (int s = 0; s < 2; s++) {
            if (!medium.active(s)) {
                continue;
            }
            int o = mesh.offset(s, 0);
            double ki = kPerp * medium.share(s);
            for (int i = 0; i < mesh.cells(); i++) {
                e += ki * m[o + i] * m[o + i];
            }
        }
        return e * mesh.cellSize();
    }

    @Override
    public String name() {
        return "shape anisotropy";
    }
}
