package dev.spinnet.llg.sweep;

/** Callbacks of a running sweep, all on the thread that called {@link SweepRunner#run}. */
public interface SweepListener {

    /** Before the first run: total runs, rows kept from an earlier (interrupted) sweep, runs to compute now. */
    default void started(int total, int kept, int toCompute) {
    }

    /** After each finished run: runs done so far (kept ones included) of total. */
    default void progress(int done, int total) {
    }

    /** A run could not be integrated (it is written as a "failed" row). */
    default void failed(int run, String description, String message) {
    }

    /** After the last row is written. */
    default void finished() {
    }

    SweepListener NONE = new SweepListener() {
    };
}
