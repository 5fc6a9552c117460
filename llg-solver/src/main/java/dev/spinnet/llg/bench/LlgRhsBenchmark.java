package dev.spinnet.llg.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;

import dev.spinnet.llg.cc.CurrentWaveform;
import dev.spinnet.llg.material.Presets;
import dev.spinnet.llg.micromag.FilmTrack;
import dev.spinnet.llg.micromag.LlgEquation;
import dev.spinnet.llg.micromag.Mesh1D;
import dev.spinnet.llg.micromag.WallProbe;

/**
 * Throughput of the LLG right-hand side: cell evaluations per second, where one cell evaluation is the
 * effective field of every term plus the torque for one cell of both sublattices. Track: 1024 cells of
 * 1 nm, GdFeCo preset at 300 K, all terms on (exchange, inter-sublattice exchange, anisotropy, shape
 * anisotropy, DMI, Zeeman, SOT at 1e11 A/m^2, thermal field with noise drawn once). Three configurations:
 * <ul>
 * <li>1 thread: one track, one thread;</li>
 * <li>2 threads, split: one track, its RHS cut in halves (persistent spinning worker, {@code threads(2)});</li>
 * <li>2 runs: two independent tracks on two threads at once (how a sweep uses the cores), summed.</li>
 * </ul>
 * Each is measured {@code trials} times (interleaved, after a warm-up of half the measuring time) and the
 * median is reported. Other processes on a 2-core machine ruin two-thread figures, so every trial also records
 * the foreign CPU load (busy cores from /proc/stat minus this process's CPU time, over the trial's wall time);
 * when some trials ran with less than 0.15 foreign cores, only those enter the medians.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp ... dev.spinnet.llg.bench.LlgRhsBenchmark
 * [seconds per measurement, default 2] [trials, default 3]}.
 */
public final class LlgRhsBenchmark {
    private LlgRhsBenchmark() {
    }

