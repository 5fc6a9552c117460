package dev.spinnet.network.train;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that readers see either the old or the complete new content: the data goes to a
 * temporary file {@code .<name><random>.tmp} in the same directory, is forced to disk, and is renamed over the
 * target. A process killed mid-write (kill -9, a full disk) leaves the target untouched; at worst a stale
 * temporary file remains, which {@link #deleteStale} removes on the next run.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
                    writer.write(out);
                    out.flush();
                    // Without this, a power loss after the rename could leave an empty file under the final name.
                    ch.force(false);
                }
                readableByAll(tmp);
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // "No space left on device" alone does not say which output failed.
            String m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new IOException("cannot write " + target + ": " + m, e);
        }
    }

    /** Outputs are results to share: rw-r--r-- rather than the temporary file's rw-------. */
    private static void readableByAll(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: keep the default permissions
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Deletes the temporary files a killed writer left in {@code dir} (none if it does not exist). */
    public static int deleteStale(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : s) {
                if (Files.isRegularFile(p) && Files.deleteIfExists(p)) {
                    n++;
                }
            }
        }
        return n;
    }
}
