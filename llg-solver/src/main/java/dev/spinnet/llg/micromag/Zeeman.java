package dev.spinnet.llg.micromag;

import dev.spinnet.llg.material.Checks;

/** Uniform applied field B = mu0 H (tesla) on every active sublattice; energy density -M_i m_i . B. */
public final class Zeeman implements FieldTerm {
    private final Medium medium;
    private final double bx;
    private final double by;
    private final double bz;

    /** @param bx,by,bz applied induction mu0 H, T */
    public Zeeman(Medium medium, double bx, double by, double bz) {
        this.medium = medium;
        this.bx = Checks.finite("Bx (T)", bx);
        this.by = Checks.finite("By (T)", by);
        this.bz = Checks.finite("Bz (T)", bz);
    }

    @Override
    public void addField(double t, double[] m, double[] b, int from, int to) {
        Mesh1D mesh = medium.mesh();
        for (int s = 0; s < 2; s++) {
            if (!medium.active(s)) {
                continue;
            }
            int ox = mesh.offset(s, 0);
            int oy = mesh.offset(s, 1);
            int oz = mesh.offset(s, 2);
            for (int i = from; i < to; i++) {
                b[ox + i] += bx;
                b[oy + i] += by;
                b[oz + i] += bz;
            }
        }
    }

    double bx() {
        return bx;
    }

    double by() {
        return by;
    }

    double bz() {
        return bz;
    }

    @Override
    public double energy(double[] m) {
        Mesh1D mesh = medium.mesh();
        double e = 0.0;
        for (int s = 0; s < 2; s++) {
            if (!medium.active(s)) {
                continue;
            }
            double ms = medium.ms(s);
            for (int i = 0; i < mesh.cells(); i++) {
                e -= ms * (bx * m[mesh.offset(s, 0) + i] + by * m[mesh.offset(s, 1) + i]
                        + bz * m[mesh.offset(s, 2) + i]);
            }
        }
        return e * mesh.cellSize();
    }

    @Override
    public String name() {
        return "Zeeman";
    }
}
