package dev.spinnet.network.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reader for the canonical CIFAR-10 binary distribution ({@code cifar-10-binary.tar.gz}, unpacked
 * to {@code cifar-10-batches-bin/}): {@code data_batch_1.bin .. data_batch_5.bin} and
 * {@code test_batch.bin}, each a sequence of 3073-byte records: 1 label byte, then 1024 red,
 * 1024 green and 1024 blue bytes, each plane row-major 32x32. That is already the planar CHW
 * layout of {@link ImageSet}, so records are copied without reshuffling.
 */
public final class CifarBinary {
    public static final int SIDE = 32;
    public static final int IMAGE_BYTES = 3 * SIDE * SIDE;
    public static final int RECORD_BYTES = 1 + IMAGE_BYTES;
    public static final String DIR_NAME = "cifar-10-batches-bin";
    public static final List<String> TRAIN_FILES = List.of(
            "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    public static final String TEST_FILE = "test_batch.bin";
    public static final String META_FILE = "batches.meta.txt";
    /** The canonical CIFAR-10 label order 0..9. */
    public static final List<String> CLASS_NAMES = List.of(
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    private CifarBinary() {
    }

    /**
     * The directory holding the batch files: {@code dir} itself or {@code dir/cifar-10-batches-bin};
     * null if neither has all six files.
     */
    public static Path findBatchDir(Path dir) {
        for (Path candidate : List.of(dir.resolve(DIR_NAME), dir)) {
            if (hasAllBatches(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean hasAllBatches(Path dir) {
        if (!Files.isRegularFile(dir.resolve(TEST_FILE))) {
            return false;
        }
        for (String f : TRAIN_FILES) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                return false;
            }
        }
        return true;
    }

    /** Reads all five training batches and the test batch from {@code dir} (or its {@value #DIR_NAME}). */
    public static TrainTest load(Path dir) {
        Path batchDir = findBatchDir(dir);
        if (batchDir == null) {
            Path where = Files.isDirectory(dir.resolve(DIR_NAME)) ? dir.resolve(DIR_NAME) : dir;
            List<String> missing = new ArrayList<>();
            for (String f : TRAIN_FILES) {
                if (!Files.isRegularFile(where.resolve(f))) {
                    missing.add(f);
                }
            }
            if (!Files.isRegularFile(where.resolve(TEST_FILE))) {
                missing.add(TEST_FILE);
            }
            throw new DatasetException(where, "missing CIFAR-10 batch files " + String.join(", ", missing));
        }
        List<String> classes = classNames(batchDir);
        List<Path> train = new ArrayList<>();
        for (String f : TRAIN_FILES) {
            train.add(batchDir.resolve(f));
        }
        return new TrainTest(read(train, classes), read(List.of(batchDir.resolve(TEST_FILE)), classes),
                "cifar10 from " + batchDir + " (canonical binary)");
    }

    /**
     * Class names from {@code batches.meta.txt} (one per line, blank lines ignored) when present,
     * else the canonical list.
     */
    public static List<String> classNames(Path batchDir) {
        Path meta = batchDir.resolve(META_FILE);
        if (!Files.isRegularFile(meta)) {
            return CLASS_NAMES;
        }
        try {
            List<String> names = new ArrayList<>();
            for (String line : Files.readAllLines(meta, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
            if (names.size() != CLASS_NAMES.size()) {
                throw new DatasetException(meta, "lists " + names.size() + " class names, expected 10");
            }
            return names;
        } catch (IOException e) {
            throw new DatasetException(meta, "could not read (" + DatasetException.reason(e) + ")");
        }
    }

    /** Reads and concatenates batch files, in the given order. */
    public static ImageSet read(List<Path> batchFiles, List<String> classNames) {
        long total = 0;
        long[] counts = new long[batchFiles.size()];
        for (int b = 0; b < counts.length; b++) {
            counts[b] = recordCount(batchFiles.get(b));
            total += counts[b];
        }
        if (total * IMAGE_BYTES > Integer.MAX_VALUE - 16) {
            throw new DatasetException(batchFiles.get(0), "too many images in total: " + total);
        }
        byte[] pixels = new byte[(int) total * IMAGE_BYTES];
        int[] labels = new int[(int) total];
        int at = 0;
        for (int b = 0; b < counts.length; b++) {
            Path f = batchFiles.get(b);
            byte[] raw = readAll(f, counts[b]);
            int records = raw.length / RECORD_BYTES;
            for (int r = 0; r < records; r++) {
                int label = raw[r * RECORD_BYTES] & 0xff;
                if (label >= classNames.size()) {
                    throw new DatasetException(f, "label " + label + " of record " + r + " is outside 0.."
                            + (classNames.size() - 1));
                }
                labels[at] = label;
                System.arraycopy(raw, r * RECORD_BYTES + 1, pixels, at * IMAGE_BYTES, IMAGE_BYTES);
                at++;
            }
        }
        return new ImageSet(3, SIDE, SIDE, pixels, labels, classNames);
    }

    private static long recordCount(Path f) {
        try {
            long size = Files.size(f);
            if (size == 0 || size % RECORD_BYTES != 0) {
                throw new DatasetException(f, "size " + size + " is not a positive multiple of the "
                        + RECORD_BYTES + "-byte CIFAR-10 record (truncated, or not a CIFAR-10 batch file?)");
            }
            return size / RECORD_BYTES;
        } catch (IOException e) {
            throw new DatasetException(f, "could not read (" + DatasetException.reason(e) + ")");
        }
    }

    private static byte[] readAll(Path f, long records) {
        try {
            byte[] raw = Files.readAllBytes(f);
            if (raw.length != records * RECORD_BYTES) {
                throw new DatasetException(f, "changed while being read (size " + raw.length + ", was "
                        + records * RECORD_BYTES + ")");
            }
            return raw;
        } catch (IOException e) {
            throw new DatasetException(f, "could not read (" + DatasetException.reason(e) + ")");
        }
    }
}