    /**
     * Medians (cell evaluations per second) of the three configurations, the trials they are taken over and
     * the largest foreign load (cores busy with other processes) among those trials (NaN if unknown).
     */
    public record Report(int cells, double oneThread, double twoThreadsSplit, double twoRuns, int trialsUsed,
            double foreignLoad) {
        /** Two-core figure: the faster way of using both cores. */
        public double bothCores() {
            return Math.max(twoThreadsSplit, twoRuns);
        }

        public String bothCoresMode() {
            return twoRuns >= twoThreadsSplit ? "two independent runs" : "one run, RHS split over 2 threads";
        }
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Report r = measureAll(1024, seconds, trials, System.out);
        System.out.printf(Locale.ROOT, "llg_cells %d%n", r.cells());
        System.out.printf(Locale.ROOT, "llg_cell_evals_per_second_1thread %.4e%n", r.oneThread());
        System.out.printf(Locale.ROOT, "llg_cell_evals_per_second_2threads_split %.4e%n", r.twoThreadsSplit());
        System.out.printf(Locale.ROOT, "llg_cell_evals_per_second_2runs %.4e%n", r.twoRuns());
        System.out.printf(Locale.ROOT, "llg_cell_evals_per_second %.4e (%s)%n", r.bothCores(), r.bothCoresMode());
        System.out.printf(Locale.ROOT, "llg_trials_used %d (foreign load <= %.2f cores)%n", r.trialsUsed(),
                r.foreignLoad());
        System.out.printf(Locale.ROOT, "llg_system_load_average %.2f (cores %d)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** All three configurations, {@code trials} interleaved measurements each; logs every trial to {@code log}. */
    public static Report measureAll(int cells, double seconds, int trials, PrintStream log) {
        double[] one = new double[trials];
        double[] split = new double[trials];
        double[] runs = new double[trials];
        double[] foreign = new double[trials];
        for (int k = 0; k < trials; k++) {
            double[] c0 = cpu();
            one[k] = measure(cells, 1, seconds);
            split[k] = measure(cells, 2, seconds);
            runs[k] = measureIndependent(cells, 2, seconds);
            double[] c1 = cpu();
            foreign[k] = Math.max(0.0, ((c1[0] - c0[0]) - (c1[1] - c0[1])) / (c1[2] - c0[2]));
            if (log != null) {
                log.printf(Locale.ROOT, "trial %d: 1 thread %.3e, 2 threads split %.3e, 2 independent runs %.3e"
                        + " cell evals/s (foreign load %.2f cores)%n", k + 1, one[k], split[k], runs[k], foreign[k]);
            }
        }
        int quiet = 0;
        for (double f : foreign) {
            if (f < QUIET) {
                quiet++;
            }
        }
        if (quiet == 0 || Double.isNaN(foreign[0])) {
            double worst = Arrays.stream(foreign).max().orElse(Double.NaN);
            return new Report(cells, median(one), median(split), median(runs), trials, worst);
        }
        double[] o = new double[quiet];
        double[] sp = new double[quiet];
        double[] r = new double[quiet];
        double worst = 0;
        int q = 0;
        for (int k = 0; k < trials; k++) {
            if (foreign[k] < QUIET) {
                o[q] = one[k];
                sp[q] = split[k];
                r[q] = runs[k];
                worst = Math.max(worst, foreign[k]);
                q++;
            }
        }
        return new Report(cells, median(o), median(sp), median(r), quiet, worst);
    }

    /** Foreign load (cores) below which a trial counts as quiet. */
    static final double QUIET = 0.15;

    /** {busy CPU seconds of the whole machine, CPU seconds of this process, wall seconds}; NaN when unknown. */
    static double[] cpu() {
        double wall = System.nanoTime() * 1e-9;
        double busy = Double.NaN;
        double own = Double.NaN;
        try {
            String first = java.nio.file.Files.readAllLines(java.nio.file.Paths.get("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal: busy = all but idle and iowait (USER_HZ = 100)
            long b = 0;
            for (int k = 1; k < Math.min(f.length, 9); k++) {
                if (k != 4 && k != 5) {
                    b += Long.parseLong(f[k]);
                }
            }
            busy = b / 100.0;
            java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                own = sun.getProcessCpuTime() * 1e-9;
            }
        } catch (java.io.IOException | RuntimeException e) {
            busy = Double.NaN;
        }
        return new double[] {busy, own, wall};
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    static LlgEquation track(Mesh1D mesh) {
        return FilmTrack.build(Presets.gdFeCo().at(300), mesh, 1e3, CurrentWaveform.constant(1e11), 0.2, 300, 1L);
    }

    static double[] wall(Mesh1D mesh) {
        double[] y = new double[mesh.stateLength()];
        WallProbe.setWall(mesh, y, 0.5 * mesh.length(), 3.9e-9, 0.2);
        return y;
    }

    /** Cell evaluations per second of one track with the given RHS thread count (warm-up of seconds/2 first). */
    public static double measure(int cells, int threads, double seconds) {
        Mesh1D mesh = new Mesh1D(cells, 1e-9, 1e-9 * 5e-9);
        try (LlgEquation eq = track(mesh).threads(threads)) {
            double[] y = wall(mesh);
            double[] dy = new double[mesh.stateLength()];
            eq.beginStep(0, 1e-14);
            run(eq, y, dy, seconds * 0.5);
            long t0 = System.nanoTime();
            long evals = run(eq, y, dy, seconds);
            double elapsed = (System.nanoTime() - t0) * 1e-9;
            return evals * (double) cells / elapsed;
        }
    }

    /**
     * Summed cell evaluations per second of {@code copies} independent tracks, each evaluated by its own thread
     * (single-threaded RHS) at the same time.
     */
    public static double measureIndependent(int cells, int copies, double seconds) {
        Mesh1D mesh = new Mesh1D(cells, 1e-9, 1e-9 * 5e-9);
        CyclicBarrier start = new CyclicBarrier(copies);
        long[] evals = new long[copies];
        double[] elapsed = new double[copies];
        Thread[] workers = new Thread[copies];
        Throwable[] failure = new Throwable[1];
        for (int c = 0; c < copies; c++) {
            int id = c;
            workers[c] = new Thread(() -> {
                try (LlgEquation eq = track(mesh)) {
                    double[] y = wall(mesh);
                    double[] dy = new double[mesh.stateLength()];
                    eq.beginStep(0, 1e-14);
                    run(eq, y, dy, seconds * 0.5);
                    start.await();
                    long t0 = System.nanoTime();
                    evals[id] = run(eq, y, dy, seconds);
                    elapsed[id] = (System.nanoTime() - t0) * 1e-9;
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }, "llg-bench-" + c);
            workers[c].start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (failure[0] != null) {
            throw new IllegalStateException("benchmark thread failed", failure[0]);
        }
        double rate = 0;
        for (int c = 0; c < copies; c++) {
            rate += evals[c] * (double) cells / elapsed[c];
        }
        return rate;
    }

    private static long run(LlgEquation eq, double[] y, double[] dy, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long evals = 0;
        double sink = 0;
        while (System.nanoTime() < end) {
            for (int r = 0; r < 64; r++) {
                eq.derivatives(1e-12 * r, y, dy);
                sink += dy[r];
            }
            evals += 64;
        }
        if (sink == 42.0) {
            System.out.print("");
        }
        return evals;
    }
}
