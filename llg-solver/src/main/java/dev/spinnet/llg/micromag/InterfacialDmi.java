package dev.spinnet.llg.micromag;

import dev.spinnet.llg.material.Checks;

/**
 * Interfacial DMI along x, D (J/m^2) split as D_i = D M_i / M_sum, continuum energy density
 * D_i (m_x dm_z/dx - m_z dm_x/dx). With this sign D &gt; 0 gives an up/down wall the energy -pi D cos(phi),
 * i.e. it selects the phi = 0 Neel wall, as the collective model's (pi/2) D sin(phi) term requires (the
 * reference's central-difference stencil with D -&gt; -D). Discrete energy per area
 * sum_i D_i sum_bonds (m_x,k m_z,k+1 - m_z,k m_x,k+1); its exact gradient is the central difference
 * B_x = -(D / (M_sum dx)) (m_z,k+1 - m_z,k-1), B_z = +(D / (M_sum dx)) (m_x,k+1 - m_x,k-1), with a
 * missing neighbour counted as zero, which reproduces the DMI edge canting of free ends.
 */
public final class InterfacialDmi implements FieldTerm {
    private final Medium medium;
    private final double d;
    private final double coeff;

    /** @param d DMI constant, J/m^2 */
    public InterfacialDmi(Medium medium, double d) {
        this.medium = medium;
        this.d = Checks.finite("DMI D (J/m^2)", d);
        this.coeff = d / (medium.msSum() * medium.mesh().cellSize());
    }

    @Override
    public void addField(double t, double[] m, double[] b, int from, int to) {
        Mesh1D mesh = medium.mesh();
        int n = mesh.cells();
        for (int s = 0; s < 2; s++) {
            if (!medium.active(s)) {
                continue;
            }
            int ox = mesh.offset(s, 0);
            int oz = mesh.offset(s, 2);
            for (int k = from; k < to; k++) {
                double zp = k < n - 1 ? m[oz + k + 1] : 0.0;
                double zm = k > 0 ? m[oz + k - 1] : 0.0;
                double xp = k < n - 1 ? m[ox + k + 1] : 0.0;
                double xm = k > 0 ? m[ox + k - 1] : 0.0;
                b[ox + k] -= coeff * (zp - zm);
                b[oz + k] += coeff * (xp - xm);
            }
        }
    }

    /** Field coefficient D / (M_sum dx), T (for the fused kernel). */
    double coeff() {
        return coeff;
    }

    @Override
    public double energy(double[] m) {
        Mesh1D mesh = medium.mesh();
        int n = mesh.cells();
        double e = 0.0;
        for (int s = 0; s < 2; s++) {
            if (!medium.active(s)) {
                continue;
            }
            int ox = mesh.offset(s, 0);
            int oz = mesh.offset(s, 2);
            double di = d * medium.share(s);
            for (int k = 0; k < n - 1; k++) {
                e += di * (m[ox + k] * m[oz + k + 1] - m[oz + k] * m[ox + k + 1]);
            }
        }
        return e;
    }

    @Override
    public String name() {
        return "interfacial DMI";
    }
}
