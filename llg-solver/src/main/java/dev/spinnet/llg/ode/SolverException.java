package dev.spinnet.llg.ode;

import java.util.Locale;

/**
 * An integration that cannot go on: NaN or infinite state (divergence), |m| drifting away from 1, or a
 * step size below the integrator's minimum. Thrown instead of continuing with a meaningless state; the
 * message is one line naming the simulation time and the state component (for LLG: the cell and
 * sublattice), so that the command line can print it as is.
 */
public final class SolverException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final double time;
    private final String where;

    /**
     * @param problem what went wrong, e.g. "m is NaN"
     * @param time    simulation time of the failing step, s
     * @param where   the state component, e.g. "cell 17 (TM sublattice, m_z)"
     */
    public SolverException(String problem, double time, String where) {
        super(String.format(Locale.ROOT, "solver: %s at t = %.6g s in %s", problem, time, where));
        this.time = time;
        this.where = where;
    }

    /** Simulation time of the failing step, s. */
    public double time() {
        return time;
    }

    /** The state component the problem was found in. */
    public String where() {
        return where;
    }

    /**
     * Throws if any of {@code y} is NaN or infinite, naming the first such component: the generic check of
     * every integrator, run before a step is accepted.
     */
    static void requireFinite(FlatOde ode, double t, double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new SolverException(Double.isNaN(y[i]) ? "state became NaN"
                        : "state diverged to " + y[i], t, ode.describeComponent(i));
            }
        }
    }
}
