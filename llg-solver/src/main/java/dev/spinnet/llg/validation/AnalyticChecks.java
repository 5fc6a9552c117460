package dev.spinnet.llg.validation;

import static dev.spinnet.llg.material.PhysicalConstants.MU0;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.spinnet.llg.cc.CollectiveCoordinateModel;
import dev.spinnet.llg.cc.CurrentWaveform;
import dev.spinnet.llg.cc.RectangularPulse;
import dev.spinnet.llg.cc.WallClosedForms;
import dev.spinnet.llg.cc.WallDynamicsSimulator;
import dev.spinnet.llg.cc.WallPotential;
import dev.spinnet.llg.cc.WallTrajectory;
import dev.spinnet.llg.material.Ferrimagnet;
import dev.spinnet.llg.material.HeavyMetal;
import dev.spinnet.llg.material.MaterialState;
import dev.spinnet.llg.material.Presets;
import dev.spinnet.llg.material.Sublattice;
import dev.spinnet.llg.micromag.Exchange;
import dev.spinnet.llg.micromag.FieldTerm;
import dev.spinnet.llg.micromag.FilmTrack;
import dev.spinnet.llg.micromag.InterSublatticeExchange;
import dev.spinnet.llg.micromag.InterfacialDmi;
import dev.spinnet.llg.micromag.LlgEquation;
import dev.spinnet.llg.micromag.LlgWallRunner;
import dev.spinnet.llg.micromag.Medium;
import dev.spinnet.llg.micromag.Mesh1D;
import dev.spinnet.llg.micromag.ShapeAnisotropy;
import dev.spinnet.llg.micromag.UniaxialAnisotropy;
import dev.spinnet.llg.micromag.WallProbe;
import dev.spinnet.llg.micromag.Zeeman;
import dev.spinnet.llg.ode.DormandPrince45;
import dev.spinnet.llg.ode.StepObserver;

/**
 * The solver's analytic validation problems (physics reference): each method simulates one family of cases and
 * returns one {@link AnalyticCheck} per comparison. The unit tests assert that every check passes; the validation
 * report runs the same methods ({@link #all()}) and tabulates the errors, so the two never drift apart.
 * Every family takes well under a second on one core.
 */
public final class AnalyticChecks {
    /** Tolerance of the collective model against the closed forms. */
    public static final double CC_TOL = 0.02;
    /** Tolerance of the full LLG against the collective model or the closed forms. */
    public static final double LLG_TOL = 0.05;

    /** Ferromagnet for short LLG Walker runs: damping 0.5, K_perp = 1e5 J/m^3. */
    public static final Ferrimagnet WALKER_CO = new Ferrimagnet("Co walker", new Sublattice("Co", 1.1e6, 0, 2.2, 0.5),
            Sublattice.absent("none", 2.0, 0.5), 1.6e-11, 0, 4e5, 1e5, 0, 0.6e-9, HeavyMetal.PLATINUM);

    private AnalyticChecks() {
    }

    /** Every family, in report order. */
    public static List<Supplier<List<AnalyticCheck>>> families() {
        return List.of(AnalyticChecks::macrospinPrecession, AnalyticChecks::staticWallProfile,
                AnalyticChecks::energyConservation, AnalyticChecks::ferromagnetSotDmiVelocity,
                AnalyticChecks::ferrimagnetSotDmiVelocityAwayFromTa, AnalyticChecks::compensatedSotVelocity,
                AnalyticChecks::velocityPeakAtAngularCompensation, AnalyticChecks::collectiveWalkerBreakdown,
                AnalyticChecks::llgWalkerBreakdown, AnalyticChecks::llgPulseDisplacement,
                AnalyticChecks::llgSteadyVelocity, AnalyticChecks::compensatedFieldDrive);
    }

    /** Runs every family. */
    public static List<AnalyticCheck> all() {
        List<AnalyticCheck> out = new ArrayList<>();
        for (Supplier<List<AnalyticCheck>> f : families()) {
            out.addAll(f.get());
        }
        return out;
    }

