package dev.spinnet.devicefit.neuron;

import java.util.ArrayList;
import java.util.List;

import dev.spinnet.devicefit.physics.SaturatingBarrier;
import dev.spinnet.llg.cc.RectangularPulse;
import dev.spinnet.llg.material.Ferrimagnet;
import dev.spinnet.llg.material.MaterialState;
import dev.spinnet.llg.micromag.AnisotropyModulation;
import dev.spinnet.llg.micromag.FieldTerm;
import dev.spinnet.llg.micromag.FilmTrack;
import dev.spinnet.llg.micromag.LlgEquation;
import dev.spinnet.llg.micromag.Mesh1D;
import dev.spinnet.llg.micromag.WallProbe;
import dev.spinnet.llg.ode.DormandPrince45;
import dev.spinnet.llg.ode.StepObserver;

/**
 * Full 1D two-sublattice LLG check of the barrier branch (x &lt; 0) at T = 0: the companion of
 * {@link LlgSpotCheck}, with the collective model's {@link SaturatingBarrier} replaced by its micromagnetic
 * counterpart, a graded anisotropy dK(x) &gt;= 0 left of the foot (what an irradiation dose ramp would make).
 *
 * <p>Mapping. The collective model adds (1/2) (-dU/dq) to the same side of its equation (A) as mu0 M_net H_z,
 * whose energy per wall area is -2 mu0 M_net H_z q; so U is an energy per wall area, J/m^2, and the LLG wall
 * feels the same pressure when its energy per area rises by U(q). In a slowly varying dK a wall of angle phi
 * has the 1D energy sigma = 4 sqrt(A (K_w + dK)) - pi D cos(phi), with K_w = K_u + K_perp cos^2(phi) the
 * anisotropy it sees (the solver's K_u is already K_eff; {@code ShapeAnisotropy} adds K_perp m_x^2 and m_x =
 * sin(theta) cos(phi) inside the wall), the DMI part being independent of the profile. Setting
 * sigma(dK) - sigma(0) = U gives
 * <pre>
 *   dK(x) = K_w [(1 + U(x) / sigma_w)^2 - 1],   sigma_w = 4 sqrt(A K_w)
 * </pre>
 * which is 2 Delta_w dK = U to first order. The hard end keeps the barrier's own linear continuation of g
 * beyond u = 0.98 (U then grows quadratically, dK quartically); two wall widths past the shallower of the hard
 * end and the point where the barrier pushes back with twice the pressure the pulse can balance, dK is held
 * flat so that the local wall width, and with it the cell size, stays bounded. The wall centre stays at least
 * one wall width short of the flat top (checked); moving the flat top one wall width further changes the
 * outputs by &lt; 2e-4 output units. Cells of 2 nm or Delta_local / 6 at the flat top, whichever is finer.
 *
 * <p>What the comparison contains beyond the mapping: the collective model keeps the wall width Delta =
 * sqrt(A/K_u) everywhere, whereas the LLG wall narrows to sqrt(A/(K_w + dK)) as it climbs the barrier (so it
 * moves more slowly, v = (pi/2) Delta J_s / alphaS) and feels the barrier averaged over its own width (which
 * matters when the barrier is only a few Delta deep). The output is read from the integral of m_z, i.e. the
 * reversed fraction the Hall cross sees.
 *
 * <p>Findings (ferri-neuron, T = 0): a 200 nm barrier with barrierFactor 6 (16 Delta deep) agrees to -4 to -7 %
 * for x in [-4, -0.25], accounted for by the three rigid-wall effects above (width with K_perp -2.4 %, narrowing,
 * averaging); the default 50 nm barrier is 8-17 % below the collective curve for x in [-4, -0.5], and the
 * 18.75 nm one (1.5 Delta) is a different curve: the wall is pushed off the foot at x = 0 and saturates slowly.
 * At x = -12 (three times the design range) the pulse switches domains: refused, the single-wall readout no
 * longer applies; x = -8 is still a single wall.
 */
