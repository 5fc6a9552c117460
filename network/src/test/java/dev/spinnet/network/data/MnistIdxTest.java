package dev.spinnet.network.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MnistIdxTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void roundTripsPlainAndGzip(boolean gz) throws Exception {
        TestFiles.writeMnist(dir, 12, 5, 4, 3, gz);
        TrainTest tt = MnistIdx.load(dir);
        ImageSet train = tt.train();
        assertEquals(12, train.n());
        assertEquals("1x4x3", train.shape());
        assertEquals(MnistIdx.CLASS_NAMES, train.classNames());
        for (int i = 0; i < 12; i++) {
            assertEquals(i % 10, train.label(i));
            for (int j = 0; j < 12; j++) {
                assertEquals(TestFiles.sample(i, 0, j), train.pixel(i, 0, j / 3, j % 3));
            }
        }
        assertEquals(5, tt.test().n());
    }

    @Test
    void detectsGzipByContentNotName() throws Exception {
        // gzipped content under the plain name, plain content under a .gz name
        Path img = TestFiles.write(dir.resolve("images"), TestFiles.gzip(TestFiles.idxImages(3, 2, 2)));
        Path lab = TestFiles.write(dir.resolve("labels.gz"), TestFiles.idxLabels(3));
        ImageSet s = MnistIdx.read(img, lab);
        assertEquals(3, s.n());
        assertEquals(TestFiles.sample(2, 0, 3), s.pixel(2, 0, 1, 1));
    }

    @Test
    void acceptsDottedMirrorNames() throws Exception {
        TestFiles.writeMnist(dir, 2, 2, 2, 2, false);
        Files.move(dir.resolve("t10k-images-idx3-ubyte"), dir.resolve("t10k-images.idx3-ubyte"));
        assertTrue(MnistIdx.isPresent(dir));
    }

    @Test
    void truncatedPlainFileReportsExpectedAndActualSize() throws Exception {
        byte[] full = TestFiles.idxImages(10, 28, 28);
        Path img = TestFiles.write(dir.resolve("train-images-idx3-ubyte"), Arrays.copyOf(full, 1000));
        Path lab = TestFiles.write(dir.resolve("train-labels-idx1-ubyte"), TestFiles.idxLabels(10));
        DatasetException e = assertThrows(DatasetException.class, () -> MnistIdx.read(img, lab));
        assertEquals(img + ": truncated: expected 7856 bytes, got 1000", e.getMessage());
    }

    @Test
    void truncatedGzipIsReported() throws Exception {
        byte[] gz = TestFiles.gzip(TestFiles.idxImages(10, 28, 28));
        Path img = TestFiles.write(dir.resolve("i.gz"), Arrays.copyOf(gz, gz.length / 2));
        Path lab = TestFiles.write(dir.resolve("l"), TestFiles.idxLabels(10));
        DatasetException e = assertThrows(DatasetException.class, () -> MnistIdx.read(img, lab));
        assertTrue(e.getMessage().startsWith(img + ": truncated"), e.getMessage());
    }

    @Test
    void truncatedHeader() throws Exception {
        Path img = TestFiles.write(dir.resolve("i"), Arrays.copyOf(TestFiles.idxImages(1, 2, 2), 9));
        Path lab = TestFiles.write(dir.resolve("l"), TestFiles.idxLabels(1));
        DatasetException e = assertThrows(DatasetException.class, () -> MnistIdx.read(img, lab));
        assertEquals(img + ": truncated: expected an IDX header of 16 bytes, got 9", e.getMessage());
    }

    @Test
    void wrongMagicSwappedFiles() throws Exception {
        Path img = TestFiles.write(dir.resolve("i"), TestFiles.idxLabels(3));
        Path lab = TestFiles.write(dir.resolve("l"), TestFiles.idxImages(3, 2, 2));
        DatasetException e = assertThrows(DatasetException.class, () -> MnistIdx.read(img, lab));
        assertEquals(img + ": wrong magic 0x00000801, expected 0x00000803 (IDX3 unsigned-byte images);"
                + " this looks like a label file", e.getMessage());
    }

    @Test
    void wrongMagicLittleEndian() throws Exception {
        byte[] b = TestFiles.idxImages(1, 2, 2);
        ByteBuffer.wrap(b).putInt(Integer.reverseBytes(MnistIdx.IMAGES_MAGIC));
        Path img = TestFiles.write(dir.resolve("i"), b);
        Path lab = TestFiles.write(dir.resolve("l"), TestFiles.idxLabels(1));
        DatasetException e = assertThrows(DatasetException.class, () -> MnistIdx.read(img, lab));
        assertTrue(e.getMessage().contains("little-endian"), e.getMessage());
    }

    @Test
    void badDimension() throws Exception {
        byte[] b = TestFiles.idxImages(1, 2, 2);
        ByteBuffer.wrap(b).putInt(8, 0);
        Path img = TestFiles.write(dir.resolve("i"), b);
        Path lab = TestFiles.write(dir.resolve("l"), TestFiles.idxLabels(1));
        DatasetException e = assertThrows(DatasetException.class, () -> MnistIdx.read(img, lab));
        assertEquals(img + ": bad dimension 2 of 3: 0", e.getMessage());
    }

    @Test
    void trailingDataIsAnError() throws Exception {
        byte[] b = Arrays.copyOf(TestFiles.idxImages(2, 2, 2), 16 + 8 + 1);
        Path img = TestFiles.write(dir.resolve("i"), b);
        Path lab = TestFiles.write(dir.resolve("l"), TestFiles.idxLabels(2));
        DatasetException e = assertThrows(DatasetException.class, () -> MnistIdx.read(img, lab));
        assertTrue(e.getMessage().startsWith(img + ": unexpected data after the expected 24 bytes"), e.getMessage());
    }

    @Test
    void countMismatch() throws Exception {
        Path img = TestFiles.write(dir.resolve("train-images-idx3-ubyte"), TestFiles.idxImages(5, 2, 2));
        Path lab = TestFiles.write(dir.resolve("train-labels-idx1-ubyte"), TestFiles.idxLabels(4));
        DatasetException e = assertThrows(DatasetException.class, () -> MnistIdx.read(img, lab));
        assertEquals(lab + ": holds 4 labels but train-images-idx3-ubyte holds 5 images", e.getMessage());
    }

    @Test
    void labelOutOfRange() throws Exception {
        byte[] l = TestFiles.idxLabels(4);
        l[8 + 2] = 10;
        Path img = TestFiles.write(dir.resolve("i"), TestFiles.idxImages(4, 2, 2));
        Path lab = TestFiles.write(dir.resolve("l"), l);
        DatasetException e = assertThrows(DatasetException.class, () -> MnistIdx.read(img, lab));
        assertEquals(lab + ": label 10 of item 2 is outside 0..9", e.getMessage());
    }

    @Test
    void missingFilesAreListed() throws Exception {
        TestFiles.writeMnist(dir, 2, 2, 2, 2, true);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        DatasetException e = assertThrows(DatasetException.class, () -> MnistIdx.load(dir));
        assertEquals(dir + ": missing MNIST files t10k-labels-idx1-ubyte.gz", e.getMessage());
    }

    @Test
    void labelsKeepOrder() throws Exception {
        TestFiles.writeMnist(dir, 3, 1, 1, 1, false);
        assertArrayEquals(new int[] {0, 1, 2}, MnistIdx.load(dir).train().labels());
    }
}
