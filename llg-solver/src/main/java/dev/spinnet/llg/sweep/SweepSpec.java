package dev.spinnet.llg.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.spinnet.llg.material.Ferrimagnet;
import dev.spinnet.llg.material.MaterialState;
import dev.spinnet.llg.material.Presets;

/**
 * Immutable description of a sweep: material preset, model, axes and shared settings. Runs are the cartesian
 * product of the axes, numbered 0 .. {@link #runCount()} - 1 with the last axis varying fastest (nested loops
 * in axis order). The drive parameters j, pulse_width and temperature are always axes: the ones not given
 * are appended with one default value each, so that every CSV has their columns.
 *
 * @param material preset name (see {@link Presets#names()})
 * @param model    "cc" (collective coordinates, Hipparchus DP853) or "llg" (1D two-sublattice LLG)
 */
public record SweepSpec(String material, Model model, List<Axis> axes, SweepSettings settings) {

    /** Largest number of runs of one sweep. */
    public static final int MAX_RUNS = 1_000_000;

    /** Simulation model of a sweep. */
    public enum Model {
        CC, LLG;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Model parse(String s) {
            return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
                case "cc", "collective" -> CC;
                case "llg" -> LLG;
                default -> throw new IllegalArgumentException("model must be cc or llg, got '" + s + "'");
            };
        }
    }

    public SweepSpec {
        if (material == null) {
            throw new IllegalArgumentException("material must be given");
        }
        Presets.byName(material); // throws for an unknown name
        material = material.trim().toLowerCase(Locale.ROOT);
        if (model == null || settings == null || axes == null) {
            throw new IllegalArgumentException("model, axes and settings must be given");
        }
        EnumSet<SweepParameter> seen = EnumSet.noneOf(SweepParameter.class);
        List<Axis> all = new ArrayList<>();
        for (Axis a : axes) {
            if (a == null) {
                throw new IllegalArgumentException("axis must not be null");
            }
            if (!seen.add(a.parameter())) {
                throw new IllegalArgumentException("parameter " + a.parameter().key() + " is given twice");
            }
            all.add(a);
        }
        if (seen.contains(SweepParameter.DAMPING)
                && (seen.contains(SweepParameter.ALPHA_TM) || seen.contains(SweepParameter.ALPHA_RE))) {
            throw new IllegalArgumentException("damping sets both sublattices: do not combine it with alpha_tm/alpha_re");
        }
        addDefault(all, seen, SweepParameter.J, SweepSettings.DEFAULT_J);
        addDefault(all, seen, SweepParameter.PULSE_WIDTH, SweepSettings.DEFAULT_PULSE_WIDTH);
        addDefault(all, seen, SweepParameter.TEMPERATURE, SweepSettings.DEFAULT_TEMPERATURE);
        axes = List.copyOf(all);
        long n = 1;
        for (Axis a : axes) {
            n *= a.size();
            if (n > MAX_RUNS) {
                throw new IllegalArgumentException("sweep has more than " + MAX_RUNS + " runs");
            }
        }
        if (model == Model.CC && settings.thermal()) {
            throw new IllegalArgumentException("the thermal field needs --model llg (the collective model is deterministic)");
        }
        if (model == Model.LLG && settings.pinningBarrier() > 0) {
            throw new IllegalArgumentException("pinning is only implemented in the collective model (--model cc)");
        }
        if (model == Model.LLG) {
            double cells = settings.trackLength() / settings.cellSize();
            if (cells < 16 || cells > (1 << 22)) {
                throw new IllegalArgumentException("LLG track needs 16 .. 4194304 cells, got track length / cell size = "
                        + cells);
            }
        }
    }

    private static void addDefault(List<Axis> all, EnumSet<SweepParameter> seen, SweepParameter p, double v) {
        if (!seen.contains(p)) {
            all.add(new Axis(p, new double[] {v}));
            seen.add(p);
        }
    }

    /** Spec with a validated preset name, model name, axes and settings. */
    public static SweepSpec of(String material, String model, List<Axis> axes, SweepSettings settings) {
        return new SweepSpec(material, Model.parse(model), axes, settings);
    }

    /**
     * Checks that every run can be set up (e.g. that some magnetic moment is left at each temperature of
     * each film variant); throws a one-line error naming the first bad run. Cost ~1 us per run.
     */
    public SweepSpec validateRuns() {
        int n = runCount();
        for (int r = 0; r < n; r++) {
            MaterialState s;
            try {
                s = material(r).at(value(r, SweepParameter.TEMPERATURE));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("run " + r + " (" + describe(r) + "): " + e.getMessage());
            }
            if (!(s.alphaS() > 0) || !(s.mSum() > 0)) {
                throw new IllegalArgumentException("run " + r + " (" + describe(r) + "): no magnetic moment left at "
                        + s.temperature() + " K");
            }
        }
        return this;
    }

    public int runCount() {
        int n = 1;
        for (Axis a : axes) {
            n *= a.size();
        }
        return n;
    }

    /** Value index on each axis of a run (last axis fastest). */
    public int[] indices(int run) {
        if (run < 0 || run >= runCount()) {
            throw new IllegalArgumentException("run index must be in [0, " + runCount() + "), got " + run);
        }
        int[] idx = new int[axes.size()];
        int rest = run;
        for (int a = axes.size() - 1; a >= 0; a--) {
            int size = axes.get(a).size();
            idx[a] = rest % size;
            rest /= size;
        }
        return idx;
    }

    /** The axis values of a run, in axis order (the CSV's parameter columns). */
    public double[] point(int run) {
        int[] idx = indices(run);
        double[] v = new double[idx.length];
        for (int a = 0; a < idx.length; a++) {
            v[a] = axes.get(a).value(idx[a]);
        }
        return v;
    }

    /** All parameter values of a run. */
    public Map<SweepParameter, Double> values(int run) {
        double[] p = point(run);
        Map<SweepParameter, Double> m = new EnumMap<>(SweepParameter.class);
        for (int a = 0; a < p.length; a++) {
            m.put(axes.get(a).parameter(), p[a]);
        }
        return m;
    }

    /** Value of a parameter in a run, or {@code fallback} when no axis sets it (only H_z and the material ones). */
    public double value(int run, SweepParameter p, double fallback) {
        Double v = values(run).get(p);
        return v != null ? v : fallback;
    }

    /** Value of a parameter that is always an axis (j, pulse_width, temperature). */
    public double value(int run, SweepParameter p) {
        Double v = values(run).get(p);
        if (v == null) {
            throw new IllegalArgumentException(p.key() + " is not an axis of this sweep");
        }
        return v;
    }

    /** The preset with this run's material overrides. */
    public Ferrimagnet material(int run) {
        Ferrimagnet f = Presets.byName(material);
        double[] p = point(run);
        for (int a = 0; a < p.length; a++) {
            f = axes.get(a).parameter().apply(f, p[a]);
        }
        return f;
    }

    /** Parameter column names in axis order. */
    public List<String> parameterColumns() {
        List<String> c = new ArrayList<>();
        for (Axis a : axes) {
            c.add(a.parameter().column());
        }
        return c;
    }

    /** "j=1e11, temperature=300" for messages. */
    public String describe(int run) {
        double[] p = point(run);
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < p.length; a++) {
            sb.append(a == 0 ? "" : ", ").append(axes.get(a).parameter().key()).append('=').append(p[a]);
        }
        return sb.toString();
    }

    /**
     * Text of everything that determines the results, one key=value per line (written to sweep-spec.txt).
     * Equal specs give equal texts and identical CSV rows.
     */
    public String canonical() {
        return text(false);
    }

    private String text(boolean exact) {
        java.util.function.DoubleFunction<String> f = exact ? v -> Double.toHexString(v) : v -> Double.toString(v);
        StringBuilder sb = new StringBuilder();
        sb.append("format=spinnet-sweep-1\n");
        sb.append("material=").append(material).append('\n');
        sb.append("model=").append(model.key()).append('\n');
        for (Axis a : axes) {
            sb.append("axis.").append(a.parameter().key()).append('=');
            double[] v = a.values();
            for (int k = 0; k < v.length; k++) {
                sb.append(k == 0 ? "" : ",").append(f.apply(v[k]));
            }
            sb.append('\n');
        }
        SweepSettings s = settings;
        sb.append("rise_time_s=").append(f.apply(s.riseTime())).append('\n');
        sb.append("fall_time_s=").append(f.apply(s.fallTime())).append('\n');
        sb.append("pulse_delay_s=").append(f.apply(s.pulseDelay())).append('\n');
        sb.append("relax_time_s=").append(f.apply(s.relaxTime())).append('\n');
        sb.append("track_length_m=").append(f.apply(s.trackLength())).append('\n');
        sb.append("wall_start_m=").append(f.apply(s.wallStart())).append('\n');
        sb.append("track_width_m=").append(f.apply(s.trackWidth())).append('\n');
        sb.append("pinning_barrier_J_per_m2=").append(f.apply(s.pinningBarrier())).append('\n');
        sb.append("pinning_period_m=").append(f.apply(s.pinningPeriod())).append('\n');
        sb.append("thermal=").append(s.thermal()).append('\n');
        sb.append("seed=").append(s.seed()).append('\n');
        sb.append("sample_interval_s=").append(f.apply(s.sampleInterval())).append('\n');
        sb.append("cell_size_m=").append(f.apply(s.cellSize())).append('\n');
        sb.append("thermal_step_s=").append(f.apply(s.thermalStep())).append('\n');
        return sb.toString();
    }

    /**
     * First 16 hex digits of the SHA-256 of the spec text with every double in exact hexadecimal form (so the
     * hash does not depend on how a JDK prints decimals).
     */
    public String hash() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text(true).getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 8; k++) {
                sb.append(String.format(Locale.ROOT, "%02x", d[k]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
