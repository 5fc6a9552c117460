package dev.spinnet.llg.sweep;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link SweepSpec} on a fixed pool of threads and writes the results to a directory:
 * <ul>
 * <li>{@code results.csv}: header plus one row per run in run-index order (rows finished out of order wait in
 * a buffer), so the file is byte-identical for any thread count. Rows are appended as soon as they are next in
 * order and flushed to the OS at once (fsync at most every 2 s and at the end), so a killed sweep loses only
 * the runs in flight.</li>
 * <li>{@code sweep-spec.txt}: the spec text and its hash, written before the first run.</li>
 * <li>{@code timing.csv}: run, compute_seconds (wall clock; not reproducible, hence not in results.csv).</li>
 * <li>{@code traces/run-NNNNNN.csv} (optional): each run's sampled trajectory, written atomically before its
 * row.</li>
 * </ul>
 * Resume: with {@code resume} an existing directory must hold the same spec (hash); the longest prefix of
 * complete, valid rows of results.csv is kept (a torn last line, e.g. after kill -9, is dropped and the file
 * rewritten atomically) and only the remaining runs are computed: no row is lost or duplicated.
 */
public final class SweepRunner {
    public static final String CSV = "results.csv";
    public static final String SPEC = "sweep-spec.txt";
    public static final String TIMING = "timing.csv";
    public static final String TRACES = "traces";
    private static final long FSYNC_NANOS = 2_000_000_000L;

    private SweepRunner() {
    }

