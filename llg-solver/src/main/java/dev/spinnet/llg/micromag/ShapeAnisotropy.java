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
        AxialAnisotropy.addField(medium, 0, coeff, m, b, from, to);
    }

    /** Field coefficient -2 K_perp / M_sum, T (for the fused kernel). */
    double coeff() {
        return coeff;
    }

    @Override
    public double energy(double[] m) {
        return AxialAnisotropy.energy(medium, 0, -kPerp, m);
    }

    @Override
    public String name() {
        return "shape anisotropy";
    }
}
