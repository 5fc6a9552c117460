package dev.spinnet.validation.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.spinnet.llg.sweep.Axis;
import dev.spinnet.llg.sweep.SweepListener;
import dev.spinnet.llg.sweep.SweepParameter;
import dev.spinnet.llg.sweep.SweepRunner;
import dev.spinnet.llg.sweep.SweepSettings;
import dev.spinnet.llg.sweep.SweepSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spinnet sweep}: parameter grids of domain-wall runs, in parallel, as a tidy CSV. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a grid of domain-wall simulations (cartesian product of the axes) on all cores and write",
                "DIR/results.csv: one row per run in run order (identical for any --threads), units in the headers:",
                "run, the axis columns (j_A_per_m2, pulse_width_s, temperature_K, ...), q_final_m, displacement_m,",
                "mean_velocity_m_per_s (over the pulse), peak_velocity_m_per_s, phi_final_rad, in_track (1/0),",
                "t_end_s, status (ok/failed). Also DIR/sweep-spec.txt, DIR/timing.csv and, with --traces,",
                "DIR/traces/run-NNNNNN.csv. Axis values: comma lists (1e-9,2e-9) or ranges start:stop:count",
                "(inclusive; start:stop:count:log for geometric spacing).",
                "Example: spinnet sweep --material gdco --model cc --j 1e11:1e12:10 --pulse-width 1e-9,2e-9"
                        + " --temperature 280:340:7 --out runs/sweep1"})
public final class SweepCommand implements Callable<Integer> {
    @Option(names = "--material", required = true, paramLabel = "NAME", description = "material preset: gdco, gdfeco or co")
    String material;

    @Option(names = "--model", defaultValue = "cc", paramLabel = "cc|llg",
            description = "cc: collective coordinates (fast); llg: full 1D two-sublattice LLG (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--j", paramLabel = "VALUES", description = "current density axis, A/m^2 (default 5e11)")
    String current;

    @Option(names = "--pulse-width", paramLabel = "VALUES", description = "pulse plateau axis, s (default 1e-9)")
    String pulseWidth;

    @Option(names = "--temperature", paramLabel = "VALUES", description = "temperature axis, K (default 300)")
    String temperature;

