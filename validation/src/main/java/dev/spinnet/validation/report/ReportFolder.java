package dev.spinnet.validation.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The output folder of a validation run, written atomically: everything goes into a hidden sibling work folder,
 * which replaces the target folder by a rename only when the run has finished ({@link #commit}); a failed run
 * ({@link #abort}, or {@link #close} without commit) deletes the work folder and leaves the target as it was.
 */
public final class ReportFolder implements AutoCloseable {
    public static final String INDEX = "index.html";
    public static final String JSON = "report.json";
    public static final String FIGURES = "figures";

    private final Path target;
    private final Path work;
    private boolean done;

    private ReportFolder(Path target, Path work) {
        this.target = target;
        this.work = work;
    }

    /**
     * Creates the work folder next to {@code target} (checks that the parent is writable), after removing the work
     * folders that runs killed with -9 left for the same target: they could not remove them themselves.
     */
    public static ReportFolder begin(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        String tmp = "." + abs.getFileName() + ".tmp-";
        String old = "." + abs.getFileName() + ".old-";
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, p -> Files.isDirectory(p)
                && (p.getFileName().toString().startsWith(tmp) || p.getFileName().toString().startsWith(old)))) {
            for (Path stale : s) {
                deleteTree(stale);
            }
        }
        Path work = Files.createTempDirectory(parent, tmp);
        return new ReportFolder(abs, work);
    }

    /** Where stages write their files during the run. */
    public Path work() {
        return work;
    }

    public Path target() {
        return target;
    }

    /** Writes index.html, report.json and figures/*.png into the work folder. */
    public void write(Report report) throws IOException {
        Path figures = work.resolve(FIGURES);
        Files.createDirectories(figures);
        for (Figure f : report.figures()) {
            Files.write(figures.resolve(f.file()), f.png());
        }
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(work.resolve(JSON), om.writeValueAsString(report.json()) + "\n", StandardCharsets.UTF_8);
        Files.writeString(work.resolve(INDEX), HtmlReport.render(report), StandardCharsets.UTF_8);
    }

    /** Replaces the target folder by the work folder. */
    public void commit() throws IOException {
        try {
            // a report to share, not the owner-only folder a temporary directory starts as
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults stand
        }
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            move(target, old);
        }
        move(work, target);
        done = true;
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Deletes the work folder (the target is untouched). */
    public void abort() throws IOException {
        if (!done) {
            done = true;
            deleteTree(work);
        }
    }

    @Override
    public void close() throws IOException {
        abort();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a folder and everything in it (nothing if it does not exist). */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
