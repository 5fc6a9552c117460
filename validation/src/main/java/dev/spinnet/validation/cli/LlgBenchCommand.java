package dev.spinnet.validation.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.spinnet.llg.bench.LlgRhsBenchmark;
import dev.spinnet.llg.sweep.Axis;
import dev.spinnet.llg.sweep.SweepParameter;
import dev.spinnet.llg.sweep.SweepRunner;
import dev.spinnet.llg.sweep.SweepSettings;
import dev.spinnet.llg.sweep.SweepSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spinnet bench-llg}: speed of the domain-wall solvers, {@code cc_sweep_100_runs_seconds} (a 100-run
 * collective-model sweep, timed first so that it runs in a fresh JVM as a user's sweep would) and
 * {@code llg_cell_evals_per_second} (LLG right-hand side, 1024 cells, both cores).
 */
@Command(name = "bench-llg", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Domain-wall solver speed:",
                "cc_sweep_100_runs_seconds: GdCo, collective model, j = 1e11..1e12 A/m^2 (10) x T = 280..340 K (10),",
                "  1 ns pulses + 1 ns relaxation, all cores, written to a temporary directory (wall clock of",
                "  SweepRunner.run, JIT warm-up included, JVM start excluded);",
                "llg_cell_evals_per_second: full LLG right-hand side (all terms, both sublattices) on a 1024-cell",
                "  track, median of --trials; measured on 1 thread, on 2 threads splitting one track, and as 2",
                "  independent tracks on 2 threads; the recorded both-core figure is the faster of the last two.",
                "  Trials during which other processes used >= 0.15 cores (from /proc/stat) are left out."})
public final class LlgBenchCommand implements Callable<Integer> {
    @Option(names = "--what", defaultValue = "all", description = "rhs, sweep or all (default: ${DEFAULT-VALUE})")
    String what;

    @Option(names = "--seconds", defaultValue = "2", description = "timed seconds per RHS measurement (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--trials", defaultValue = "3", description = "RHS measurements per configuration (default: ${DEFAULT-VALUE})")
    int trials;

    @Option(names = "--cells", defaultValue = "1024", description = "track cells of the RHS benchmark (default: ${DEFAULT-VALUE})")
    int cells;

    @Option(names = "--threads", description = "sweep threads (default: all cores)")
    Integer threads;

    @Option(names = "--record", description = "merge the figures into benchmarks/results.json")
    boolean record;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec cmdSpec;

    /** The benchmark sweep: 10 currents x 10 temperatures on GdCo, 1 ns pulses. */
    static SweepSpec benchmarkSweep() {
        return new SweepSpec("gdco", SweepSpec.Model.CC, List.of(
                new Axis(SweepParameter.J, Axis.parseValues("j", "1e11:1e12:10")),
                new Axis(SweepParameter.TEMPERATURE, Axis.parseValues("temperature", "280:340:10")),
                new Axis(SweepParameter.PULSE_WIDTH, new double[] {1e-9})), SweepSettings.defaults());
    }

    @Override
    public Integer call() throws Exception {
        if (!List.of("rhs", "sweep", "all").contains(what)) {
            throw new IllegalArgumentException("--what must be rhs, sweep or all, got '" + what + "'");
        }
        if (!(seconds > 0) || !Double.isFinite(seconds) || trials < 1 || cells < 16) {
            throw new IllegalArgumentException("--seconds must be > 0, --trials >= 1, --cells >= 16");
        }
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (nThreads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + nThreads);
        }
        if (record && cells != 1024 && !what.equals("sweep")) {
            throw new IllegalArgumentException("--record needs --cells 1024 (the figure is defined on 1024 cells)");
        }
        PrintWriter out = cmdSpec.commandLine().getOut();
        out.println("machine: " + CliSupport.machine());
        out.flush();
        Map<String, Double> figs = new LinkedHashMap<>();
        if (!what.equals("rhs")) {
            SweepSpec spec = benchmarkSweep();
            Path dir = Files.createTempDirectory("spinnet-bench-sweep");
            try {
                SweepRunner.Outcome o = SweepRunner.run(spec, dir.resolve("sweep"),
                        new SweepRunner.Options(nThreads, false, false, 0, null));
                if (o.failed() > 0 || !o.complete()) {
                    throw new IllegalStateException("benchmark sweep: " + o.failed() + " runs failed");
                }
                out.printf(Locale.ROOT, "cc sweep: %d runs (GdCo, j 1e11..1e12 x T 280..340 K, 1 ns pulses) on %d"
                        + " threads: %.3f s (%.1f ms per run per thread)%n", o.runs(), nThreads, o.seconds(),
                        1e3 * o.seconds() * nThreads / o.runs());
                figs.put("cc_sweep_100_runs_seconds", o.seconds());
            } finally {
                deleteTree(dir);
            }
        }
        if (!what.equals("sweep")) {
            LlgRhsBenchmark.Report r = LlgRhsBenchmark.measureAll(cells, seconds, trials, System.out);
            out.printf(Locale.ROOT, "LLG RHS, %d cells, median of %d x %.1f s: 1 thread %.3e, 2 threads (one track"
                    + " split) %.3e, 2 independent tracks %.3e cell evals/s%n", cells, r.trialsUsed(), seconds,
                    r.oneThread(), r.twoThreadsSplit(), r.twoRuns());
            out.printf(Locale.ROOT, "llg_cell_evals_per_second %.4e (both cores: %s; goal >= 5e7)%n", r.bothCores(),
                    r.bothCoresMode());
            out.printf(Locale.ROOT, "medians over %d of %d trials, foreign CPU load <= %.2f cores%n", r.trialsUsed(),
                    trials, r.foreignLoad());
            if (record && !(r.foreignLoad() < 0.15)) {
                out.flush();
                throw new IllegalArgumentException("other processes kept the cores busy in every trial (foreign load "
                        + String.format(Locale.ROOT, "%.2f", r.foreignLoad()) + " cores): not recorded, rerun on an idle"
                        + " machine");
            }
            figs.put("llg_cell_evals_per_second", r.bothCores());
            figs.put("llg_cell_evals_per_second_1thread", r.oneThread());
            figs.put("llg_cell_evals_per_second_2threads_split", r.twoThreadsSplit());
            figs.put("llg_cell_evals_per_second_2runs", r.twoRuns());
        }
        out.flush();
        if (record) {
            ResultsFile.merge(ResultsFile.defaultPath(), figs, "./spinnet bench-llg --what " + what
                    + " --seconds " + seconds + " --trials " + trials + " --cells " + cells
                    + (threads != null ? " --threads " + threads : "") + " --record");
            out.println("recorded in " + ResultsFile.defaultPath());
        }
        return 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