    /**
     * @param threads worker threads (>= 1)
     * @param traces  write per-run trace files
     * @param resume  continue the sweep in an existing directory
     * @param limit   compute at most this many new runs, then stop (&lt;= 0: all); for staged runs and tests
     */
    public record Options(int threads, boolean traces, boolean resume, int limit, SweepListener listener) {
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
            if (listener == null) {
                listener = SweepListener.NONE;
            }
        }

        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), false, false, 0, SweepListener.NONE);
        }
    }

    /**
     * @param runs     runs in the sweep
     * @param kept     rows kept from an earlier sweep in the directory
     * @param computed runs computed now
     * @param failed   of those, runs that failed to integrate
     * @param complete every run has its row
     * @param seconds  wall-clock seconds of this call
     */
    public record Outcome(int runs, int kept, int computed, int failed, boolean complete, Path csv, double seconds) {
    }

    /** Checks that {@code dir} can take this sweep (fresh, or resumable with the same spec) without writing. */
    public static void checkDirectory(SweepSpec spec, Path dir, boolean resume) {
        Path csv = dir.resolve(CSV);
        Path specFile = dir.resolve(SPEC);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("output " + dir + " exists and is not a directory");
        }
        if (!resume) {
            if (Files.exists(csv) || Files.exists(specFile)) {
                throw new IllegalArgumentException(dir + " already holds a sweep; pass --resume to continue it or choose"
                        + " another --out");
            }
            return;
        }
        if (Files.exists(specFile)) {
            String hash = null;
            try {
                for (String line : Files.readAllLines(specFile, StandardCharsets.UTF_8)) {
                    if (line.startsWith("hash=")) {
                        hash = line.substring(5).trim();
                    }
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + specFile + ": " + e.getMessage());
            }
            if (!spec.hash().equals(hash)) {
                throw new IllegalArgumentException("cannot resume: " + dir + " holds a different sweep (spec hash "
                        + hash + ", this one " + spec.hash() + "; see " + specFile + ")");
            }
        }
        if (Files.exists(csv)) {
            String first = firstLine(csv);
            if (first != null && !first.equals(SweepCsv.header(spec))) {
                throw new IllegalArgumentException("cannot resume: " + csv + " has another header (" + first + ")");
            }
        }
    }

    private static String firstLine(Path csv) {
        try {
            String text = Files.readString(csv, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            return nl < 0 ? null : text.substring(0, nl);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + csv + ": " + e.getMessage());
        }
    }

    public static Outcome run(SweepSpec spec, Path dir, Options opt) throws IOException {
        long t0 = System.nanoTime();
        checkDirectory(spec, dir, opt.resume());
        Files.createDirectories(dir);
        deleteStaleTemporaries(dir);
        Path csv = dir.resolve(CSV);
        Path specFile = dir.resolve(SPEC);
        Path timing = dir.resolve(TIMING);
        if (!Files.exists(specFile)) {
            writeAtomically(specFile, spec.canonical() + "hash=" + spec.hash() + "\n");
        }
        int total = spec.runCount();
        List<String> rows = keptRows(spec, csv);
        int kept = rows.size();
        StringBuilder fresh = new StringBuilder(SweepCsv.header(spec)).append('\n');
        for (String r : rows) {
            fresh.append(r).append('\n');
        }
        writeAtomically(csv, fresh.toString());
        writeAtomically(timing, keptTiming(timing, kept));
        Path traceDir = dir.resolve(TRACES);
        if (opt.traces()) {
            Files.createDirectories(traceDir);
        }
        int end = opt.limit() > 0 ? (int) Math.min(total, (long) kept + opt.limit()) : total;
        int toCompute = end - kept;
        SweepListener listener = opt.listener();
        listener.started(total, kept, toCompute);
        if (toCompute == 0) {
            listener.finished();
            return new Outcome(total, kept, 0, 0, kept == total, csv, (System.nanoTime() - t0) * 1e-9);
        }
        int width = Math.max(6, Integer.toString(total - 1).length());
        LinkedBlockingQueue<Done> queue = new LinkedBlockingQueue<>();
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(opt.threads(), toCompute), r -> {
            Thread t = new Thread(r, "sweep-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        int failed = 0;
        int written = 0;
        try (FileChannel out = FileChannel.open(csv, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                FileChannel tout = FileChannel.open(timing, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            for (int r = kept; r < end; r++) {
                int run = r;
                pool.execute(() -> {
                    try {
                        RunResult res = RunSimulator.simulate(spec, run, opt.traces());
                        if (opt.traces() && res.trace() != null) {
                            writeAtomically(traceDir.resolve(String.format(Locale.ROOT, "run-%0" + width + "d.csv",
                                    run)), res.trace().toCsv(), false);
                        }
                        queue.add(new Done(res, null));
                    } catch (Throwable e) {
                        queue.add(new Done(null, e));
                    }
                });
            }
            TreeMap<Integer, RunResult> pending = new TreeMap<>();
            int next = kept;
            int finishedRuns = 0;
            long lastSync = System.nanoTime();
            while (next < end) {
                Done d;
                try {
                    d = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("sweep interrupted", e);
                }
                if (d.error() != null) {
                    throw new IOException("sweep run failed: " + d.error(), d.error());
                }
                RunResult res = d.result();
                finishedRuns++;
                if (res.status().equals("failed")) {
                    failed++;
                    listener.failed(res.run(), spec.describe(res.run()), res.message());
                }
                pending.put(res.run(), res);
                StringBuilder batch = new StringBuilder();
                StringBuilder tbatch = new StringBuilder();
                while (!pending.isEmpty() && pending.firstKey() == next) {
                    RunResult w = pending.pollFirstEntry().getValue();
                    batch.append(SweepCsv.row(w));
                    tbatch.append(w.run()).append(',').append(String.format(Locale.ROOT, "%.6f", w.computeSeconds()))
                            .append('\n');
                    next++;
                    written++;
                }
                if (batch.length() > 0) {
                    writeFully(out, batch.toString());
                    writeFully(tout, tbatch.toString());
                    if (System.nanoTime() - lastSync > FSYNC_NANOS) {
                        out.force(false);
                        tout.force(false);
                        lastSync = System.nanoTime();
                    }
                }
                listener.progress(kept + finishedRuns, total);
            }
            out.force(false);
            tout.force(false);
        } finally {
            pool.shutdownNow();
        }
        listener.finished();
        return new Outcome(total, kept, written, failed, end == total, csv, (System.nanoTime() - t0) * 1e-9);
    }

    private record Done(RunResult result, Throwable error) {
    }

    /** The longest prefix of complete, valid rows of an existing results file (empty when there is none). */
    static List<String> keptRows(SweepSpec spec, Path csv) throws IOException {
        List<String> rows = new ArrayList<>();
        if (!Files.exists(csv)) {
            return rows;
        }
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        if (nl < 0 || !text.substring(0, nl).equals(SweepCsv.header(spec))) {
            return rows;
        }
        int pos = nl + 1;
        int total = spec.runCount();
        while (rows.size() < total) {
            int e = text.indexOf('\n', pos);
            if (e < 0) {
                break; // torn last line: dropped
            }
            String line = text.substring(pos, e);
            if (!SweepCsv.isValidRow(spec, line, rows.size())) {
                break;
            }
            rows.add(line);
            pos = e + 1;
        }
        return rows;
    }

    private static String keptTiming(Path timing, int kept) throws IOException {
        StringBuilder sb = new StringBuilder("run,compute_seconds\n");
        if (!Files.exists(timing)) {
            return sb.toString();
        }
        String text = Files.readString(timing, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        int expect = 0;
        // complete lines only (the last element after the final '\n' is "" or a torn line)
        for (int k = 1; k < lines.length - 1 && expect < kept; k++) {
            String[] f = lines[k].split(",", -1);
            try {
                if (f.length == 2 && Integer.parseInt(f[0]) == expect) {
                    Double.parseDouble(f[1]);
                    sb.append(lines[k]).append('\n');
                    expect++;
                    continue;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            break;
        }
        return sb.toString();
    }

    private static void writeFully(FileChannel ch, String s) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** Removes the {@code .<name><random>.tmp} files of a writer killed before its rename (see below). */
    private static void deleteStaleTemporaries(Path dir) throws IOException {
        try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : s) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Temp file in the same directory, then rename: readers see the old or the complete new content. */
    static void writeAtomically(Path target, String text) throws IOException {
        writeAtomically(target, text, true);
    }

    /** As above; {@code sync} forces the data to disk before the rename (power-loss safe, ~ms per file). */
    static void writeAtomically(Path target, String text, boolean sync) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                writeFully(ch, text);
                if (sync) {
                    ch.force(false);
                }
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
