package dev.spinnet.llg.ode;

/**
 * An ODE dy/dt = f(t, y) over a flat state array, as seen by the integrators of this package (which know
 * nothing of magnetism). Implementations must not allocate in {@link #derivatives}.
 */
public interface FlatOde {

    /** Length of the state array. */
    int dimension();

    /** Writes f(t, y) into {@code dydt}; must not modify {@code y}. */
    void derivatives(double t, double[] y, double[] dydt);

    /**
     * Called once before each attempted step [t, t + dt]: stochastic terms draw their noise here and hold
     * it for the whole step (Stratonovich-consistent with Heun). Default: nothing.
     */
    default void beginStep(double t, double dt) {
    }

    /** Projection after each accepted step back onto the constraint manifold (e.g. |m| = 1). Default: nothing. */
    default void project(double[] y) {
    }

    /**
     * Called on each step about to be accepted, before {@link #project}: throws {@link SolverException} if the
     * state is unphysical (e.g. |m| far from 1), which projection would otherwise hide. The integrators
     * have already checked that every component is finite. Default: nothing.
     */
    default void checkState(double t, double[] y) {
    }

    /** Names state component i in error messages, e.g. "cell 17 (TM sublattice, m_z)". */
    default String describeComponent(int i) {
        return "state component " + i;
    }
}
