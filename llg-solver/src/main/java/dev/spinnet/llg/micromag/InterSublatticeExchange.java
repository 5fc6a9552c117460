package dev.spinnet.llg.micromag;

import dev.spinnet.llg.material.Checks;

/**
 * Local antiparallel coupling of the two sublattices: energy density -B_ex m_TM . m_RE with
 * B_ex &lt;= 0 (J/m^3), field (B_ex / M_i) m_j on sublattice i. Inactive when either sublattice has Ms = 0.
 */
public final class InterSublatticeExchange implements FieldTerm {
    private final Medium medium;
    private final double bEx;

    /** @param bEx coupling B_ex, J/m^3 (<= 0 for antiparallel) */
    public InterSublatticeExchange(Medium medium, double bEx) {
        this.medium = medium;
        this.bEx = Checks.finite("inter-sublattice exchange B_ex (J/m^3)", bEx);
    }

    /** B_ex, J/m^3 (for the fused kernel). */
    double bEx() {
        return bEx;
    }

    boolean on() {
        return medium.active(0) && medium.active(1) && bEx != 0.0;
    }

    @Override
    public void addField(double t, double[] m, double[] b, int from, int to) {
        if (!on()) {
            return;
        }
        Mesh1D mesh = medium.mesh();
        double cTm = bEx / medium.msTm();
        double cRe = bEx / medium.msRe();
        for (int c = 0; c < 3; c++) {
            int oT = mesh.offset(0, c);
            int oR = mesh.offset(1, c);
            for (int k = from; k < to; k++) {
                b[oT + k] += cTm * m[oR + k];
                b[oR + k] += cRe * m[oT + k];
            }
        }
    }

    @Override
    public double energy(double[] m) {
        if (!on()) {
            return 0.0;
        }
        Mesh1D mesh = medium.mesh();
        double e = 0.0;
        for (int c = 0; c < 3; c++) {
            int oT = mesh.offset(0, c);
            int oR = mesh.offset(1, c);
            for (int k = 0; k < mesh.cells(); k++) {
                e -= bEx * m[oT + k] * m[oR + k];
            }
        }
        return e * mesh.cellSize();
    }

    @Override
    public String name() {
        return "inter-sublattice exchange";
    }
}
