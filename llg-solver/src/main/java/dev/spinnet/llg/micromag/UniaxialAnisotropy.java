package dev.spinnet.llg.micromag;

import dev.spinnet.llg.material.Checks;

/**
 * Perpendicular uniaxial anisotropy, easy axis z, K (J/m^3) split as K_i = K M_i / M_sum: energy density
 * -K_i m_iz^2, field (2 K / M_sum) m_iz z.
 */
public final class UniaxialAnisotropy implements FieldTerm {
    private final Medium medium;
    private final double k;
    private final double coeff;

    /** @param k effective anisotropy K_eff, J/m^3 */
    public UniaxialAnisotropy(Medium medium, double k) {
        this.medium = medium;
        this.k = Checks.finite("anisotropy K (J/m^3)", k);
        this.coeff = 2.0 * k / medium.msSum();
    }

    @Override
    public void addField(double t, double[] m, double[] b, int from, int to) {
        Mesh1D mesh = medium.mesh();
        for (int s = 0; s < 2; s++) {
            if (!medium.active(s)) {
                continue;
            }
            int o = mesh.offset(s, 2);
            for (int i = from; i < to; i++) {
                b[o + i] += coeff * m[o + i];
            }
        }
    }

    /** Field coefficient 2 K / M_sum, T (for the fused kernel). */
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
            int o = mesh.offset(s, 2);
            double ki = k * medium.share(s);
            for (int i = 0; i < mesh.cells(); i++) {
                e -= ki * m[o + i] * m[o + i];
            }
        }
        return e * mesh.cellSize();
    }

    @Override
    public String name() {
        return "uniaxial anisotropy";
    }
}