public final class LlgBarrierCheck {
    /** Free track right of the foot, m (as {@link LlgSpotCheck}: about 12 Delta of tail room). */
    static final double RIGHT_MARGIN = 150e-9;
    /** Track left of the flat top, in local wall widths (tail m_z deviation ~ 2 exp(-16)). */
    static final double LEFT_MARGIN_WIDTHS = 8;

    /** The flat top starts where the barrier balances this multiple of the pulse's drive ... */
    static final double HOLD_FACTOR = 2;
    /** ... plus this many wall widths, and no deeper than that beyond the hard end. */
    static final double HOLD_WIDTHS = 2;

    private LlgBarrierCheck() {
    }

    /** Wall angle at rest, minimising -pi D cos(phi) + 2 Delta K_perp cos^2(phi) (the collective model's (B)). */
    public static double restCos(Ferrimagnet f) {
        if (f.shapeAnisotropyKperp() == 0.0) {
            return Math.signum(f.dmi());
        }
        double c = Math.PI * f.dmi() / (4 * f.wallWidth() * f.shapeAnisotropyKperp());
        return Math.max(-1, Math.min(1, c));
    }

    /** K_w = K_u + K_perp cos^2(phi_rest), J/m^3: the anisotropy that sets the 1D wall's energy and width. */
    public static double wallAnisotropy(Ferrimagnet f) {
        double c = restCos(f);
        return f.anisotropyKu() + f.shapeAnisotropyKperp() * c * c;
    }

    /** dK, J/m^3, that raises the wall energy per area by {@code energy} (J/m^2), exactly in the slow limit. */
    public static double anisotropyFor(Ferrimagnet f, double energy) {
        double kw = wallAnisotropy(f);
        double sigma = 4 * Math.sqrt(f.exchangeStiffness() * kw);
        double r = 1 + energy / sigma;
        return kw * (r * r - 1);
    }

    /**
     * Start q_hold (m, &lt; foot) of the flat top: {@code holdWidths} wall widths beyond the shallower of the hard
     * end and the point where the barrier pushes back with {@code holdFactor} times the pressure that input x
     * can balance. The margin matters because the LLG wall averages the barrier over its width: a flat top at
     * the hard end itself would let it through at the barrier's own, log-divergent and so integrable, pressure.
     */
    static double holdPosition(NeuronDesign d, SaturatingBarrier b, double x, double holdFactor, double holdWidths) {
        double target = holdFactor * 2 * Math.abs(x) * b.pressure() / d.barrierFactor();
        double hardEnd = b.foot() - b.depth();
        double deep = hardEnd;
        double shallow = b.foot();
        if (b.force(hardEnd) >= target) {
            for (int i = 0; i < 200; i++) {
                double mid = 0.5 * (deep + shallow);
                if (b.force(mid) >= target) {
                    deep = mid;
                } else {
                    shallow = mid;
                }
            }
        }
        return deep - holdWidths * d.state().wallWidth();
    }

    /** Output (displacement / output unit) of the full LLG with the graded-anisotropy barrier, for input x &lt; 0. */
    public static double outputLlgBarrier(NeuronDesign d, double x) {
        return run(d, x, HOLD_FACTOR, HOLD_WIDTHS, 0.0).output();
    }

    /**
     * One LLG run. The wall starts as a tanh profile centred on the foot when the pulse starts, as in the
     * collective model and {@link LlgSpotCheck}. With {@code settleTime} &gt; 0 it first relaxes without current
     * and the displacement is counted from where it got to: the LLG wall, feeling the barrier over its width, is
     * pushed off the foot into the free track, so the foot is no rest position (the final position does not
     * depend on this choice, the reference does).
     *
     * @param output         displacement at d.readTime() after the pulse start / outputUnit
     * @param finalPosition  wall position (integral of m_z) at readout, m (foot at 0)
     * @param cellSize       m
     * @param cells          mesh cells
     * @param maxDeltaK      largest dK on the track (the flat top), J/m^3
     */
    record Run(double output, double finalPosition, double cellSize, int cells, double maxDeltaK) {
    }

