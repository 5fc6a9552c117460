package dev.spinnet.llg.micromag;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a range kernel on [0, split) in a persistent worker thread and on [split, n) in the caller, then
 * waits: an allocation-free two-thread hand-off (volatile generation counters, brief spinning, then
 * parking so that an idle worker does not burn a shared core). The worker's half is claimed by CAS: if the
 * worker has not woken up by the time the caller finished its own half (an oversubscribed machine), the
 * caller runs it itself, so two threads are never much slower than one.
 */
final class RangeSplitter implements AutoCloseable {
    /** Kernel over a cell range. */
    @FunctionalInterface
    interface RangeKernel {
        void apply(double t, double[] y, double[] dydt, int from, int to);
    }

    private static final int SPINS = 20_000;

    private final RangeKernel kernel;
    private final Thread worker;
    private volatile long requested;
    private volatile long completed;
    private final AtomicLong claimed = new AtomicLong();
    private volatile boolean closed;
    private volatile Thread waiter;
    private double tArg;
    private double[] yArg;
    private double[] dyArg;
    private int splitArg;
    private volatile Throwable failure;

    RangeSplitter(RangeKernel kernel) {
        this.kernel = kernel;
        this.worker = new Thread(this::loop, "llg-rhs-worker");
        worker.setDaemon(true);
        worker.start();
    }

    void run(double t, double[] y, double[] dydt, int split, int n) {
        tArg = t;
        yArg = y;
        dyArg = dydt;
        splitArg = split;
        waiter = Thread.currentThread();
        long gen = requested + 1;
        requested = gen; // volatile write publishes the arguments
        LockSupport.unpark(worker);
        kernel.apply(t, y, dydt, split, n);
        if (claimed.compareAndSet(gen - 1, gen)) {
            kernel.apply(t, y, dydt, 0, split); // worker still asleep: do its half here
            return;
        }
        int spins = 0;
        while (completed != gen) {
            if (spins++ < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 100_000L);
            }
        }
        if (failure != null) {
            throw new IllegalStateException("RHS worker failed", failure);
        }
    }

    private void loop() {
        long seen = 0;
        while (!closed) {
            int spins = 0;
            while (requested == seen && !closed) {
                if (spins++ < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = requested;
            if (!claimed.compareAndSet(seen - 1, seen)) {
                continue; // the caller already did this half
            }
            try {
                kernel.apply(tArg, yArg, dyArg, 0, splitArg);
            } catch (Throwable e) {
                failure = e;
            }
            completed = seen;
            Thread w = waiter;
            if (w != null) {
                LockSupport.unpark(w);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(worker);
    }
}
