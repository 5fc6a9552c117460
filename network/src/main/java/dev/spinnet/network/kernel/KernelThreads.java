package dev.spinnet.network.kernel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Small shared pool for kernel-level parallelism (e.g. {@link Sgemm#gemmParallel}).
 *
 * <p>Fixed size, daemon threads (never keeps the JVM alive), created lazily on first use. The
 * size is {@code -Dspinnet.threads=N} if set, otherwise {@link Runtime#availableProcessors()}.
 * Callers run one part themselves and hand the rest to the pool, so {@code size()} workers give
 * {@code size() + 1} parts at most; work submitted from a worker runs inline instead, which
 * rules out the nested-wait deadlock of a fixed pool.
 */
public final class KernelThreads {
    private KernelThreads() {
    }

    private static final ThreadLocal<Boolean> WORKER = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private static final class Holder {
        static final int SIZE = configuredSize();
        static final ExecutorService POOL = Executors.newFixedThreadPool(SIZE, new java.util.concurrent.ThreadFactory() {
            private final AtomicInteger next = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(() -> {
                    WORKER.set(Boolean.TRUE);
                    r.run();
                }, "spinnet-kernel-" + next.getAndIncrement());
                t.setDaemon(true);
                return t;
            }
        });
    }

    static int configuredSize() {
        String prop = System.getProperty("spinnet.threads");
        if (prop != null) {
            try {
                return Math.max(1, Integer.parseInt(prop.trim()));
            } catch (NumberFormatException e) {
                // fall through to the hardware default
            }
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Number of pool threads. */
    public static int size() {
        return Holder.SIZE;
    }

    /** True on a pool thread: nested parallel calls should then run serially. */
    public static boolean isWorker() {
        return WORKER.get();
    }

    /**
     * Runs {@code tasks[0..count)} to completion: all but the last on the pool, the last on the
     * calling thread. The first failure is rethrown after every task has finished.
     */
    public static void runAll(Runnable[] tasks, int count) {
        if (count <= 0) {
            return;
        }
        if (count == 1 || isWorker()) {
            for (int i = 0; i < count; i++) {
                tasks[i].run();
            }
            return;
        }
        Future<?>[] futures = new Future<?>[count - 1];
        for (int i = 0; i < count - 1; i++) {
            futures[i] = Holder.POOL.submit(tasks[i]);
        }
        Throwable failure = null;
        try {
            tasks[count - 1].run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> f : futures) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new RuntimeException(failure);
        }
    }
}
