package dev.spinnet.network.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * A compact binary copy of a decoded {@link ImageSet}, so that slow sources (60,000 JPEGs) are
 * decoded once. Files are named after a hash of the source's identity (path, size, mtime, ...),
 * so a changed source simply misses the cache instead of being served stale data.
 *
 * <p>Format (big-endian): magic "SPNIMGC1", int version, int n, channels, height, width, int
 * class count, each class name as modified UTF-8 (DataOutput.writeUTF), n int labels, n*C*H*W
 * pixel bytes, then a long CRC-32 of everything before it. The size is checked against the header
 * before the (large) pixel array is allocated, and the CRC after it is filled, so a truncated or
 * damaged file is detected and rebuilt rather than trusted.
 */
public final class ImageSetCache {
    static final byte[] MAGIC = "SPNIMGC1".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final String SUFFIX = ".imgcache";

    private final Path dir;
    private final Consumer<String> log;

    /**
     * @param dir where cache files live (created on first write)
     * @param log receives one-line notes and warnings (e.g. a corrupt cache being rebuilt)
     */
    public ImageSetCache(Path dir, Consumer<String> log) {
        this.dir = dir;
        this.log = log;
    }

    public Path dir() {
        return dir;
    }

    /**
     * The cache file for a source; {@code identity} must change whenever the decoded content could
     * (source path, size, mtime, split, ...), {@code label} only makes the name readable.
     */
    public Path fileFor(String label, String identity) {
        byte[] digest = DataIo.newDigest("SHA-256").digest(
                ("v" + VERSION + "\n" + identity).getBytes(StandardCharsets.UTF_8));
        String safe = label.replaceAll("[^A-Za-z0-9._-]", "_");
        return dir.resolve(safe + "-" + HexFormat.of().formatHex(digest, 0, 8) + SUFFIX);
    }

    /** The cached set, or null if there is none or it is unusable (then a warning is logged). */
    public ImageSet load(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return read(file);
        } catch (DatasetException e) {
            log.accept("warning: ignoring decoded-image cache " + e.getMessage() + "; rebuilding it");
            return null;
        }
    }

    /** Writes the cache file atomically; a failure is only a warning since the cache is optional. */
    public void store(Path file, ImageSet set) {
        try {
            write(file, set);
        } catch (IOException e) {
            log.accept("warning: could not write decoded-image cache " + file + " ("
                    + DatasetException.reason(e) + "); the images will be decoded again next time");
        }
    }

    /** Writes {@code set} to {@code file} via a temporary file and a rename. */
    public static void write(Path file, ImageSet set) throws IOException {
        DataIo.writeAtomically(file, raw -> {
            CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(checked, DataIo.BUFFER));
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(set.n());
            out.writeInt(set.channels());
            out.writeInt(set.height());
            out.writeInt(set.width());
            out.writeInt(set.numClasses());
            for (String name : set.classNames()) {
                out.writeUTF(name);
            }
            for (int label : set.labels()) {
                out.writeInt(label);
            }
            out.write(set.pixels());
            out.flush();
            long crc = checked.getChecksum().getValue();
            new DataOutputStream(raw).writeLong(crc);
        });
    }

    /**
     * Reads and validates a cache file.
     *
     * @throws DatasetException naming the file if it is truncated, damaged or of another version
     */
    public static ImageSet read(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), DataIo.BUFFER)) {
            long fileSize = Files.size(file);
            CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new DatasetException(file, "not a spinnet image cache (bad magic)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new DatasetException(file, "cache version " + version + ", expected " + VERSION);
            }
            int n = in.readInt();
            int c = in.readInt();
            int h = in.readInt();
            int w = in.readInt();
            int k = in.readInt();
            if (n < 0 || c < 1 || h < 1 || w < 1 || k < 1 || k > 1 << 16) {
                throw new DatasetException(file, "bad header " + n + " x " + c + "x" + h + "x" + w + ", " + k + " classes");
            }
            long pixelBytes = (long) n * c * h * w;
            if ((long) c * h * w > Integer.MAX_VALUE || pixelBytes > Integer.MAX_VALUE - 16) {
                throw new DatasetException(file, "bad header: " + pixelBytes + " pixel bytes");
            }
            List<String> names = new ArrayList<>(k);
            long namesBytes = 0;
            for (int i = 0; i < k; i++) {
                String name = in.readUTF();
                names.add(name);
                namesBytes += 2 + modifiedUtf8Length(name);
            }
            long expected = MAGIC.length + 4L * 6 + namesBytes + 4L * n + pixelBytes + 8;
            if (fileSize != expected) {
                throw new DatasetException(file, "size " + fileSize + ", expected " + expected + " (truncated?)");
            }
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = in.readInt();
                if (labels[i] < 0 || labels[i] >= k) {
                    throw new DatasetException(file, "label " + labels[i] + " of image " + i + " outside 0.." + (k - 1));
                }
            }
            byte[] pixels = new byte[(int) pixelBytes];
            in.readFully(pixels);
            long actualCrc = checked.getChecksum().getValue();
            long storedCrc = new DataInputStream(raw).readLong();
            if (storedCrc != actualCrc) {
                throw new DatasetException(file, "checksum mismatch (damaged)");
            }
            return new ImageSet(c, h, w, pixels, labels, names);
        } catch (EOFException e) {
            throw new DatasetException(file, "truncated");
        } catch (java.io.UTFDataFormatException e) {
            throw new DatasetException(file, "damaged class names");
        } catch (IOException e) {
            throw new DatasetException(file, "could not read (" + DatasetException.reason(e) + ")");
        }
    }

    /** Bytes DataOutput.writeUTF uses for {@code s}, without the 2-byte length. */
    private static int modifiedUtf8Length(String s) {
        int len = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            len += ch >= 0x0001 && ch <= 0x007f ? 1 : ch <= 0x07ff ? 2 : 3;
        }
        return len;
    }
}
