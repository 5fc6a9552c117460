package dev.spinnet.llg.micromag;

import dev.spinnet.llg.material.Checks;

/**
 * Position-dependent change dK(x) of the perpendicular anisotropy (J/m^3) on top of the uniform
 * {@link UniaxialAnisotropy}: how notches are made in the 1D solver. A local reduction of K
 * lowers the wall energy 4 sqrt(A K) there, so the wall is pinned in the well; this is the
 * micromagnetic counterpart of the collective model's notch potentials (ion irradiation or
 * thickness steps do this in real tracks). Shared between sublattices like every film constant.
 */
public final class AnisotropyModulation implements FieldTerm {
    private final Medium medium;
    private final double[] deltaK;
    private final double[] coeff;

    /** @param deltaK change of K_eff per cell, J/m^3 (negative: a pinning notch) */
    public AnisotropyModulation(Medium medium, double[] deltaK) {
        if (deltaK.length != medium.mesh().cells()) {
            throw new IllegalArgumentException("anisotropy modulation has " + deltaK.length + " cells, mesh has "
                    + medium.mesh().cells());
        }
        this.medium = medium;
        this.deltaK = deltaK.clone();
        this.coeff = new double[deltaK.length];
        for (int i = 0; i < deltaK.length; i++) {
            coeff[i] = 2.0 * Checks.finite("anisotropy change dK (J/m^3) at cell " + i, deltaK[i]) / medium.msSum();
        }
    }

    /**
     * Gaussian notches: dK(x) = -depth * sum_n exp(-(x - x_n)^2 / (2 width^2)).
     *
     * @param centres notch centres, m
     * @param width   Gaussian width, m (> 0)
     * @param depth   anisotropy reduction at the centre, J/m^3 (>= 0)
     */
    public static AnisotropyModulation gaussianNotches(Medium medium, double[] centres, double width, double depth) {
        if (!(width > 0) || !(depth >= 0) || !Double.isFinite(width) || !Double.isFinite(depth)) {
            throw new IllegalArgumentException("notch width must be > 0 and depth >= 0, got width " + width
                    + " m, depth " + depth + " J/m^3");
        }
        Mesh1D mesh = medium.mesh();
        double[] dk = new double[mesh.cells()];
        for (int i = 0; i < dk.length; i++) {
            double x = mesh.x(i);
            for (double c : centres) {
                double u = (x - c) / width;
                dk[i] -= depth * Math.exp(-0.5 * u * u);
            }
        }
        return new AnisotropyModulation(medium, dk);
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
                b[o + i] += coeff[i] * m[o + i];
            }
        }
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
            for (int i = 0; i < mesh.cells(); i++) {
                e -= deltaK[i] * medium.share(s) * m[o + i] * m[o + i];
            }
        }
        return e * mesh.cellSize();
    }

    @Override
    public String name() {
        return "anisotropy modulation";
    }
}
