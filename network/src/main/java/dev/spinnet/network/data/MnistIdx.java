package dev.spinnet.network.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Reader for MNIST in the canonical IDX format: IDX3 image files (magic 0x00000803, then count,
 * rows, cols as big-endian ints, then count*rows*cols unsigned bytes) and IDX1 label files
 * (magic 0x00000801, count, then one byte per label). Files may be plain or gzipped.
 */
public final class MnistIdx {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    static final int NUM_CLASSES = 10;

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** The canonical base names, in download order; each may carry a ".gz" suffix. */
    public static final List<String> BASE_NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    /** MNIST's classes are the digits themselves. */
    public static final List<String> CLASS_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private MnistIdx() {
    }

    /** Reads the four canonical files from {@code dir}. */
    public static TrainTest load(Path dir) {
        Path[] files = new Path[BASE_NAMES.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            files[i] = find(dir, BASE_NAMES.get(i));
            if (files[i] == null) {
                missing.add(BASE_NAMES.get(i) + ".gz");
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetException(dir, "missing MNIST files " + String.join(", ", missing));
        }
        ImageSet train = read(files[0], files[1]);
        ImageSet test = read(files[2], files[3]);
        return new TrainTest(train, test, "mnist from " + dir + " (IDX)");
    }

    /** True if all four files are in {@code dir}. */
    public static boolean isPresent(Path dir) {
        for (String base : BASE_NAMES) {
            if (find(dir, base) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Finds {@code base} (e.g. "train-images-idx3-ubyte") in {@code dir}, gzipped or not; also
     * accepts the "train-images.idx3-ubyte" spelling that some mirrors use. Null if absent.
     */
    static Path find(Path dir, String base) {
        String dotted = base.replace("-idx", ".idx");
        for (String name : List.of(base + ".gz", base, dotted + ".gz", dotted)) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** Reads an IDX3 image file and the matching IDX1 label file. */
    public static ImageSet read(Path imagesFile, Path labelsFile) {
        Idx images = readIdx(imagesFile, IMAGES_MAGIC, 3);
        Idx labels = readIdx(labelsFile, LABELS_MAGIC, 1);
        int n = images.dims[0];
        if (labels.dims[0] != n) {
            throw new DatasetException(labelsFile, "holds " + labels.dims[0] + " labels but "
                    + imagesFile.getFileName() + " holds " + n + " images");
        }
        int[] lab = new int[n];
        for (int i = 0; i < n; i++) {
            int v = labels.data[i] & 0xff;
            if (v >= NUM_CLASSES) {
                throw new DatasetException(labelsFile, "label " + v + " of item " + i + " is outside 0..9");
            }
            lab[i] = v;
        }
        return new ImageSet(1, images.dims[1], images.dims[2], images.data, lab, CLASS_NAMES);
    }

    /** Parsed IDX file: its dimensions and unsigned-byte payload. */
    private record Idx(int[] dims, byte[] data) {
    }

    private static Idx readIdx(Path file, int magic, int rank) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, "not found");
        }
        int headerLen = 4 + 4 * rank;
        try (InputStream in = DataIo.openMaybeGzip(file)) {
            byte[] header = in.readNBytes(headerLen);
            if (header.length < 4) {
                throw new DatasetException(file, "truncated: expected an IDX header of " + headerLen
                        + " bytes, got " + header.length);
            }
            int actualMagic = DataIo.readIntBE(header, 0);
            if (actualMagic != magic) {
                throw new DatasetException(file, String.format(
                        "wrong magic 0x%08x, expected 0x%08x (%s)%s", actualMagic, magic,
                        rank == 3 ? "IDX3 unsigned-byte images" : "IDX1 unsigned-byte labels",
                        hintForMagic(actualMagic)));
            }
            if (header.length < headerLen) {
                throw new DatasetException(file, "truncated: expected an IDX header of " + headerLen
                        + " bytes, got " + header.length);
            }
            int[] dims = new int[rank];
            long size = 1;
            for (int d = 0; d < rank; d++) {
                dims[d] = DataIo.readIntBE(header, 4 + 4 * d);
                // Images need rows, cols >= 1; a count of 0 is legal but useless, so reject it too.
                if (dims[d] <= 0) {
                    throw new DatasetException(file, "bad dimension " + (d + 1) + " of " + rank + ": " + dims[d]);
                }
                size *= dims[d];
                // Checked per dimension: each factor is < 2^31, so the product cannot overflow a long before
                // the check (found by fuzzing: three large dimensions wrapped around to a negative size).
                if (size > Integer.MAX_VALUE - 16) {
                    throw new DatasetException(file, "too large: dimensions " + dimsText(dims, d + 1)
                            + " need more than 2 GiB");
                }
            }
            long expectedTotal = headerLen + size;
            byte[] data = in.readNBytes((int) size);
            if (data.length < size) {
                throw new DatasetException(file, "truncated: expected " + expectedTotal + " bytes"
                        + (in instanceof java.util.zip.GZIPInputStream ? " (uncompressed)" : "")
                        + ", got " + (headerLen + data.length));
            }
            if (in.read() != -1) {
                throw new DatasetException(file, "unexpected data after the expected " + expectedTotal
                        + " bytes (dimensions " + dimsText(dims) + ")");
            }
            return new Idx(dims, data);
        } catch (ZipException | java.io.EOFException e) {
            // GZIPInputStream signals a cut-off or damaged archive this way.
            throw new DatasetException(file, "truncated or corrupt gzip data (" + DatasetException.reason(e) + ")");
        } catch (IOException e) {
            throw new DatasetException(file, "could not read (" + DatasetException.reason(e) + ")");
        }
    }

    private static String hintForMagic(int m) {
        if (m == IMAGES_MAGIC) {
            return "; this looks like an image file";
        }
        if (m == LABELS_MAGIC) {
            return "; this looks like a label file";
        }
        if (Integer.reverseBytes(m) == IMAGES_MAGIC || Integer.reverseBytes(m) == LABELS_MAGIC) {
            return "; byte order is little-endian, IDX is big-endian";
        }
        return "; not an IDX file";
    }

    private static String dimsText(int[] dims) {
        return dimsText(dims, dims.length);
    }

    /** The first {@code count} dimensions as "AxBxC". */
    private static String dimsText(int[] dims, int count) {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < count; d++) {
            sb.append(sb.length() == 0 ? "" : "x").append(dims[d]);
        }
        return sb.toString();
    }
}