    @Option(names = "--param", paramLabel = "NAME=VALUES",
            description = {"further axis, repeatable: hz (A/m), damping, alpha_tm, alpha_re, D (J/m^2),",
                    "K_perp (J/m^3), K_u (J/m^3), A (J/m), B_ex (J/m^3), theta_SH, t_F (m); e.g. damping=0.01,0.02"})
    List<String> params = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "parallel runs (default: all cores)")
    Integer threads;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the LLG thermal field (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--traces", description = "also write each run's time trace to DIR/traces/")
    boolean traces;

    @Option(names = "--resume", description = "continue an interrupted sweep in DIR (same spec): finished rows are kept")
    boolean resume;

    @Option(names = "--limit", paramLabel = "N", description = "compute at most N new runs, then stop (resume later)")
    Integer limit;

    @Option(names = "--no-progress", description = "no progress bar on stderr")
    boolean noProgress;

    @Option(names = "--rise", defaultValue = "0", paramLabel = "S", description = "pulse rise time, s (default: ${DEFAULT-VALUE})")
    double rise;

    @Option(names = "--fall", defaultValue = "0", paramLabel = "S", description = "pulse fall time, s (default: ${DEFAULT-VALUE})")
    double fall;

    @Option(names = "--delay", defaultValue = "0", paramLabel = "S", description = "time before the pulse, s (default: ${DEFAULT-VALUE})")
    double delay;

    @Option(names = "--relax", defaultValue = "1e-9", paramLabel = "S", description = "time simulated after the pulse, s (default: ${DEFAULT-VALUE})")
    double relax;

    @Option(names = "--track-length", defaultValue = "2e-6", paramLabel = "M", description = "track length, m (default: ${DEFAULT-VALUE})")
    double trackLength;

    @Option(names = "--wall-start", defaultValue = "0.5e-6", paramLabel = "M", description = "initial wall position, m (default: ${DEFAULT-VALUE})")
    double wallStart;

    @Option(names = "--track-width", defaultValue = "100e-9", paramLabel = "M", description = "track width, m (LLG thermal cell volume; default: ${DEFAULT-VALUE})")
    double trackWidth;

    @Option(names = "--pinning-barrier", defaultValue = "0", paramLabel = "J/M2", description = "periodic pinning barrier U0, J/m^2 (cc only; default: none)")
    double pinningBarrier;

    @Option(names = "--pinning-period", defaultValue = "100e-9", paramLabel = "M", description = "pinning period, m (default: ${DEFAULT-VALUE})")
    double pinningPeriod;

    @Option(names = "--thermal", description = "thermal field at the run's temperature (llg only; stochastic Heun)")
    boolean thermal;

    @Option(names = "--sample-interval", defaultValue = "1e-11", paramLabel = "S", description = "trajectory sampling, s (default: ${DEFAULT-VALUE})")
    double sampleInterval;

    @Option(names = "--cell-size", defaultValue = "1e-9", paramLabel = "M", description = "LLG cell size, m (default: ${DEFAULT-VALUE})")
    double cellSize;

    @Option(names = "--thermal-step", defaultValue = "1e-14", paramLabel = "S", description = "LLG thermal time step, s (default: ${DEFAULT-VALUE})")
    double thermalStep;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec cmdSpec;

    /** Builds and validates the spec from the options (no file is touched). */
    SweepSpec spec() {
        List<Axis> axes = new ArrayList<>();
        if (current != null) {
            axes.add(new Axis(SweepParameter.J, Axis.parseValues("--j", current)));
        }
        if (pulseWidth != null) {
            axes.add(new Axis(SweepParameter.PULSE_WIDTH, Axis.parseValues("--pulse-width", pulseWidth)));
        }
        if (temperature != null) {
            axes.add(new Axis(SweepParameter.TEMPERATURE, Axis.parseValues("--temperature", temperature)));
        }
        for (String p : params) {
            axes.add(Axis.parseAssignment(p));
        }
        SweepSettings settings = new SweepSettings(rise, fall, delay, relax, trackLength, wallStart, trackWidth,
                pinningBarrier, pinningPeriod, thermal, seed, sampleInterval, cellSize, thermalStep);
        return SweepSpec.of(material, model, axes, settings).validateRuns();
    }

    @Override
    public Integer call() throws Exception {
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (nThreads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + nThreads);
        }
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit must be >= 1, got " + limit);
        }
        SweepSpec spec = spec();
        SweepRunner.checkDirectory(spec, out, resume);
        PrintWriter stdout = cmdSpec.commandLine().getOut();
        PrintWriter stderr = cmdSpec.commandLine().getErr();
        stdout.printf(Locale.ROOT, "sweep: %d runs, model %s, material %s, axes %s, spec hash %s, %d threads -> %s%n",
                spec.runCount(), spec.model().key(), spec.material(), String.join(" x ", axisSummary(spec)), spec.hash(),
                nThreads, out);
        stdout.flush();
        ProgressBar bar = new ProgressBar(stderr, "sweep", !noProgress);
        String[] firstFailure = {null};
        SweepListener listener = new SweepListener() {
            @Override
            public void started(int total, int kept, int toCompute) {
                if (kept > 0) {
                    bar.message(String.format(Locale.ROOT, "sweep: resuming, %d of %d rows kept, %d to compute", kept,
                            total, toCompute));
                }
                bar.start(total, kept);
            }

            @Override
            public void progress(int done, int total) {
                bar.update(done);
            }

            @Override
            public void failed(int run, String description, String message) {
                bar.message("sweep: warning: run " + run + " (" + description + ") failed: " + message);
                if (firstFailure[0] == null) {
                    firstFailure[0] = "run " + run + ": " + message;
                }
            }

            @Override
            public void finished() {
                bar.finish();
            }
        };
        SweepRunner.Outcome o = SweepRunner.run(spec, out, new SweepRunner.Options(nThreads, traces, resume,
                limit == null ? 0 : limit, listener));
        stdout.printf(Locale.ROOT, "wrote %s: %d of %d rows (%d kept, %d computed, %d failed) in %.2f s%n", o.csv(),
                o.kept() + o.computed(), o.runs(), o.kept(), o.computed(), o.failed(), o.seconds());
        if (!o.complete()) {
            stdout.println("stopped after --limit; run the same command with --resume to continue");
        }
        stdout.flush();
        if (o.failed() > 0) {
            // The rows are written (status "failed") so that the grid stays complete, but a solver failure
            // must not look like success to a script: exit 2 with the first reason.
            throw new IllegalStateException(o.failed() + " of " + o.computed() + " computed runs failed (first: "
                    + firstFailure[0] + "); their rows in " + o.csv() + " have status 'failed'");
        }
        return 0;
    }

    private static List<String> axisSummary(SweepSpec spec) {
        List<String> s = new ArrayList<>();
        for (Axis a : spec.axes()) {
            s.add(a.parameter().key() + "[" + a.size() + "]");
        }
        return s;
    }
}
