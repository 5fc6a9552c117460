package dev.spinnet.network.kernel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed-size worker pool for the engine's data-parallel loops. Work is split into as many
 * contiguous ranges as there are threads, always the same way for the same thread count, so
 * reductions done per range and summed in range order are bit-for-bit reproducible.
 */
public final class Parallel {
    /** Work below this many elementary operations is not worth a hand-off to another core. */
    public static final long MIN_PARALLEL_WORK = 32_768;

    private static volatile int threads = defaultThreads();
    private static ExecutorService pool;

    /** The body of a parallel loop over {@code [from, to)}; {@code part} is 0..threads-1. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int part, int from, int to);
    }

    private Parallel() {
    }

    private static int defaultThreads() {
        String p = System.getProperty("spinnet.threads");
        if (p != null && !p.isBlank()) {
            return Math.max(1, Integer.parseInt(p.trim()));
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public static int threads() {
        return threads;
    }

    /** Sets the number of worker threads (1 = everything on the calling thread). */
    public static synchronized void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, got " + n);
        }
        if (n != threads && pool != null) {
            pool.shutdown();
            pool = null;
        }
        threads = n;
    }

    private static synchronized ExecutorService pool() {
        if (pool == null) {
            AtomicInteger id = new AtomicInteger();
            ThreadFactory tf = r -> {
                Thread t = new Thread(r, "spinnet-worker-" + id.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            pool = Executors.newFixedThreadPool(Math.max(1, threads - 1), tf);
        }
        return pool;
    }

    /** Number of parts {@link #forRange} splits {@code n} items into. */
    public static int parts(int n, long workPerItem) {
        int t = threads;
        if (t == 1 || n < 2 || (long) n * workPerItem < MIN_PARALLEL_WORK) {
            return 1;
        }
        return Math.min(t, n);
    }

    /**
     * Runs body over {@code [0, n)} split into {@link #parts(int, long)} contiguous ranges; the
     * calling thread runs part 0. Exceptions from any part are rethrown.
     */
    public static void forRange(int n, long workPerItem, RangeBody body) {
        int p = parts(n, workPerItem);
        if (p == 1) {
            body.run(0, 0, n);
            return;
        }
        @SuppressWarnings("unchecked")
        Future<?>[] futures = new Future<?>[p - 1];
        ExecutorService ex = pool();
        for (int i = 1; i < p; i++) {
            final int part = i;
            final int from = (int) ((long) n * i / p);
            final int to = (int) ((long) n * (i + 1) / p);
            futures[i - 1] = ex.submit(() -> body.run(part, from, to));
        }
        Throwable failure = null;
        try {
            body.run(0, 0, (int) ((long) n / p));
        } catch (Throwable t) {
            failure = t;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
