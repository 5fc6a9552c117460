package dev.spinnet.llg.micromag;

/**
 * The shared arithmetic of the quadratic single-axis anisotropies: energy density -K_i m_ia^2 with
 * K_i = K M_i / M_sum, field (2 K / M_sum) m_ia along axis a. An easy axis has K > 0, a hard axis K < 0.
 */
final class AxialAnisotropy {
    private AxialAnisotropy() {
    }

    /** Adds {@code coeff m_ia} to the a-component of the field of cells [from, to) of both sublattices. */
    static void addField(Medium medium, int axis, double coeff, double[] m, double[] b, int from, int to) {
        Mesh1D mesh = medium.mesh();
        for (int s = 0; s < 2; s++) {
            if (!medium.active(s)) {
                continue;
            }
            int o = mesh.offset(s, axis);
            for (int i = from; i < to; i++) {
                b[o + i] += coeff * m[o + i];
            }
        }
    }

    /** Total energy per unit cross-section, J/m^2: sum over cells of -K_i m_ia^2 dx. */
    static double energy(Medium medium, int axis, double k, double[] m) {
        Mesh1D mesh = medium.mesh();
        double e = 0.0;
        for (int s = 0; s < 2; s++) {
            if (!medium.active(s)) {
                continue;
            }
            int o = mesh.offset(s, axis);
            double ki = k * medium.share(s);
            for (int i = 0; i < mesh.cells(); i++) {
                e -= ki * m[o + i] * m[o + i];
            }
        }
        return e * mesh.cellSize();
    }
}
