package dev.spinnet.network.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryTest {
    @TempDir
    Path dir;

    private Path writeBatches(Path where) throws Exception {
        for (Map.Entry<String, byte[]> e : TestFiles.cifarBatches().entrySet()) {
            TestFiles.write(where.resolve(e.getKey()), e.getValue());
        }
        return where;
    }

    @Test
    void roundTripsRecordsAsPlanarRgb() throws Exception {
        writeBatches(dir.resolve(CifarBinary.DIR_NAME));
        TrainTest tt = CifarBinary.load(dir); // finds the cifar-10-batches-bin subfolder
        ImageSet train = tt.train();
        assertEquals(10, train.n());
        assertEquals("3x32x32", train.shape());
        assertEquals(CifarBinary.CLASS_NAMES, train.classNames());
        // batch k record r -> image 2k+r, label (r + 2k) % 10 = image index
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, train.labels());
        // image 5 = batch 3 (data_batch_3) record 1: pixels sample(1, c, j)
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 32; y += 7) {
                for (int x = 0; x < 32; x += 5) {
                    assertEquals(TestFiles.sample(1, c, y * 32 + x), train.pixel(5, c, y, x));
                }
            }
        }
        assertEquals(3, tt.test().n());
        assertEquals(TestFiles.sample(2, 2, 1023), tt.test().pixel(2, 2, 31, 31));
    }

    @Test
    void acceptsBatchFilesInTheGivenFolderAndMetaNames() throws Exception {
        writeBatches(dir);
        List<String> names = List.of("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9");
        Files.writeString(dir.resolve("batches.meta.txt"), String.join("\n", names) + "\n\n", StandardCharsets.UTF_8);
        assertEquals(dir, CifarBinary.findBatchDir(dir));
        assertEquals(names, CifarBinary.load(dir).train().classNames());
    }

    @Test
    void sizeNotMultipleOfRecord() throws Exception {
        writeBatches(dir);
        byte[] b = TestFiles.cifarRecords(2, 0);
        Path f = TestFiles.write(dir.resolve("data_batch_2.bin"), Arrays.copyOf(b, b.length - 1));
        DatasetException e = assertThrows(DatasetException.class, () -> CifarBinary.load(dir));
        assertEquals(f + ": size 6145 is not a positive multiple of the 3073-byte CIFAR-10 record"
                + " (truncated, or not a CIFAR-10 batch file?)", e.getMessage());
    }

    @Test
    void labelOutOfRange() throws Exception {
        writeBatches(dir);
        byte[] b = TestFiles.cifarRecords(3, 0);
        b[2 * CifarBinary.RECORD_BYTES] = 10;
        Path f = TestFiles.write(dir.resolve("test_batch.bin"), b);
        DatasetException e = assertThrows(DatasetException.class, () -> CifarBinary.load(dir));
        assertEquals(f + ": label 10 of record 2 is outside 0..9", e.getMessage());
    }

    @Test
    void missingBatchesAreListed() throws Exception {
        writeBatches(dir.resolve(CifarBinary.DIR_NAME));
        Files.delete(dir.resolve(CifarBinary.DIR_NAME).resolve("data_batch_4.bin"));
        assertNull(CifarBinary.findBatchDir(dir));
        DatasetException e = assertThrows(DatasetException.class, () -> CifarBinary.load(dir));
        assertEquals(dir.resolve(CifarBinary.DIR_NAME) + ": missing CIFAR-10 batch files data_batch_4.bin",
                e.getMessage());
    }

    @Test
    void badMetaFile() throws Exception {
        writeBatches(dir);
        Files.writeString(dir.resolve("batches.meta.txt"), "cat\ndog\n");
        DatasetException e = assertThrows(DatasetException.class, () -> CifarBinary.load(dir));
        assertTrue(e.getMessage().endsWith("batches.meta.txt: lists 2 class names, expected 10"), e.getMessage());
    }
}
