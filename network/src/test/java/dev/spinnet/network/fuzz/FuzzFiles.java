package dev.spinnet.network.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Scratch directory of one fuzz input. The readers take paths, not byte arrays, so each input is written to
 * files first; the directory is deleted afterwards so that millions of executions leave nothing behind.
 */
final class FuzzFiles implements AutoCloseable {
    final Path dir;

    FuzzFiles() {
        try {
            dir = Files.createTempDirectory("spinnet-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code bytes} to {@code dir/relative}, creating parent folders. */
    Path write(String relative, byte[] bytes) {
        try {
            Path p = dir.resolve(relative);
            Files.createDirectories(p.getParent());
            return Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The readers' contract: a bad file gives the reader's own exception with a one-line message; anything
     * else (NullPointerException, ArrayIndexOutOfBounds, OutOfMemoryError...) escapes and is a finding.
     */
    static void requireOneLine(Exception e) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || m.contains("\n")) {
            throw new AssertionError("reader error without a one-line message: " + e, e);
        }
    }
}
