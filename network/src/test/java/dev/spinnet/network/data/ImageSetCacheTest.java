package dev.spinnet.network.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSetCacheTest {
    @TempDir
    Path tmp;

    private static ImageSet sample() {
        byte[] px = new byte[4 * 2 * 3 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 37);
        }
        return new ImageSet(2, 3, 3, px, new int[] {2, 0, 1, 2}, List.of("zero", "één", "two\u0000"));
    }

    @Test
    void roundTrips() throws Exception {
        Path f = tmp.resolve("c/x.imgcache");
        ImageSetCache.write(f, sample());
        ImageSet s = ImageSetCache.read(f);
        assertArrayEquals(sample().pixels(), s.pixels());
        assertArrayEquals(sample().labels(), s.labels());
        assertEquals(sample().classNames(), s.classNames());
        assertEquals("2x3x3", s.shape());
        try (var files = Files.list(f.getParent())) {
            assertEquals(1, files.count(), "no temp files left behind");
        }
    }

    @Test
    void rejectsTruncatedBadMagicAndDamage() throws Exception {
        Path f = tmp.resolve("x.imgcache");
        ImageSetCache.write(f, sample());
        byte[] good = Files.readAllBytes(f);

        Files.write(f, Arrays.copyOf(good, good.length - 3));
        assertTrue(assertThrows(DatasetException.class, () -> ImageSetCache.read(f)).getMessage().contains("truncated"));

        byte[] magic = good.clone();
        magic[0] = 'X';
        Files.write(f, magic);
        assertEquals(f + ": not a spinnet image cache (bad magic)",
                assertThrows(DatasetException.class, () -> ImageSetCache.read(f)).getMessage());

        byte[] version = good.clone();
        version[11] = 9;
        Files.write(f, version);
        assertEquals(f + ": cache version 9, expected 1",
                assertThrows(DatasetException.class, () -> ImageSetCache.read(f)).getMessage());

        byte[] flipped = good.clone();
        flipped[good.length - 12] ^= 1;
        Files.write(f, flipped);
        assertEquals(f + ": checksum mismatch (damaged)",
                assertThrows(DatasetException.class, () -> ImageSetCache.read(f)).getMessage());

        Files.write(f, new byte[0]);
        List<String> log = new ArrayList<>();
        assertNull(new ImageSetCache(tmp, log::add).load(f));
        assertTrue(log.get(0).startsWith("warning: ignoring decoded-image cache " + f), log.toString());
    }

    @Test
    void fileNameDependsOnIdentity() {
        ImageSetCache c = new ImageSetCache(tmp, s -> { });
        Path a = c.fileFor("cifar10-jpeg.zip-train", "zip=/a\nsize=1");
        Path b = c.fileFor("cifar10-jpeg.zip-train", "zip=/a\nsize=2");
        assertNotEquals(a, b);
        assertTrue(a.getFileName().toString().startsWith("cifar10-jpeg.zip-train-"));
        assertEquals(a, c.fileFor("cifar10-jpeg.zip-train", "zip=/a\nsize=1"));
    }
}
