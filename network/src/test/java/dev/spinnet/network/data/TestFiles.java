package dev.spinnet.network.data;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Writers for small dataset files in every supported format, so tests need no downloads. */
final class TestFiles {
    private TestFiles() {
    }

    /** Deterministic pseudo-random sample for image i, channel c, pixel j. */
    static int sample(int i, int c, int j) {
        return (i * 131 + c * 71 + j * 29 + (i * j) % 7) & 0xff;
    }

    static byte[] idxImages(int n, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
        b.putInt(MnistIdx.IMAGES_MAGIC).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < rows * cols; j++) {
                b.put((byte) sample(i, 0, j));
            }
        }
        return b.array();
    }

    static byte[] idxLabels(int n) {
        ByteBuffer b = ByteBuffer.allocate(8 + n);
        b.putInt(MnistIdx.LABELS_MAGIC).putInt(n);
        for (int i = 0; i < n; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    static Path write(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, data);
    }

    /** Writes the four MNIST files (train n, test m images of rows x cols) into dir. */
    static void writeMnist(Path dir, int n, int m, int rows, int cols, boolean gz) throws IOException {
        String ext = gz ? ".gz" : "";
        write(dir.resolve(MnistIdx.TRAIN_IMAGES + ext), maybeGzip(idxImages(n, rows, cols), gz));
        write(dir.resolve(MnistIdx.TRAIN_LABELS + ext), maybeGzip(idxLabels(n), gz));
        write(dir.resolve(MnistIdx.TEST_IMAGES + ext), maybeGzip(idxImages(m, rows, cols), gz));
        write(dir.resolve(MnistIdx.TEST_LABELS + ext), maybeGzip(idxLabels(m), gz));
    }

    private static byte[] maybeGzip(byte[] data, boolean gz) {
        return gz ? gzip(data) : data;
    }

    /** n CIFAR records; record i has label (i + labelOffset) % 10 and sample(i, c, j) pixels. */
    static byte[] cifarRecords(int n, int labelOffset) {
        byte[] b = new byte[n * CifarBinary.RECORD_BYTES];
        for (int i = 0; i < n; i++) {
            int at = i * CifarBinary.RECORD_BYTES;
            b[at] = (byte) ((i + labelOffset) % 10);
            for (int c = 0; c < 3; c++) {
                for (int j = 0; j < 1024; j++) {
                    b[at + 1 + c * 1024 + j] = (byte) sample(i, c, j);
                }
            }
        }
        return b;
    }

    /** The six batch files, 2 records each for training batches and 3 for the test batch. */
    static Map<String, byte[]> cifarBatches() {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (int k = 0; k < 5; k++) {
            files.put(CifarBinary.TRAIN_FILES.get(k), cifarRecords(2, 2 * k));
        }
        files.put(CifarBinary.TEST_FILE, cifarRecords(3, 0));
        return files;
    }

    /** A PNG of image i: RGB (via the raster, exact) or grey. */
    static byte[] png(int i, int h, int w, boolean grey) {
        BufferedImage img = new BufferedImage(w, h, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster r = img.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < (grey ? 1 : 3); c++) {
                    r.setSample(x, y, c, sample(i, c, y * w + x)); // band 0 = R for 3BYTE_BGR
                }
            }
        }
        return encode(img, "png");
    }

    static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, bos)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    /** Writes entries (name -> bytes; a name ending in '/' is a directory) into a zip. */
    static Path zip(Path file, Map<String, byte[]> entries, boolean stored) throws IOException {
        try (ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                byte[] data = e.getValue();
                if (stored) {
                    ze.setMethod(ZipEntry.STORED);
                    ze.setSize(data.length);
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    ze.setCrc(crc.getValue());
                }
                zos.putNextEntry(ze);
                zos.write(data);
                zos.closeEntry();
            }
        }
        return file;
    }

    /** Writes entries (relative path -> bytes; '/'-terminated = directory) under root. */
    static void tree(Path root, Map<String, byte[]> entries) throws IOException {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().endsWith("/")) {
                Files.createDirectories(root.resolve(e.getKey()));
            } else {
                write(root.resolve(e.getKey()), e.getValue());
            }
        }
    }

    /** A ustar archive of the entries ('/'-terminated names become directories). */
    static byte[] tar(Map<String, byte[]> entries) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                boolean dir = e.getKey().endsWith("/");
                byte[] data = dir ? new byte[0] : e.getValue();
                byte[] h = new byte[512];
                put(h, 0, e.getKey());
                put(h, 100, "0000644");
                put(h, 108, "0000000");
                put(h, 116, "0000000");
                put(h, 124, String.format("%011o", data.length));
                put(h, 136, "00000000000");
                h[156] = (byte) (dir ? '5' : '0');
                put(h, 257, "ustar");
                h[263] = '0';
                h[264] = '0';
                for (int i = 148; i < 156; i++) {
                    h[i] = ' ';
                }
                long sum = 0;
                for (byte b : h) {
                    sum += b & 0xff;
                }
                put(h, 148, String.format("%06o", sum));
                h[154] = 0;
                bos.write(h);
                bos.write(data);
                bos.write(new byte[(512 - data.length % 512) % 512]);
            }
            bos.write(new byte[1024]);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bos.toByteArray();
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }

    static void writeInt(OutputStream out, int v) throws IOException {
        new DataOutputStream(out).writeInt(v);
    }
}
