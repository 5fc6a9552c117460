package dev.spinnet.llg.micromag;

import java.util.List;
import java.util.Locale;

import dev.spinnet.llg.ode.FlatOde;
import dev.spinnet.llg.ode.SolverException;

/**
 * Two-sublattice Landau-Lifshitz-Gilbert(-Slonczewski) equation over the flat state of a {@link Mesh1D}:
 * for each active sublattice i, with B_i the sum of the {@link FieldTerm}s (spin torques included as
 * equivalent fields),
 * <pre>
 *   dm_i/dt = -gamma_i / (1 + alpha_i^2) [ m_i x B_i + alpha_i m_i x (m_i x B_i) ]
 * </pre>
 * the explicit (Landau-Lifshitz) form of the Gilbert equation. Each sublattice has its own Gilbert term,
 * so the conversion is exact per sublattice. Inactive sublattices (Ms = 0) are frozen.
 *
 * <p>The right-hand side can be split over two threads (the track cut in halves); both halves read the
 * whole state and write only their own cells, so no locking is needed beyond the hand-off.
 */
public final class LlgEquation implements FlatOde, AutoCloseable {
    private final Medium medium;
    private final FieldTerm[] terms;
    private final double[] field;
    /** Single-pass kernel for the standard term list (null: term by term). */
    private final FusedFilmKernel fused;
    private RangeSplitter splitter;

    /** -Dspinnet.llg.fused=false evaluates term by term (for comparisons). */
    private static final boolean FUSE = !"false".equals(System.getProperty("spinnet.llg.fused"));

    public LlgEquation(Medium medium, List<? extends FieldTerm> terms) {
        this.medium = medium;
        this.terms = terms.toArray(new FieldTerm[0]);
        this.field = new double[medium.mesh().stateLength()];
        this.fused = FUSE ? FusedFilmKernel.tryCreate(medium, this.terms) : null;
    }

    /** True when the right-hand side runs as one fused pass (the standard film terms). */
    public boolean fused() {
        return fused != null;
    }

    public Medium medium() {
        return medium;
    }

    public List<FieldTerm> terms() {
        return List.of(terms);
    }

    /** Evaluates the right-hand side with 1 or 2 threads; 2 starts a worker thread (close() stops it). */
    public LlgEquation threads(int threads) {
        if (threads != 1 && threads != 2) {
            throw new IllegalArgumentException("threads must be 1 or 2, got " + threads);
        }
        close();
        if (threads == 2) {
            splitter = new RangeSplitter(this::evaluateRange);
        }
        return this;
    }

    @Override
    public void close() {
        if (splitter != null) {
            splitter.close();
            splitter = null;
        }
    }

    @Override
    public int dimension() {
        return medium.mesh().stateLength();
    }

    @Override
    public void derivatives(double t, double[] y, double[] dydt) {
        int n = medium.mesh().cells();
        if (splitter == null) {
            evaluateRange(t, y, dydt, 0, n);
        } else {
            splitter.run(t, y, dydt, n / 2, n);
        }
    }

    /** Field and torque for cells [from, to). */
    void evaluateRange(double t, double[] y, double[] dydt, int from, int to) {
        if (fused != null) {
            fused.evaluate(t, y, dydt, from, to);
        } else {
            evaluateGeneric(t, y, dydt, from, to);
        }
    }

    /** Term by term: every term adds its field into a buffer, then the torque (reference for the fused path). */
    void evaluateGeneric(double t, double[] y, double[] dydt, int from, int to) {
        Mesh1D mesh = medium.mesh();
        for (int s = 0; s < 2; s++) {
            for (int c = 0; c < 3; c++) {
                int o = mesh.offset(s, c);
                java.util.Arrays.fill(field, o + from, o + to, 0.0);
            }
        }
        for (FieldTerm term : terms) {
            term.addField(t, y, field, from, to);
        }
        for (int s = 0; s < 2; s++) {
            int ox = mesh.offset(s, 0);
            int oy = mesh.offset(s, 1);
            int oz = mesh.offset(s, 2);
            if (!medium.active(s)) {
                for (int c = 0; c < 3; c++) {
                    java.util.Arrays.fill(dydt, mesh.offset(s, c) + from, mesh.offset(s, c) + to, 0.0);
                }
                continue;
            }
            double alpha = medium.alpha(s);
            double pre = -medium.gamma(s) / (1.0 + alpha * alpha);
            for (int i = from; i < to; i++) {
                double mx = y[ox + i];
                double my = y[oy + i];
                double mz = y[oz + i];
                double bx = field[ox + i];
                double by = field[oy + i];
                double bz = field[oz + i];
                double tx = my * bz - mz * by;
                double ty = mz * bx - mx * bz;
                double tz = mx * by - my * bx;
                // m x (m x B) = m (m.B) - B (m.m)
                double mb = mx * bx + my * by + mz * bz;
                double mm = mx * mx + my * my + mz * mz;
                dydt[ox + i] = pre * (tx + alpha * (mx * mb - bx * mm));
                dydt[oy + i] = pre * (ty + alpha * (my * mb - by * mm));
                dydt[oz + i] = pre * (tz + alpha * (mz * mb - bz * mm));
            }
        }
    }

