package dev.spinnet.llg.material;

/** CODATA 2018 constants in SI units, as used throughout the solver. */
public final class PhysicalConstants {
    /** Bohr magneton, J/T. */
    public static final double MU_B = 9.2740100783e-24;
    /** Reduced Planck constant, J s. */
    public static final double HBAR = 1.054571817e-34;
    /** Elementary charge, C. */
    public static final double E_CHARGE = 1.602176634e-19;
    /** Vacuum permeability, T m/A (N/A^2). */
    public static final double MU0 = 1.25663706212e-6;
    /** Boltzmann constant, J/K. */
    public static final double K_B = 1.380649e-23;

    private PhysicalConstants() {
    }

    /** Gyromagnetic ratio gamma = g muB / hbar in rad/(s T) for a Lande factor g. */
    public static double gyromagneticRatio(double g) {
        return g * MU_B / HBAR;
    }
}