    private static double since(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    // ---- 1D LLG reference problems ----

    /** Macrospin in a field along z: m(t) = (cos b / cosh(alpha b), sin b / cosh(alpha b), tanh(alpha b)). */
    public static List<AnalyticCheck> macrospinPrecession() {
        long t0 = System.nanoTime();
        double alpha = 0.1;
        double gamma0 = 2.21e5; // m/(A s) = gamma mu0
        double h = 1e5; // A/m
        Mesh1D mesh = new Mesh1D(1, 1e-9, 1e-18);
        Medium medium = Medium.ferromagnet(mesh, 1e6, gamma0 / MU0, alpha);
        LlgEquation eq = new LlgEquation(medium, List.of(new Zeeman(medium, 0, 0, MU0 * h)));
        double[] m = new double[6];
        m[0] = 1.0;
        DormandPrince45 dp = new DormandPrince45(1e-12, 1e-12, 1e-20, 1e-11, 1e-14);
        double maxErr = 0;
        for (int k = 1; k <= 100; k++) {
            double t = k * 1e-11;
            dp.integrate(eq, t - 1e-11, m, t, StepObserver.NONE);
            double b = gamma0 * h * t / (1 + alpha * alpha);
            double ex = Math.cos(b) / Math.cosh(alpha * b);
            double ey = Math.sin(b) / Math.cosh(alpha * b);
            double ez = Math.tanh(alpha * b);
            maxErr = Math.max(maxErr, Math.max(Math.abs(m[0] - ex), Math.max(Math.abs(m[1] - ey),
                    Math.abs(m[2] - ez))));
        }
        return List.of(AnalyticCheck.maxDeviation("LLG: macrospin precession and damping", "alpha 0.1, H 1e5 A/m, 1 ns",
                "max |m - m_exact|, m_exact = (cos b, sin b, sinh(alpha b)) / cosh(alpha b)", "", maxErr, 1e-6,
                since(t0)));
    }

    /** Static wall: m_z = -tanh((x - x0) / Delta) with Delta = sqrt(A / K), found from a wall twice too wide. */
    public static List<AnalyticCheck> staticWallProfile() {
        long t0 = System.nanoTime();
        double a = 30e-12;
        double k = 520e3;
        double delta = Math.sqrt(a / k);
        Mesh1D mesh = new Mesh1D(200, 1e-9, 1e-18);
        Medium medium = Medium.ferromagnet(mesh, 1.4e6, 1.76e11, 1.0);
        LlgEquation eq = new LlgEquation(medium, List.of(new Exchange(medium, a), new UniaxialAnisotropy(medium, k)));
        double[] m = new double[mesh.stateLength()];
        WallProbe.setWall(mesh, m, 100e-9, 2 * delta, 0.3);
        DormandPrince45 dp = new DormandPrince45(1e-7, 1e-7, 1e-20, 1e-12, 1e-14);
        dp.integrate(eq, 0, m, 0.5e-9, StepObserver.NONE);
        double x0 = WallProbe.position(mesh, m);
        double maxErr = 0;
        for (int i = 0; i < mesh.cells(); i++) {
            double exact = -Math.tanh((mesh.x(i) - x0) / delta);
            maxErr = Math.max(maxErr, Math.abs(m[mesh.offset(0, 2) + i] - exact));
        }
        double s = since(t0);
        String g = "LLG: static wall profile";
        return List.of(AnalyticCheck.maxDeviation(g, "A 30 pJ/m, K 520 kJ/m^3, 1 nm cells",
                "max |m_z + tanh((x - x0) / sqrt(A/K))|", "", maxErr, 1e-2, s));
    }

    /** Zero damping, every conservative term: the energy stays constant while the wall moves. */
    public static List<AnalyticCheck> energyConservation() {
        long t0 = System.nanoTime();
        Mesh1D mesh = new Mesh1D(100, 1e-9, 1e-18);
        Medium medium = new Medium(mesh, 6e5, 4e5, 1.9e11, 1.76e11, 0.0, 0.0);
        List<FieldTerm> terms = List.of(new Exchange(medium, 1e-11), new InterSublatticeExchange(medium, -1e7),
                new UniaxialAnisotropy(medium, 2e5), new ShapeAnisotropy(medium, 1e4),
                new InterfacialDmi(medium, 1e-3), new Zeeman(medium, 0.01, 0.0, 0.05));
        LlgEquation eq = new LlgEquation(medium, terms);
        double[] m = new double[mesh.stateLength()];
        WallProbe.setWall(mesh, m, 50e-9, 4e-9, 1.0); // out of equilibrium: width and angle wrong
        double e0 = eq.energy(m);
        double wallScale = 4 * Math.sqrt(1e-11 * 2e5);
        DormandPrince45 dp = new DormandPrince45(1e-10, 1e-10, 1e-20, 1e-12, 1e-15);
        double[] maxDev = {0};
        dp.integrate(eq, 0, m, 50e-12, (t, y) -> maxDev[0] = Math.max(maxDev[0], Math.abs(eq.energy(y) - e0)));
        double s = since(t0);
        String g = "LLG: energy conservation without damping";
        return List.of(
                AnalyticCheck.atMost(g, "two sublattices, all conservative terms incl. DMI, 50 ps",
                        "max |E - E0| / (4 sqrt(AK))", "", maxDev[0] / wallScale, 1e-6, s),
                AnalyticCheck.atLeast(g, "the wall angle moved (non-trivial run)", "|phi - phi0|", "rad",
                        Math.abs(WallProbe.angle(mesh, m) - 1.0), 1e-3, s));
    }

    // ---- collective model against the closed forms ----

    /** Mean velocity over the last quarter of a constant-current run, m/s. */
    public static double steadySotVelocity(MaterialState s, double j, double duration) {
        CollectiveCoordinateModel m = new CollectiveCoordinateModel(s, 0.0, CurrentWaveform.constant(j),
                WallPotential.NONE);
        WallTrajectory tr = WallDynamicsSimulator.defaults().run(m, 0.0, 0.0, 0.0, duration, duration / 200);
        return tr.meanVelocity(0.75 * duration, duration);
    }

    /** Ferromagnet, SOT + DMI: the reference's steady-velocity closed form, and its saturation pi D / (2 s) at large current. */
    public static List<AnalyticCheck> ferromagnetSotDmiVelocity() {
        long t0 = System.nanoTime();
        MaterialState s = Presets.coFerromagnet().withKperp(0).at(300);
        String g = "collective model: SOT + DMI steady velocity (ferromagnet)";
        List<AnalyticCheck> out = new ArrayList<>();
        for (double j : new double[] {1e11, 1e12, 5e12, 3e13}) {
            long t1 = System.nanoTime();
            out.add(AnalyticCheck.relative(g, String.format(java.util.Locale.ROOT, "Pt/Co, j = %.0e A/m^2", j),
                    "WallClosedForms.sotDmiVelocity", "m/s", WallClosedForms.sotDmiVelocity(s, j),
                    steadySotVelocity(s, j, 20e-9), CC_TOL, since(t1)));
        }
        double vs = WallClosedForms.sotSaturationVelocity(s);
        out.add(AnalyticCheck.atLeast(g, "Pt/Co, j = 1e14 A/m^2", "v / (pi D / 2 s_net) (saturation)", "",
                steadySotVelocity(s, 1e14, 20e-9) / vs, 0.98, since(t0)));
        return out;
    }

    /** Ferrimagnet 30 K below and above T_A: the same closed form with the net angular momentum. */
    public static List<AnalyticCheck> ferrimagnetSotDmiVelocityAwayFromTa() {
        Ferrimagnet f = Presets.gdCo().withKperp(0);
        double ta = f.angularMomentumCompensation().getAsDouble();
        String g = "collective model: SOT + DMI steady velocity (GdCo away from T_A)";
        List<AnalyticCheck> out = new ArrayList<>();
        for (double dt : new double[] {-30, 30}) {
            MaterialState s = f.at(ta + dt);
            for (double j : new double[] {2e11, 1e12, 5e12}) {
                long t1 = System.nanoTime();
                out.add(AnalyticCheck.relative(g, String.format(java.util.Locale.ROOT, "T_A %+.0f K, j = %.0e A/m^2",
                        dt, j), "WallClosedForms.sotDmiVelocity", "m/s", WallClosedForms.sotDmiVelocity(s, j),
                        steadySotVelocity(s, j, 20e-9), CC_TOL, since(t1)));
            }
        }
        return out;
    }

    /** At T_A (s_net = 0): v = (pi/2) Delta J_s / alphaS, linear in the current, no Walker limit. */
    public static List<AnalyticCheck> compensatedSotVelocity() {
        Ferrimagnet f = Presets.gdCo();
        MaterialState s = f.at(f.angularMomentumCompensation().getAsDouble());
        String g = "collective model: linear velocity at angular compensation (GdCo at T_A)";
        List<AnalyticCheck> out = new ArrayList<>();
        double v1 = Double.NaN;
        for (double j : new double[] {1e10, 1e11, 1e12, 1e13}) {
            long t1 = System.nanoTime();
            double v = steadySotVelocity(s, j, 5e-9);
            String name = String.format(java.util.Locale.ROOT, "j = %.0e A/m^2", j);
            out.add(AnalyticCheck.relative(g, name, "(pi/2) Delta J_s / alphaS", "m/s",
                    WallClosedForms.compensatedSotVelocity(s, j), v, CC_TOL, since(t1)));
            if (Double.isNaN(v1)) {
                v1 = v;
            } else {
                out.add(AnalyticCheck.relative(g, name + " (linearity)", "v(j) / v(1e10) = j / 1e10", "", j / 1e10,
                        v / v1, CC_TOL, 0));
            }
        }
        return out;
    }

    /**
     * At high current the velocity peaks at T_A (within 1 K), well apart from T_M, and is more than twice the
     * velocity 30 K above T_A.
     */
    public static List<AnalyticCheck> velocityPeakAtAngularCompensation() {
        List<AnalyticCheck> out = new ArrayList<>();
        out.addAll(peakSweep(Presets.gdCo(), 1e13));
        out.addAll(peakSweep(Presets.gdFeCo(), 5e12));
        return out;
    }

    private static List<AnalyticCheck> peakSweep(Ferrimagnet f, double j) {
        long t0 = System.nanoTime();
        double ta = f.angularMomentumCompensation().getAsDouble();
        double tm = f.magnetisationCompensation().getAsDouble();
        double bestT = 0;
        double bestV = -1;
        for (double t = Math.rint(ta) - 40; t <= Math.rint(ta) + 40; t += 0.5) {
            double v = steadySotVelocity(f.at(t), j, 10e-9);
            if (v > bestV) {
                bestV = v;
                bestT = t;
            }
        }
        double vOff = steadySotVelocity(f.at(ta + 30), j, 10e-9);
        double s = since(t0);
        String g = "collective model: velocity peak at T_A (temperature sweep, 0.5 K steps)";
        String c = String.format(java.util.Locale.ROOT, "%s, j = %.0e A/m^2", f.name(), j);
        return List.of(AnalyticCheck.absolute(g, c, "peak temperature = T_A", "K", ta, bestT, 1.0, s),
                AnalyticCheck.atLeast(g, c + ", distinct from T_M", "|T_peak - T_M|", "K", Math.abs(bestT - tm), 10, s),
                AnalyticCheck.atLeast(g, c + ", pronounced", "v_peak / v(T_A + 30 K)", "", bestV / vOff, 2, s));
    }

    /** Field drive of a ferromagnet: steady below the Walker field, precessional (lower mean velocity) above. */
    public static List<AnalyticCheck> collectiveWalkerBreakdown() {
        long t0 = System.nanoTime();
        MaterialState s = Presets.coFerromagnet().withDmi(0).at(300);
        double hw = s.walkerField();
        double hk = 2 * s.material().shapeAnisotropyKperp() / (MU0 * s.mNet());
        String g = "collective model: field drive and Walker breakdown (Pt/Co, D = 0)";
        List<AnalyticCheck> out = new ArrayList<>();
        out.add(AnalyticCheck.relative(g, "Walker field", "H_W = alpha H_K / 2", "A/m", 0.1 * hk / 2, hw, 1e-9,
                since(t0)));
        double vw = WallClosedForms.fieldVelocity(s, hw);
        for (double r : new double[] {0.2, 0.5, 0.9}) {
            long t1 = System.nanoTime();
            out.add(AnalyticCheck.relative(g, "H = " + r + " H_W", "v = Delta gamma0 H / alpha (steady)", "m/s",
                    WallClosedForms.fieldVelocity(s, r * hw), fieldDrivenMeanVelocity(s, r * hw), CC_TOL, since(t1)));
        }
        for (double r : new double[] {1.5, 3.0}) {
            long t1 = System.nanoTime();
            double v = fieldDrivenMeanVelocity(s, r * hw);
            double sec = since(t1);
            out.add(AnalyticCheck.relative(g, "H = " + r + " H_W", "mean precessional velocity", "m/s",
                    WallClosedForms.fieldMeanVelocity(s, r * hw), v, CC_TOL, sec));
            out.add(AnalyticCheck.atMost(g, "H = " + r + " H_W, breakdown", "v_mean / v(H_W)", "", v / vw, 0.7, sec));
        }
        return out;
    }

    /** Field-driven mean velocity of the collective model, over whole precession periods above H_W. */
    static double fieldDrivenMeanVelocity(MaterialState s, double h) {
        CollectiveCoordinateModel m = new CollectiveCoordinateModel(s, h, CurrentWaveform.constant(0),
                WallPotential.NONE);
        double duration = 200e-9;
        WallTrajectory tr = WallDynamicsSimulator.defaults().run(m, 0.0, 0.5 * Math.PI, 0.0, duration,
                duration / 20000);
        double[] span = precessionSpan(tr, 0.25 * duration);
        if (Double.isNaN(span[0]) || span[1] - span[0] < 0.2 * duration) {
            return tr.meanVelocity(0.5 * duration, duration); // steady (no precession)
        }
        return tr.meanVelocity(span[0], span[1]);
    }

    /**
     * First and last times after {@code after} at which phi crosses a multiple of pi (interpolated), or NaNs:
     * the mean velocity between them is over whole precession periods.
     */
    public static double[] precessionSpan(WallTrajectory tr, double after) {
        double[] t = tr.time();
        double[] phi = tr.angle();
        double first = Double.NaN;
        double last = Double.NaN;
        for (int k = 1; k < t.length; k++) {
            if (t[k] < after) {
                continue;
            }
            double a = Math.floor(phi[k - 1] / Math.PI);
            double b = Math.floor(phi[k] / Math.PI);
            if (a != b) {
                double target = Math.max(a, b) * Math.PI;
                double tc = t[k - 1] + (target - phi[k - 1]) / (phi[k] - phi[k - 1]) * (t[k] - t[k - 1]);
                first = Double.isNaN(first) ? tc : first;
                last = tc;
            }
        }
        return new double[] {first, last};
    }

    // ---- full 1D LLG against the closed forms and the collective model ----

    private static WallTrajectory llgFieldRun(MaterialState s, double h, double duration) {
        Mesh1D mesh = new Mesh1D(300, 1e-9, 1e-16);
        LlgEquation eq = FilmTrack.build(s, mesh, h, CurrentWaveform.constant(0), 0, 0, 0);
        double[] m = new double[mesh.stateLength()];
        WallProbe.setWall(mesh, m, 100e-9, s.wallWidth(), Math.PI / 2);
        return LlgWallRunner.run(eq, m, new DormandPrince45(1e-6, 1e-6, 1e-20, 1e-12, 1e-15), 0, duration,
                duration / 400, new double[0]);
    }

    /** Ferromagnetic Walker breakdown in the full LLG (damping 0.5, K_perp = 1e5 J/m^3). */
    public static List<AnalyticCheck> llgWalkerBreakdown() {
        MaterialState s = WALKER_CO.at(300);
        double hw = s.walkerField();
        double vw = WallClosedForms.fieldVelocity(s, hw);
        String g = "LLG: Walker breakdown (Co, alpha 0.5)";
        long t0 = System.nanoTime();
        WallTrajectory below = llgFieldRun(s, 0.5 * hw, 0.6e-9);
        double sb = since(t0);
        long t1 = System.nanoTime();
        WallTrajectory above = llgFieldRun(s, 2.0 * hw, 1.5e-9);
        double[] span = precessionSpan(above, above.finalTime() / 3);
        double vAbove = above.meanVelocity(span[0], span[1]);
        double sa = since(t1);
        return List.of(
                AnalyticCheck.relative(g, "H = 0.5 H_W", "v = Delta gamma0 H / alpha (steady)", "m/s",
                        WallClosedForms.fieldVelocity(s, 0.5 * hw), below.meanVelocity(0.3e-9, 0.6e-9), LLG_TOL, sb),
                AnalyticCheck.relative(g, "H = 2 H_W", "mean precessional velocity", "m/s",
                        WallClosedForms.fieldMeanVelocity(s, 2.0 * hw), vAbove, 0.10, sa),
                AnalyticCheck.atMost(g, "H = 2 H_W, breakdown", "v_mean / v(H_W)", "", vAbove / vw, 0.7, sa),
                AnalyticCheck.atLeast(g, "H = 2 H_W, precession", "|phi_end - pi/2|", "rad",
                        Math.abs(above.finalAngle() - Math.PI / 2), 2 * Math.PI, sa));
    }

    /** A 0.2 ns current pulse on Pt/Co: displacement during the pulse and after relaxation, LLG against CC. */
    public static List<AnalyticCheck> llgPulseDisplacement() {
        long t0 = System.nanoTime();
        MaterialState s = Presets.coFerromagnet().at(300);
        Mesh1D mesh = new Mesh1D(300, 1e-9, 1e-16);
        RectangularPulse pulse = new RectangularPulse(1e12, 0.05e-9, 0, 0.2e-9, 0);
        LlgEquation eq = FilmTrack.build(s, mesh, 0, pulse, 0, 0, 0);
        double[] m = new double[mesh.stateLength()];
        WallProbe.setWall(mesh, m, 100e-9, s.wallWidth(), 0);
        double end = 1.2e-9;
        WallTrajectory tr = LlgWallRunner.run(eq, m, new DormandPrince45(1e-6, 1e-6, 1e-20, 1e-12, 1e-15), 0,
                end, 0.07e-9, pulse.breakpoints());
        WallTrajectory cc = WallDynamicsSimulator.defaults().run(
                new CollectiveCoordinateModel(s, 0, pulse, WallPotential.NONE), 0, 0, 0, end, 1e-12);
        double sec = since(t0);
        String g = "LLG vs collective model: 0.2 ns pulse, 1e12 A/m^2 (Pt/Co)";
        return List.of(
                AnalyticCheck.relative(g, "displacement during the pulse", "collective model", "m",
                        cc.edgePosition()[1] - cc.edgePosition()[0], tr.edgePosition()[1] - tr.edgePosition()[0],
                        LLG_TOL, sec),
                AnalyticCheck.relative(g, "displacement after relaxation", "collective model", "m",
                        cc.finalPosition(), tr.finalPosition() - tr.position()[0], LLG_TOL, sec));
    }

    /** LLG wall velocity between t1 and t2 under a constant current (position from the m_z integral), m/s. */
    public static double llgSotVelocity(MaterialState s, double dx, int cells, double j, double t1, double t2) {
        Mesh1D mesh = new Mesh1D(cells, dx, 1e-16);
        LlgEquation eq = FilmTrack.build(s, mesh, 0, CurrentWaveform.constant(j), 0, 0, 0);
        double[] m = new double[mesh.stateLength()];
        WallProbe.setWall(mesh, m, 0.2 * mesh.length(), s.wallWidth(), 0.0);
        DormandPrince45 dp = new DormandPrince45(1e-6, 1e-6, 1e-20, 1e-12, 1e-15);
        dp.integrate(eq, 0, m, t1, StepObserver.NONE);
        double q1 = WallProbe.positionFromIntegral(mesh, m);
        dp.integrate(eq, t1, m, t2, StepObserver.NONE);
        double q2 = WallProbe.positionFromIntegral(mesh, m);
        return (q2 - q1) / (t2 - t1);
    }

    private static double ccSotVelocity(MaterialState s, double j, double t1, double t2) {
        WallTrajectory tr = WallDynamicsSimulator.defaults().run(
                new CollectiveCoordinateModel(s, 0, CurrentWaveform.constant(j), WallPotential.NONE), 0, 0, 0, t2,
                1e-12);
        return tr.meanVelocity(t1, t2);
    }

    /** Steady SOT + DMI velocity: full 1D LLG against the collective model (Pt/Co; GdCo above and at T_A). */
    public static List<AnalyticCheck> llgSteadyVelocity() {
        Ferrimagnet f = Presets.gdCo();
        double ta = f.angularMomentumCompensation().getAsDouble();
        return List.of(steady("Pt/Co, j = 1e12 A/m^2", Presets.coFerromagnet().at(300), 1e-9, 400, 0.3e-9, 0.8e-9),
                steady("GdCo T_A + 30 K, j = 1e12 A/m^2", f.at(ta + 30), 2e-9, 200, 0.4e-9, 1.2e-9),
                steady("GdCo at T_A, j = 1e12 A/m^2", f.at(ta), 2e-9, 200, 0.4e-9, 1.2e-9));
    }

    private static AnalyticCheck steady(String name, MaterialState s, double dx, int cells, double t1, double t2) {
        long t0 = System.nanoTime();
        double vLlg = llgSotVelocity(s, dx, cells, 1e12, t1, t2);
        double vCc = ccSotVelocity(s, 1e12, t1, t2);
        return AnalyticCheck.relative("LLG vs collective model: steady SOT + DMI velocity", name, "collective model",
                "m/s", vCc, vLlg, LLG_TOL, since(t0));
    }

    /**
     * No Walker breakdown at T_A: a field drives the wall through M_net != 0 and the velocity stays
     * Delta mu0 M_net H / alphaS, linear, far above the Walker field the same film has 30 K higher.
     */
    public static List<AnalyticCheck> compensatedFieldDrive() {
        Ferrimagnet f = Presets.gdCo();
        double ta = f.angularMomentumCompensation().getAsDouble();
        MaterialState s = f.at(ta);
        double hwAbove = f.at(ta + 30).walkerField();
        String g = "field drive at T_A: no Walker breakdown (GdCo)";
        List<AnalyticCheck> out = new ArrayList<>();
        for (double r : new double[] {0.5, 20}) {
            double h = r * hwAbove;
            long t0 = System.nanoTime();
            double expected = WallClosedForms.fieldVelocity(s, h);
            WallTrajectory cc = WallDynamicsSimulator.defaults().run(
                    new CollectiveCoordinateModel(s, h, CurrentWaveform.constant(0), WallPotential.NONE), 0,
                    Math.PI / 2, 0, 2e-9, 1e-12);
            double vCc = cc.meanVelocity(1e-9, 2e-9);
            double sc = since(t0);
            long t1 = System.nanoTime();
            Mesh1D mesh = new Mesh1D(200, 2e-9, 1e-16);
            LlgEquation eq = FilmTrack.build(s, mesh, h, CurrentWaveform.constant(0), 0, 0, 0);
            double[] m = new double[mesh.stateLength()];
            WallProbe.setWall(mesh, m, 100e-9, s.wallWidth(), Math.PI / 2);
            WallTrajectory llg = LlgWallRunner.run(eq, m, new DormandPrince45(1e-6, 1e-6, 1e-20, 1e-12, 1e-15), 0,
                    0.8e-9, 0.1e-9, new double[0]);
            double vLlg = llg.meanVelocity(0.4e-9, 0.8e-9);
            double sl = since(t1);
            String name = "H = " + r + " x H_W(T_A + 30 K)";
            out.add(AnalyticCheck.relative(g, name + ", collective model", "v = Delta mu0 M_net H / alphaS", "m/s",
                    expected, vCc, CC_TOL, sc));
            out.add(AnalyticCheck.relative(g, name + ", full LLG", "v = Delta mu0 M_net H / alphaS", "m/s",
                    expected, vLlg, LLG_TOL, sl));
        }
        return out;
    }
}