    static Run run(NeuronDesign d, double x, double holdFactor, double holdWidths, double settleTime) {
        if (!(x < 0)) {
            throw new IllegalArgumentException("the LLG barrier check covers the barrier branch x < 0, got " + x);
        }
        MaterialState s = d.state();
        Ferrimagnet f = s.material();
        SaturatingBarrier b = d.barrier(1.0, 1.0);
        double qHold = holdPosition(d, b, x, holdFactor, holdWidths);
        double dkMax = anisotropyFor(f, b.energy(qHold));
        // the finest wall the track can hold sets the cells: 2 nm or Delta_local / 6, as LlgSpotCheck
        double deltaMin = Math.sqrt(f.exchangeStiffness() / (wallAnisotropy(f) + dkMax));
        double dx = Math.min(2e-9, deltaMin / 6);
        double left = qHold - LEFT_MARGIN_WIDTHS * deltaMin;
        int cells = (int) Math.ceil((RIGHT_MARGIN - left) / dx);
        Mesh1D mesh = new Mesh1D(cells, dx, d.crossSection());
        double origin = -left; // mesh coordinate of the foot
        double[] dk = new double[cells];
        for (int i = 0; i < cells; i++) {
            double q = Math.max(mesh.x(i) - origin, qHold);
            dk[i] = anisotropyFor(f, b.energy(q));
        }
        RectangularPulse p = d.pulse(x, 1.0);
        RectangularPulse delayed = new RectangularPulse(p.amplitude(), settleTime, p.riseTime(), p.width(),
                p.fallTime());
        try (LlgEquation film = FilmTrack.build(s, mesh, 0, delayed, 0, 0, 0)) {
            List<FieldTerm> terms = new ArrayList<>(film.terms());
            terms.add(new AnisotropyModulation(film.medium(), dk));
            try (LlgEquation eq = new LlgEquation(film.medium(), terms)) {
                double[] m = new double[mesh.stateLength()];
                WallProbe.setWall(mesh, m, origin, s.wallWidth(), Math.acos(restCos(f)));
                DormandPrince45 dp = new DormandPrince45(1e-6, 1e-6, 1e-20, 1e-12, 1e-15);
                double t = settleTime > 0 ? dp.integrate(eq, 0, m, settleTime, StepObserver.NONE) : 0.0;
                double q0 = WallProbe.positionFromIntegral(mesh, m);
                double end = settleTime + d.readTime();
                for (double edge : delayed.breakpoints()) {
                    if (edge > t && edge <= end) {
                        t = dp.integrate(eq, t, m, edge, StepObserver.NONE);
                    }
                }
                if (t < end) {
                    t = dp.integrate(eq, t, m, end, StepObserver.NONE);
                }
                int walls = wallCount(mesh, m);
                if (walls != 1) {
                    throw new IllegalStateException(walls + " walls on the track at x = " + x
                            + ": the pulse switched a domain, the single-wall readout does not apply");
                }
                double q = WallProbe.positionFromIntegral(mesh, m);
                if (q - origin < qHold + s.wallWidth()) {
                    throw new IllegalStateException("wall reached the flat top of the barrier at x = " + x
                            + ": q = " + (q - origin) + " m, hold at " + qHold + " m");
                }
                return new Run((q - q0) / d.outputUnit(), q - origin, dx, cells, dkMax);
            }
        }
    }

    /** Sign changes of m_z (TM) along the track. */
    static int wallCount(Mesh1D mesh, double[] m) {
        int oz = mesh.offset(0, 2);
        int n = 0;
        for (int k = 0; k + 1 < mesh.cells(); k++) {
            if (m[oz + k] * m[oz + k + 1] < 0) {
                n++;
            }
        }
        return n;
    }
}
