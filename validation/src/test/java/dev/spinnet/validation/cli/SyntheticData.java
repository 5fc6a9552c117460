package dev.spinnet.validation.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Small dataset files written by the tests themselves, so that the reliability tests need no download and
 * run in seconds: an MNIST-shaped IDX set whose classes are learnable (a bright bar whose position is the
 * label, plus noise), and CIFAR-10 binary batches.
 */
public final class SyntheticData {
    public static final int SIDE = 28;

    private SyntheticData() {
    }

    /** IDX3 images, magic 0x803, n x 28 x 28; image i shows a bar at row 2 + 2 * label(i). */
    public static byte[] idxImages(int n, long seed) {
        Random r = new Random(seed);
        ByteBuffer b = ByteBuffer.allocate(16 + n * SIDE * SIDE);
        b.putInt(0x803).putInt(n).putInt(SIDE).putInt(SIDE);
        for (int i = 0; i < n; i++) {
            int bar = 2 + 2 * label(i);
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    int v = r.nextInt(60) + (Math.abs(y - bar) <= 1 && x > 3 && x < 24 ? 180 : 0);
                    b.put((byte) Math.min(255, v));
                }
            }
        }
        return b.array();
    }

    /** IDX1 labels, magic 0x801, label(i) = i mod 10. */
    public static byte[] idxLabels(int n) {
        ByteBuffer b = ByteBuffer.allocate(8 + n);
        b.putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            b.put((byte) label(i));
        }
        return b.array();
    }

    static int label(int i) {
        return i % 10;
    }

    /** Writes the four canonical MNIST files (gzipped, as distributed) into {@code dir}. */
    public static Path writeMnist(Path dir, int nTrain, int nTest) {
        write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(idxImages(nTrain, 1)));
        write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(idxLabels(nTrain)));
        write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(idxImages(nTest, 2)));
        write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(idxLabels(nTest)));
        return dir;
    }

    /** A CIFAR-10 binary batch of n records (label i mod 10, pixels pseudo-random). */
    public static byte[] cifarBatch(int n) {
        byte[] b = new byte[n * 3073];
        Random r = new Random(n);
        r.nextBytes(b);
        for (int i = 0; i < n; i++) {
            b[i * 3073] = (byte) label(i);
        }
        return b;
    }

    /** Writes the six canonical CIFAR-10 batch files (small) into {@code dir/cifar-10-batches-bin}. */
    public static Path writeCifarBinary(Path dir, int perBatch) {
        Path d = dir.resolve("cifar-10-batches-bin");
        for (int k = 1; k <= 5; k++) {
            write(d.resolve("data_batch_" + k + ".bin"), cifarBatch(perBatch));
        }
        write(d.resolve("test_batch.bin"), cifarBatch(perBatch));
        return d;
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    public static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
