package dev.spinnet.network.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/** Small file helpers shared by the readers, the cache and the downloader. */
final class DataIo {
    static final int BUFFER = 1 << 16;

    private DataIo() {
    }

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Opens a file for reading, transparently gunzipping it when it starts with the gzip magic
     * 1f 8b. Detection is by content, not name, because mirrors and users rename files freely
     * (a ".gz" that was already unpacked by a browser is common).
     */
    static InputStream openMaybeGzip(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return new GZIPInputStream(raw, BUFFER);
            }
            return raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** True if the file starts with the gzip magic bytes. */
    static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    static int readIntBE(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    /** Hex digest (e.g. "SHA-256", "MD5") of everything left in the stream. */
    static String digestHex(InputStream in, String algorithm) throws IOException {
        return HexFormat.of().formatHex(digest(in, algorithm));
    }

    /** Digest (e.g. "SHA-512") of everything left in the stream. */
    static byte[] digest(InputStream in, String algorithm) throws IOException {
        MessageDigest md = newDigest(algorithm);
        byte[] buf = new byte[BUFFER];
        for (int r; (r = in.read(buf)) != -1; ) {
            md.update(buf, 0, r);
        }
        return md.digest();
    }

    static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + algorithm, e);
        }
    }

    /**
     * Writes {@code target} via a temporary file in the same directory and a rename, so that a
     * crash or a concurrent reader never sees a half-written file under the final name.
     */
    static void writeAtomically(Path target, StreamWriter writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = createTempFile(dir, target.getFileName().toString() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            moveAtomically(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A temporary file that, once renamed, is readable by everyone like any downloaded file (the JDK creates
     * temporary files owner-only, which would hide a shared dataset folder's files from other users).
     */
    static Path createTempFile(Path dir, String prefix, String suffix) throws IOException {
        Path tmp = Files.createTempFile(dir, prefix, suffix);
        try {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions apply
        }
        return tmp;
    }

    /** Renames {@code from} to {@code to}, atomically where the file system allows it. */
    static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