    @Override
    public void beginStep(double t, double dt) {
        for (FieldTerm term : terms) {
            if (term instanceof StepAware aware) {
                aware.beginStep(t, dt);
            }
        }
    }

    /**
     * Largest accepted deviation of |m| from 1 before projection. An accepted DP45 step at the tolerances used
     * here moves |m| by ~1e-6 and a resolved Heun step by far less than 1e-2; a larger drift means the step
     * is too coarse for the dynamics and renormalising would hide a wrong trajectory.
     */
    public static final double MAX_NORM_DRIFT = 1e-2;
    /** |m| beyond this is a blow-up (divergence), not a drift. */
    public static final double DIVERGED_NORM = 2.0;

    /** Throws {@link SolverException} at the first cell whose |m| is NaN, diverged or drifted from 1. */
    @Override
    public void checkState(double t, double[] y) {
        Mesh1D mesh = medium.mesh();
        int n = mesh.cells();
        for (int s = 0; s < 2; s++) {
            if (!medium.active(s)) {
                continue;
            }
            int ox = mesh.offset(s, 0);
            int oy = mesh.offset(s, 1);
            int oz = mesh.offset(s, 2);
            for (int i = 0; i < n; i++) {
                double norm = Math.sqrt(y[ox + i] * y[ox + i] + y[oy + i] * y[oy + i] + y[oz + i] * y[oz + i]);
                String problem = null;
                if (Double.isNaN(norm)) {
                    problem = "m is NaN";
                } else if (!(norm < DIVERGED_NORM)) {
                    problem = String.format(Locale.ROOT, "diverged (|m| = %.3g)", norm);
                } else if (Math.abs(norm - 1) > MAX_NORM_DRIFT) {
                    problem = String.format(Locale.ROOT, "|m| drifted from 1 by %.3g (limit %.0e)", norm - 1,
                            MAX_NORM_DRIFT);
                }
                if (problem != null) {
                    throw new SolverException("LLG " + problem, t, describeComponent(ox + i));
                }
            }
        }
    }

    /** "cell 17 (TM sublattice, m_z)" for the flat index of the state array. */
    @Override
    public String describeComponent(int index) {
        int n = medium.mesh().cells();
        int block = index / n;
        return "cell " + (index % n) + " (" + (block / 3 == 0 ? "TM" : "RE") + " sublattice, m_" + "xyz".charAt(block % 3)
                + ")";
    }

    /** Renormalises |m_i| = 1 in every cell of every active sublattice. */
    @Override
    public void project(double[] y) {
        Mesh1D mesh = medium.mesh();
        for (int s = 0; s < 2; s++) {
            if (!medium.active(s)) {
                continue;
            }
            int ox = mesh.offset(s, 0);
            int oy = mesh.offset(s, 1);
            int oz = mesh.offset(s, 2);
            for (int i = 0; i < mesh.cells(); i++) {
                double inv = 1.0 / Math.sqrt(y[ox + i] * y[ox + i] + y[oy + i] * y[oy + i] + y[oz + i] * y[oz + i]);
                y[ox + i] *= inv;
                y[oy + i] *= inv;
                y[oz + i] *= inv;
            }
        }
    }

    /** Total energy per unit cross-sectional area, J/m^2 (conservative terms only). */
    public double energy(double[] m) {
        double e = 0.0;
        for (FieldTerm term : terms) {
            e += term.energy(m);
        }
        return e;
    }
}
