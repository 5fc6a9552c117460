package dev.spinnet.validation.pipeline;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Prints a line when each stage starts and ends and keeps the wall time of every stage. */
public final class StageClock {
    private final PrintStream log;
    private final int total;
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final long start = System.nanoTime();
    private int index;
    private String current;
    private long t0;

    public StageClock(PrintStream log, int total) {
        this.log = log;
        this.total = total;
    }

    public void start(String stage) {
        if (current != null) {
            end();
        }
        current = stage;
        index++;
        t0 = System.nanoTime();
        log.printf(Locale.ROOT, "validate [%d/%d] %s ...%n", index, total, stage);
        log.flush();
    }

    public void end() {
        if (current == null) {
            return;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        seconds.put(current, s);
        log.printf(Locale.ROOT, "validate [%d/%d] %s done in %.1f s%n", index, total, current, s);
        log.flush();
        current = null;
    }

    /** Finished stages and their wall times, in order. */
    public Map<String, Double> seconds() {
        return seconds;
    }

    public double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }
}
