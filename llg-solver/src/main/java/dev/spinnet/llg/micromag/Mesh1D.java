package dev.spinnet.llg.micromag;

import dev.spinnet.llg.material.Checks;

/**
 * A 1D track of {@code cells} cells of length {@code cellSize} (m) along x; each cell has the
 * cross-section {@code crossSection} (m^2, width x thickness), used only for the cell volume of the
 * thermal field. Cell k has its centre at (k + 1/2) cellSize.
 *
 * <p>State layout (structure of arrays): for sublattice s (0 = TM, 1 = RE) and component c (0 = x, 1 = y,
 * 2 = z) the n cell values lie contiguously from {@link #offset(int, int)} = (3 s + c) n.
 */
public record Mesh1D(int cells, double cellSize, double crossSection) {

    public Mesh1D {
        if (cells < 1) {
            throw new IllegalArgumentException("cells must be >= 1, got " + cells);
        }
        Checks.positive("cellSize (m)", cellSize);
        Checks.positive("crossSection (m^2)", crossSection);
    }

    /** Start of the block holding component c of sublattice s. */
    public int offset(int sublattice, int component) {
        return (3 * sublattice + component) * cells;
    }

    /** Length of the full two-sublattice state array, 6 n. */
    public int stateLength() {
        return 6 * cells;
    }

    /** Track length, m. */
    public double length() {
        return cells * cellSize;
    }

    /** Cell volume, m^3. */
    public double cellVolume() {
        return cellSize * crossSection;
    }

    /** Centre of cell k, m. */
    public double x(int k) {
        return (k + 0.5) * cellSize;
    }
}
