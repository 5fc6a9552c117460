package dev.spinnet.devicefit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * A fixed pool for independent device simulations. Results come back in index order and every run derives
 * its randomness from (seed, index) alone, so the output does not depend on the thread count or on
 * scheduling.
 */
public final class RunPool implements AutoCloseable {
    private final ExecutorService pool;
    private final int threads;

    public RunPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "device-fit");
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    /** f(0..n-1), evaluated in parallel, returned in index order. */
    public <T> List<T> map(int n, IntFunction<T> f) {
        List<Future<T>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> f.apply(k)));
        }
        List<T> out = new ArrayList<>(n);
        try {
            for (Future<T> fu : futures) {
                out.add(fu.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        }
        return out;
    }

    /** Seed of run {@code index} of a stream named {@code stream}: independent streams per purpose. */
    public static long seed(long seed, int stream, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
