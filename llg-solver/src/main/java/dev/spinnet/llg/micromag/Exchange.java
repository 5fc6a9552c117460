package dev.spinnet.llg.micromag;

import dev.spinnet.llg.material.Checks;

/**
 * Intra-sublattice exchange, stiffness A (J/m) split as A_i = A M_i / M_sum. Discrete energy per area
 * sum_i (A_i / dx) sum_bonds |m_k+1 - m_k|^2, whose exact gradient gives the field
 * B_i = (2 A / (M_sum dx^2)) (m_k+1 + m_k-1 - 2 m_k) with free (Neumann) ends: a missing neighbour
 * contributes nothing, i.e. it mirrors the end cell.
 */
public final class Exchange implements FieldTerm {
    private final Medium medium;
    private final double a;
    private final double coeff;

    /** @param a exchange stiffness A, J/m (> 0) */
    public Exchange(Medium medium, double a) {
        this.medium = medium;
        this.a = Checks.positive("exchange stiffness A (J/m)", a);
        double dx = medium.mesh().cellSize();
        this.coeff = 2.0 * a / (medium.msSum() * dx * dx);
    }

    @Override
    public void addField(double t, double[] m, double[] b, int from, int to) {
        Mesh1D mesh = medium.mesh();
        int n = mesh.cells();
        for (int s = 0; s < 2; s++) {
            if (!medium.active(s)) {
                continue;
            }
            for (int c = 0; c < 3; c++) {
                int o = mesh.offset(s, c);
                for (int k = from; k < to; k++) {
                    double mk = m[o + k];
                    double sum = 0.0;
                    if (k > 0) {
                        sum += m[o + k - 1] - mk;
                    }
                    if (k < n - 1) {
                        sum += m[o + k + 1] - mk;
                    }
                    b[o + k] += coeff * sum;
                }
            }
        }
    }

    /** Field coefficient 2 A / (M_sum dx^2), T (for the fused kernel). */
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
            double ai = a * medium.share(s);
            for (int c = 0; c < 3; c++) {
                int o = mesh.offset(s, c);
                for (int k = 0; k < n - 1; k++) {
                    double d = m[o + k + 1] - m[o + k];
                    e += ai / mesh.cellSize() * d * d;
                }
            }
        }
        return e;
    }

    @Override
    public String name() {
        return "exchange";
    }
}
