package dev.spinnet.llg.micromag;

/**
 * One physical contribution to the effective field B (tesla) of each sublattice. Terms add into a buffer
 * with the {@link Mesh1D} layout; they never clear it.
 */
public interface FieldTerm {

    /**
     * Adds this term's field for cells [from, to) of every active sublattice. Reads m anywhere (neighbours),
     * writes b only inside the range, allocates nothing.
     */
    void addField(double t, double[] m, double[] b, int from, int to);

    /**
     * Energy per unit cross-sectional area of the track, J/m^2, for the state m (the 1D energy density
     * integrated along x); 0 for non-conservative terms.
     */
    double energy(double[] m);

    /** Short name for tables. */
    String name();
}
