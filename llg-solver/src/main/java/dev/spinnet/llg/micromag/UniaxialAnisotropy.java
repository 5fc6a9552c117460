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
        AxialAnisotropy.addField(medium, 2, coeff, m, b, from, to);
    }

    /** Field coefficient 2 K / M_sum, T (for the fused kernel). */
    double coeff() {
        return coeff;
    }

    @Override
    public double energy(double[] m) {
        return AxialAnisotropy.energy(medium, 2, k, m);
    }

    @Override
    public String name() {
        return "uniaxial anisotropy";
    }
}
