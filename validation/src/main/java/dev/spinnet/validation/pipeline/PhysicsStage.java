package dev.spinnet.validation.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.spinnet.llg.material.Ferrimagnet;
import dev.spinnet.llg.material.Presets;
import dev.spinnet.llg.sweep.Axis;
import dev.spinnet.llg.sweep.SweepParameter;
import dev.spinnet.llg.sweep.SweepRunner;
import dev.spinnet.llg.sweep.SweepSettings;
import dev.spinnet.llg.sweep.SweepSpec;
import dev.spinnet.llg.validation.AnalyticCheck;
import dev.spinnet.llg.validation.AnalyticChecks;
import dev.spinnet.validation.report.Cell;
import dev.spinnet.validation.report.Charts;
import dev.spinnet.validation.report.Figure;
import dev.spinnet.validation.report.Section;
import dev.spinnet.validation.report.Table;

/**
 * Device physics: the solver's analytic checks ({@link AnalyticChecks}, the same code the unit tests run) and a
 * collective-model sweep of the ferrimagnet's wall velocity over temperature (SweepRunner, CSV kept in the run).
 */
public final class PhysicsStage {
    /** Currents of the temperature sweep, A/m^2. */
    static final double[] SWEEP_CURRENTS = {1e12, 5e12};
    /** Temperatures of the sweep: start, stop, count. */
    static final String SWEEP_TEMPERATURES = "250:370:61";

    /** @param sweepT temperatures, K; @param sweepV mean velocity over the pulse [current][temperature], m/s */
    public record Result(List<AnalyticCheck> checks, double[] sweepT, double[][] sweepV, double compensationT,
                         Path sweepCsv) {
        public long passed() {
            return checks.stream().filter(AnalyticCheck::passed).count();
        }
    }

    private PhysicsStage() {
    }

    public static Result run(Path dir, int threads, long seed) throws IOException {
        List<AnalyticCheck> checks = AnalyticChecks.all();
        Ferrimagnet gdco = Presets.gdCo();
        SweepSettings settings = new SweepSettings(0, 0, 0, 1e-9, 2e-6, 0.5e-6, 100e-9, 0, 100e-9, false, seed, 1e-11,
                1e-9, 1e-14);
        double[] temps = Axis.parseValues("temperature", SWEEP_TEMPERATURES);
        SweepSpec spec = SweepSpec.of("gdco", "cc", List.of(new Axis(SweepParameter.J, SWEEP_CURRENTS.clone()),
                new Axis(SweepParameter.TEMPERATURE, temps)), settings).validateRuns();
        Path sweepDir = dir.resolve("sweep");
        Files.createDirectories(sweepDir);
        SweepRunner.Outcome o = SweepRunner.run(spec, sweepDir, new SweepRunner.Options(threads, false, false, 0,
                null));
        double[][] v = readVelocities(o.csv(), SWEEP_CURRENTS.length, temps.length);
        return new Result(checks, temps, v, gdco.angularMomentumCompensation().getAsDouble(), o.csv());
    }

    /** Reads mean_velocity_m_per_s of a (current x temperature) sweep, last axis fastest. */
    static double[][] readVelocities(Path csv, int currents, int temps) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int col = header.indexOf("mean_velocity_m_per_s");
        if (col < 0 || lines.size() != 1 + currents * temps) {
            throw new IOException(csv + ": expected " + currents * temps + " rows with mean_velocity_m_per_s");
        }
        double[][] v = new double[currents][temps];
        for (int r = 0; r < currents * temps; r++) {
            v[r / temps][r % temps] = Double.parseDouble(lines.get(1 + r).split(",")[col]);
        }
        return v;
    }

    public static Section section(Result r) {
        Section s = new Section("physics", "Physics validation: analytic checks of the domain-wall solver");
        s.text(String.format(Locale.ROOT, "%d of %d checks pass. Each row is one comparison of llg-solver's collective"
                + " (q, phi) model or full 1D two-sublattice LLG with a closed form, a bound or the other model; the"
                + " unit tests of llg-solver assert exactly these checks (dev.spinnet.llg.validation.AnalyticChecks).",
                r.passed(), r.checks().size()));
        Table t = new Table("Analytic checks", "family", "case", "reference", "expected", "measured", "unit",
                "error kind", "error", "tolerance", "result");
        for (AnalyticCheck c : r.checks()) {
            t.row(Cell.text(c.group()), Cell.text(c.name()), Cell.text(c.reference()), Cell.number(c.expected(), "%.5g"),
                    Cell.number(c.measured(), "%.5g"), Cell.text(c.unit()), Cell.text(c.kind().label()),
                    Cell.number(c.error(), "%.3g"), Cell.number(c.tolerance(), "%.3g"),
                    Cell.text(c.passed() ? "pass" : "FAIL"));
        }
        s.table(t);
        List<Charts.Series> series = new ArrayList<>();
        for (int i = 0; i < r.sweepV().length; i++) {
            series.add(new Charts.Series(String.format(Locale.ROOT, "j = %.0e A/m^2", SWEEP_CURRENTS[i]), r.sweepT(),
                    r.sweepV()[i]));
        }
        s.figure(Figure.of("physics-velocity-vs-temperature.png", String.format(Locale.ROOT,
                "Sweep: GdCo wall velocity (mean over a 1 ns pulse, collective model) against temperature, %d runs;"
                        + " the line marks angular-momentum compensation T_A = %.1f K", r.sweepT().length
                        * r.sweepV().length, r.compensationT()),
                Charts.lines("GdCo domain wall: velocity vs temperature (sweep)", "temperature (K)",
                        "mean velocity over the pulse (m/s)", series, r.compensationT(), "T_A")));
        return s;
    }

    public static Map<String, Object> json(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("checks_passed", r.passed());
        m.put("checks_total", r.checks().size());
        List<Map<String, Object>> list = new ArrayList<>();
        for (AnalyticCheck c : r.checks()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("family", c.group());
            e.put("case", c.name());
            e.put("reference", c.reference());
            e.put("unit", c.unit());
            e.put("expected", finite(c.expected()));
            e.put("measured", finite(c.measured()));
            e.put("error_kind", c.kind().name().toLowerCase(Locale.ROOT));
            e.put("error", finite(c.error()));
            e.put("tolerance", c.tolerance());
            e.put("passed", c.passed());
            e.put("seconds", c.seconds());
            list.add(e);
        }
        m.put("checks", list);
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("material", "gdco");
        sweep.put("model", "collective");
        sweep.put("currents_A_per_m2", SWEEP_CURRENTS);
        sweep.put("temperatures_K", r.sweepT());
        sweep.put("mean_velocity_m_per_s", r.sweepV());
        sweep.put("angular_compensation_K", r.compensationT());
        sweep.put("csv", "physics/sweep/" + SweepRunner.CSV);
        m.put("sweep", sweep);
        return m;
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
