package dev.spinnet.validation.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * One-line progress bar on stderr: {@code label [#########.........] 45/100  45%  12.3 s, ETA 15 s}, redrawn in
 * place with '\r' at most 10 times a second on a terminal; when stderr is not a terminal (a log file) it
 * prints a plain line at every 10 % instead, so logs stay readable.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final String label;
    private final boolean enabled;
    private final boolean interactive;
    private final long start = System.nanoTime();
    private int total;
    private int base;
    private long lastDraw;
    private int lastDecile = -1;
    private int lastLength;

    ProgressBar(PrintWriter err, String label, boolean enabled) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
        this.interactive = terminal();
    }

    /** A console that is a terminal (JDK 22+ may return a console for redirected streams: ask isTerminal()). */
    private static boolean terminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // JDK 17..21: a non-null console is a terminal
        }
    }

    /** @param already units done before this session (excluded from the rate estimate) */
    void start(int totalUnits, int already) {
        this.total = totalUnits;
        this.base = already;
        update(already, true);
    }

    void update(int done) {
        update(done, false);
    }

    private void update(int done, boolean force) {
        if (!enabled || total <= 0) {
            return;
        }
        long now = System.nanoTime();
        double elapsed = (now - start) * 1e-9;
        int decile = (int) (10L * done / total);
        if (interactive) {
            if (!force && done < total && now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            String line = line(done, elapsed);
            int pad = Math.max(0, lastLength - line.length());
            err.print("\r" + line + " ".repeat(pad));
            lastLength = line.length();
            err.flush();
        } else if (decile != lastDecile) {
            lastDecile = decile;
            err.println(line(done, elapsed));
            err.flush();
        }
    }

    String line(int done, double elapsed) {
        int filled = (int) ((long) WIDTH * done / total);
        StringBuilder sb = new StringBuilder(label).append(" [");
        sb.append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
        sb.append(done).append('/').append(total);
        sb.append(String.format(Locale.ROOT, " %3d%%  %.1f s", 100L * done / total, elapsed));
        int fresh = done - base;
        if (fresh > 0 && done < total) {
            double eta = elapsed / fresh * (total - done);
            sb.append(String.format(Locale.ROOT, ", ETA %.0f s", eta));
        }
        return sb.toString();
    }

    /** Ends the bar's line. */
    void finish() {
        if (enabled && interactive && total > 0) {
            err.println();
            err.flush();
        }
    }

    /** Prints a message on its own line without breaking the bar. */
    void message(String text) {
        if (enabled && interactive && lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            lastLength = 0;
        }
        err.println(text);
        err.flush();
    }
}
