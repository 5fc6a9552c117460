package dev.spinnet.validation.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.spinnet.network.train.AtomicFiles;
import dev.spinnet.network.train.Trainer;
import dev.spinnet.validation.report.ReportFolder;

/**
 * The training checkpoints of a validation run: a hidden folder beside the report folder, one sub-folder per
 * dataset and ablation row, that outlives a failed or killed run so that {@code validate --resume} continues it
 * (finished rows are not trained again, the interrupted row goes on from its last epoch) and that is removed once
 * the report is written. What the checkpoints depend on (the plan, the device files, the data) is bound to the
 * folder on first use, so that a resume with other inputs is refused rather than mixing two runs.
 */
public final class RunCheckpoints {
    static final String BINDINGS = "run.properties";

    private final Path dir;
    private final Properties bound = new Properties();

    private RunCheckpoints(Path dir) {
        this.dir = dir;
    }

    /** The checkpoint folder of the report folder {@code target}. */
    public static Path folderOf(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".checkpoints");
    }

    /**
     * Opens the checkpoint folder of {@code target}. Without {@code resume} a folder left by an interrupted run is
     * refused (hours of training are not thrown away for a forgotten flag); with it, a missing folder starts afresh.
     */
    public static RunCheckpoints open(Path target, boolean resume, PrintStream log) throws IOException {
        Path dir = folderOf(target);
        boolean exists = Files.isDirectory(dir);
        if (exists && !resume) {
            throw new IllegalArgumentException(dir + " holds the checkpoints of an interrupted validation run: add"
                    + " --resume to continue it, or delete that folder to start again");
        }
        if (!exists && resume) {
            log.println("validate: --resume: no checkpoints in " + dir + "; starting from scratch");
        }
        Files.createDirectories(dir);
        RunCheckpoints c = new RunCheckpoints(dir);
        Path file = dir.resolve(BINDINGS);
        if (Files.exists(file)) {
            c.bound.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        }
        log.println("validate: training checkpoints in " + dir + " (kept if the run stops; --resume continues it)");
        return c;
    }

    public Path folder() {
        return dir;
    }

    /**
     * Records {@code value} under {@code key}, or checks it against the value recorded by the interrupted run.
     *
     * @param what how the error message names the input
     */
    public void bind(String key, String value, String what) throws IOException {
        String old = bound.getProperty(key);
        if (old == null) {
            bound.setProperty(key, value);
            StringWriter w = new StringWriter();
            Properties one = new Properties();
            // one key per store, sorted, and no date line: the file depends on the inputs only
            for (String k : new TreeSet<>(bound.stringPropertyNames())) {
                one.clear();
                one.setProperty(k, bound.getProperty(k));
                StringWriter line = new StringWriter();
                one.store(line, null);
                line.toString().lines().filter(l -> !l.startsWith("#")).forEach(l -> w.append(l).append('\n'));
            }
            AtomicFiles.writeString(dir.resolve(BINDINGS), w.toString());
        } else if (!old.equals(value)) {
            throw new IllegalArgumentException("--resume: " + what + " differ from those of the interrupted run in "
                    + dir + "; resume with the same inputs, or delete that folder to start again");
        }
    }

    /** The folder of one ablation row's trainer (created). */
    public Path row(String dataset, AblationRow row) throws IOException {
        Path p = dir.resolve(dataset).resolve(row.name().toLowerCase(Locale.ROOT));
        Files.createDirectories(p);
        return p;
    }

    /** Whether {@code rowDir} holds a checkpoint to continue from. */
    public static boolean hasCheckpoint(Path rowDir) {
        return Files.exists(rowDir.resolve(Trainer.CHECKPOINT_FILE));
    }

    /** Removes the folder: after the report is written, or when a failed run left no checkpoint worth keeping. */
    public void delete() throws IOException {
        ReportFolder.deleteTree(dir);
    }

    /** True when some row has written a checkpoint. */
    public boolean holdsTraining() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().equals(Trainer.CHECKPOINT_FILE));
        }
    }

    /** SHA-256 of the given byte arrays and ints, in order: a fingerprint of inputs held in memory. */
    static String digest(byte[][] arrays, int[]... ints) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] a : arrays) {
                md.update(a);
            }
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4);
            for (int[] xs : ints) {
                for (int x : xs) {
                    b.clear();
                    md.update(b.putInt(x).array());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** SHA-256 over the names and contents of the {@code *.json} files in {@code folder}, by name. */
    static String digestJsonFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            java.util.List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            byte[][] parts = new byte[2 * files.size()][];
            for (int i = 0; i < files.size(); i++) {
                parts[2 * i] = files.get(i).getFileName().toString().getBytes(StandardCharsets.UTF_8);
                parts[2 * i + 1] = Files.readAllBytes(files.get(i));
            }
            return digest(parts);
        }
    }
}
