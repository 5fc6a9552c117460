package dev.spinnet.llg.bench;

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
 * anisotropy, DMI, Zeeman, SOT at 1e11 A/m^2, thermal field with noise drawn once). Measured with one
 * thread and with two (track split into halves).
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp ... dev.spinnet.llg.bench.LlgRhsBenchmark
 * [seconds per measurement, default 2]}. Prints {@code llg_cell_evals_per_second <value>} (one thread)
 * and {@code llg_cell_evals_per_second_2threads <value>}.
 */
public final class LlgRhsBenchmark {
    private LlgRhsBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        int cells = 1024;
        double one = measure(cells, 1, seconds);
        double two = measure(cells, 2, seconds);
        System.out.printf("llg_cells %d%n", cells);
        System.out.printf("llg_cell_evals_per_second %.4e%n", one);
        System.out.printf("llg_cell_evals_per_second_2threads %.4e%n", two);
        System.out.printf("llg_two_thread_speedup %.3f%n", two / one);
        // two-thread figures are meaningless on an oversubscribed machine: report the load seen
        System.out.printf("llg_system_load_average %.2f (cores %d)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** Cell evaluations per second with the given thread count (warm-up of seconds/2 first). */
    public static double measure(int cells, int threads, double seconds) {
        Mesh1D mesh = new Mesh1D(cells, 1e-9, 1e-9 * 5e-9);
        try (LlgEquation eq = FilmTrack.build(Presets.gdFeCo().at(300), mesh, 1e3, CurrentWaveform.constant(1e11),
                0.2, 300, 1L).threads(threads)) {
            double[] y = new double[mesh.stateLength()];
            double[] dy = new double[mesh.stateLength()];
            WallProbe.setWall(mesh, y, 0.5 * mesh.length(), 3.9e-9, 0.2);
            eq.beginStep(0, 1e-14);
            run(eq, y, dy, seconds * 0.5);
            long t0 = System.nanoTime();
            long evals = run(eq, y, dy, seconds);
            double elapsed = (System.nanoTime() - t0) * 1e-9;
            return evals * (double) cells / elapsed;
        }
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
