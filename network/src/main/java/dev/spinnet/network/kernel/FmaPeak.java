package dev.spinnet.network.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Measured FMA peak of this machine: the throughput of independent vector fused multiply-adds
 * held in registers, with the species the GEMM kernel uses, on one thread and on several.
 *
 * <p>Why measure instead of multiplying pipes x lanes x clock: the clock a VM reports is the
 * base clock, boost and AVX-512 licence clocks differ by vendor and load, and some cores split a
 * 512-bit FMA into two 256-bit halves. A register-only FMA loop reaches whatever the core can
 * actually issue, so "GEMM at X % of the measured peak" compares like with like on any machine.
 * Twelve accumulator chains cover an FMA latency of 4-6 cycles on two pipes.
 */
public final class FmaPeak {
    /** Independent accumulator chains in the loop. */
    static final int CHAINS = 12;
    private static final long ITERS_PER_CALL = 200_000;

    /** Measured GFLOP/s (2 FLOP per lane per FMA) on one thread and on {@code threads} threads. */
    public record Result(double gflopsOneThread, double gflopsAllThreads, int threads) {
        public double perCoreAllThreads() {
            return gflopsAllThreads / threads;
        }
    }

    private FmaPeak() {
    }

    /** The species measured, e.g. "512-bit x 16 float lanes". */
    public static String speciesName() {
        return Sgemm.S.vectorBitSize() + "-bit x " + Sgemm.L + " float lanes";
    }

    /** FLOPs one {@link #kernel} call performs. */
    static double flopsPerCall() {
        return 2.0 * CHAINS * Sgemm.L * ITERS_PER_CALL;
    }

    /**
     * The loop being timed. Multiplier and addend keep every accumulator near 1 (no overflow, no
     * denormals); the lane sum is returned so that C2 cannot drop the loop.
     */
    static float kernel(float seed) {
        FloatVector m = FloatVector.broadcast(Sgemm.S, 0.999_999f);
        FloatVector c = FloatVector.broadcast(Sgemm.S, 1e-6f);
        FloatVector a0 = FloatVector.broadcast(Sgemm.S, seed);
        FloatVector a1 = a0.add(1e-3f);
        FloatVector a2 = a0.add(2e-3f);
        FloatVector a3 = a0.add(3e-3f);
        FloatVector a4 = a0.add(4e-3f);
        FloatVector a5 = a0.add(5e-3f);
        FloatVector a6 = a0.add(6e-3f);
        FloatVector a7 = a0.add(7e-3f);
        FloatVector a8 = a0.add(8e-3f);
        FloatVector a9 = a0.add(9e-3f);
        FloatVector a10 = a0.add(10e-3f);
        FloatVector a11 = a0.add(11e-3f);
        for (long i = 0; i < ITERS_PER_CALL; i++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
        }
        FloatVector s = a0.add(a1).add(a2).add(a3).add(a4).add(a5)
                .add(a6).add(a7).add(a8).add(a9).add(a10).add(a11);
        return s.reduceLanes(VectorOperators.ADD);
    }

    /**
     * Measures one thread, then {@code threads} threads running the loop at once, each for about
     * {@code seconds} after a warm-up that lets C2 compile the loop. Best of three trials each.
     */
    public static Result measure(int threads, double seconds) {
        if (threads < 1 || !(seconds > 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("threads must be >= 1 and seconds finite and > 0");
        }
        spin(0.4, new float[1], 0);
        double one = 0;
        double all = 0;
        for (int trial = 0; trial < 3; trial++) {
            one = Math.max(one, timeThreads(1, seconds / 3));
            all = Math.max(all, threads == 1 ? one : timeThreads(threads, seconds / 3));
        }
        return new Result(one, all, threads);
    }

    private static double timeThreads(int threads, double seconds) {
        long[] calls = new long[threads];
        float[] sink = new float[threads];
        Thread[] workers = new Thread[threads - 1];
        long t0 = System.nanoTime();
        for (int t = 1; t < threads; t++) {
            final int id = t;
            workers[t - 1] = new Thread(() -> calls[id] = spin(seconds, sink, id), "fma-peak-" + t);
            workers[t - 1].start();
        }
        calls[0] = spin(seconds, sink, 0);
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring the FMA peak", e);
            }
        }
        double wall = (System.nanoTime() - t0) * 1e-9;
        long total = 0;
        for (long n : calls) {
            total += n;
        }
        if (Float.isNaN(sink[0])) {
            throw new IllegalStateException("FMA peak loop produced NaN");
        }
        return total * flopsPerCall() / wall / 1e9;
    }

    private static long spin(double seconds, float[] sink, int slot) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long n = 0;
        float acc = 0;
        do {
            acc += kernel(1f + n * 1e-9f);
            n++;
        } while (System.nanoTime() < end);
        sink[slot] = acc;
        return n;
    }
}
