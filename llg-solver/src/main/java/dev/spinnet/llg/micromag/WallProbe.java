package dev.spinnet.llg.micromag;

/**
 * Wall observables from the TM sublattice of a state (the sublattice that defines the up/down wall of
 * the collective model): position from the m_z zero crossing, angle from the in-plane moment.
 */
public final class WallProbe {
    private WallProbe() {
    }

    /**
     * Position (m) of the first sign change of m_z (TM), linearly interpolated between cell centres;
     * NaN when there is no wall.
     */
    public static double position(Mesh1D mesh, double[] m) {
        int oz = mesh.offset(0, 2);
        for (int k = 0; k < mesh.cells() - 1; k++) {
            double a = m[oz + k];
            double b = m[oz + k + 1];
            if (a == 0.0) {
                return mesh.x(k);
            }
            if (a * b < 0.0) {
                return mesh.x(k) + a / (a - b) * mesh.cellSize();
            }
        }
        return Double.NaN;
    }

    /**
     * Position (m) of a single up/down wall from the integral of m_z: for m_z = +1 left of q and -1 right
     * of it, sum m_z dx = 2 q - L. Smooth in time (no cell-crossing artefacts) and exact for a symmetric
     * wall far from the ends.
     */
    public static double positionFromIntegral(Mesh1D mesh, double[] m) {
        int oz = mesh.offset(0, 2);
        double sum = 0.0;
        for (int k = 0; k < mesh.cells(); k++) {
            sum += m[oz + k];
        }
        return 0.5 * (mesh.length() + sum * mesh.cellSize());
    }

    /**
     * Wall angle phi (rad) = atan2(sum m_y, sum m_x) over the TM sublattice weighted by the in-plane
     * component, i.e. dominated by the wall; in (-pi, pi].
     */
    public static double angle(Mesh1D mesh, double[] m) {
        int ox = mesh.offset(0, 0);
        int oy = mesh.offset(0, 1);
        double sx = 0.0;
        double sy = 0.0;
        for (int k = 0; k < mesh.cells(); k++) {
            sx += m[ox + k];
            sy += m[oy + k];
        }
        return Math.atan2(sy, sx);
    }

    /**
     * Writes an up/down wall m_z = -tanh((x - x0)/delta), in-plane angle phi, on the TM sublattice and
     * its antiparallel image on the RE sublattice.
     */
    public static void setWall(Mesh1D mesh, double[] m, double x0, double delta, double phi) {
        int n = mesh.cells();
        for (int k = 0; k < n; k++) {
            double u = (mesh.x(k) - x0) / delta;
            double mz = -Math.tanh(u);
            double sin = 1.0 / Math.cosh(u);
            double mx = sin * Math.cos(phi);
            double my = sin * Math.sin(phi);
            m[mesh.offset(0, 0) + k] = mx;
            m[mesh.offset(0, 1) + k] = my;
            m[mesh.offset(0, 2) + k] = mz;
            m[mesh.offset(1, 0) + k] = -mx;
            m[mesh.offset(1, 1) + k] = -my;
            m[mesh.offset(1, 2) + k] = -mz;
        }
    }
}
