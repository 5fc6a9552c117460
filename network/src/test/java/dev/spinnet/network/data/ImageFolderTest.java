package dev.spinnet.network.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
    @TempDir
    Path tmp;

    private final List<String> log = new ArrayList<>();

    /** train: class b (3 images), a (2), c (1); test: one per class. Image k of a split: sample(k...). */
    private static Map<String, byte[]> layout(String prefix, int h, int w, boolean grey) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        int k = 0;
        // written out of order on purpose: labels must follow sorted class names, files sorted names
        for (String[] f : new String[][] {{"b", "2"}, {"b", "0"}, {"b", "1"}, {"a", "0"}, {"a", "1"}, {"c", "0"}}) {
            m.put(prefix + "train/" + f[0] + "/img" + f[1] + ".png", TestFiles.png(id(f[0], f[1]), h, w, grey));
            k++;
        }
        for (String c : List.of("a", "b", "c")) {
            m.put(prefix + "test/" + c + "/x.png", TestFiles.png(id(c, "9"), h, w, grey));
        }
        return m;
    }

    /** Image identity from class and file number, so expected pixels can be recomputed. */
    private static int id(String cls, String num) {
        return (cls.charAt(0) - 'a') * 10 + Integer.parseInt(num);
    }

    private static void assertLayout(TrainTest tt, int h, int w, int channels) {
        ImageSet train = tt.train();
        assertEquals(List.of("a", "b", "c"), train.classNames());
        assertArrayEquals(new int[] {0, 0, 1, 1, 1, 2}, train.labels());
        assertEquals(channels + "x" + h + "x" + w, train.shape());
        int[] ids = {0, 1, 10, 11, 12, 20};
        for (int i = 0; i < ids.length; i++) {
            for (int c = 0; c < channels; c++) {
                for (int j = 0; j < h * w; j++) {
                    assertEquals(TestFiles.sample(ids[i], c, j), train.pixel(i, c, j / w, j % w),
                            "image " + i + " channel " + c + " pixel " + j);
                }
            }
        }
        assertArrayEquals(new int[] {0, 1, 2}, tt.test().labels());
        assertEquals(TestFiles.sample(19, 0, 5), tt.test().pixel(1, 0, 5 / w, 5 % w));
    }

    private ImageFolder folder(Path source, Path cache) {
        return new ImageFolder(source, cache, 2, log::add);
    }

    @Test
    void readsRgbPngFolderExactly() throws Exception {
        Path root = tmp.resolve("ds");
        TestFiles.tree(root, layout("", 5, 7, false));
        assertLayout(folder(root, null).load(), 5, 7, 3);
    }

    @Test
    void readsGreyPngFolderExactly() throws Exception {
        Path root = tmp.resolve("ds");
        TestFiles.tree(root, layout("", 4, 4, true));
        assertLayout(folder(root, null).load(), 4, 4, 1);
    }

    @Test
    void readsZipStoredAndDeflatedWithCommonPrefix() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("mydata/", new byte[0]);
        entries.put("mydata/train/", new byte[0]);
        entries.putAll(layout("mydata/", 3, 6, false));
        entries.put("mydata/README.txt", "hello".getBytes(StandardCharsets.UTF_8));
        entries.put("__MACOSX/mydata/train/a/._img0.png", new byte[] {1, 2, 3});
        assertLayout(folder(TestFiles.zip(tmp.resolve("s.zip"), entries, true), null).load(), 3, 6, 3);
        assertLayout(folder(TestFiles.zip(tmp.resolve("d.zip"), entries, false), null).load(), 3, 6, 3);
    }

    @Test
    void cifarClassNamesGetCanonicalOrder() throws Exception {
        Path root = tmp.resolve("cifar10");
        int i = 0;
        for (String c : CifarBinary.CLASS_NAMES) {
            TestFiles.write(root.resolve("train/" + c + "/0.png"), TestFiles.png(i, 2, 2, false));
            TestFiles.write(root.resolve("test/" + c + "/0.png"), TestFiles.png(i, 2, 2, false));
            i++;
        }
        TrainTest tt = folder(root, null).load();
        assertEquals(CifarBinary.CLASS_NAMES, tt.train().classNames());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, tt.test().labels());
        assertEquals(TestFiles.sample(7, 1, 3), tt.train().pixel(7, 1, 1, 1)); // "horse" is label 7
    }

    @Test
    void manyImagesDecodeInParallelInOrder() throws Exception {
        Path root = tmp.resolve("ds");
        for (int i = 0; i < 600; i++) {
            String cls = i < 300 ? "x" : "y";
            TestFiles.write(root.resolve(String.format("train/%s/%04d.png", cls, i)), TestFiles.png(i, 2, 3, false));
        }
        ImageSet s = folder(root, null).read("train", null);
        assertEquals(600, s.n());
        for (int i = 0; i < 600; i++) {
            assertEquals(i < 300 ? 0 : 1, s.label(i));
            assertEquals(TestFiles.sample(i, 2, 5), s.pixel(i, 2, 1, 2));
        }
    }

    @Test
    void jpegDecodesToRgbPlanes() throws Exception {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                img.setRGB(x, y, 0xC86432); // r=200 g=100 b=50
            }
        }
        Path root = tmp.resolve("ds");
        TestFiles.write(root.resolve("train/k/a.jpg"), TestFiles.encode(img, "jpg"));
        ImageSet s = folder(root, null).read("train", null);
        assertEquals("3x8x8", s.shape());
        assertEquals(200, s.pixel(0, 0, 3, 3), 4);
        assertEquals(100, s.pixel(0, 1, 3, 3), 4);
        assertEquals(50, s.pixel(0, 2, 3, 3), 4);
    }

    @Test
    void palettePngIsReadAsRgb() throws Exception {
        byte[] r = {(byte) 255, 0, 10};
        byte[] g = {0, (byte) 255, 20};
        byte[] b = {0, 0, 30};
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(2, 3, r, g, b));
        WritableRaster raster = img.getRaster();
        raster.setSample(0, 0, 0, 2);
        raster.setSample(1, 0, 0, 1);
        Path root = tmp.resolve("ds");
        TestFiles.write(root.resolve("train/k/a.png"), TestFiles.encode(img, "png"));
        ImageSet s = folder(root, null).read("train", null);
        assertEquals("3x1x2", s.shape());
        assertArrayEquals(new byte[] {10, 0, 20, (byte) 255, 30, 0}, s.pixels());
    }

    @Test
    void sixteenBitGreyPngKeepsTheHighByte() throws Exception {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setSample(0, 0, 0, 0xABCD);
        img.getRaster().setSample(1, 0, 0, 0x0102);
        Path root = tmp.resolve("ds");
        TestFiles.write(root.resolve("train/k/a.png"), TestFiles.encode(img, "png"));
        ImageSet s = folder(root, null).read("train", null);
        assertEquals("1x1x2", s.shape());
        assertArrayEquals(new byte[] {(byte) 0xAB, 0x01}, s.pixels());
    }

    @Test
    void ignoresOtherFilesButRejectsUndecodableImages() throws Exception {
        Path root = tmp.resolve("ds");
        TestFiles.tree(root, layout("", 2, 2, false));
        Files.writeString(root.resolve("train/a/notes.txt"), "not an image");
        Files.writeString(root.resolve("train/a/.DS_Store"), "junk");
        Files.writeString(root.resolve("train/LICENSE"), "loose file");
        assertEquals(6, folder(root, null).read("train", null).n());

        Path bad = root.resolve("train/b/broken.jpg");
        Files.writeString(bad, "<html>404</html>");
        DatasetException e = assertThrows(DatasetException.class, () -> folder(root, null).read("train", null));
        assertTrue(e.getMessage().startsWith(bad + ": not a decodable image"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void truncatedPngIsAnErrorNamingTheFile() throws Exception {
        Path root = tmp.resolve("ds");
        TestFiles.tree(root, layout("", 2, 2, false));
        byte[] png = TestFiles.png(1, 2, 2, false);
        Path bad = TestFiles.write(root.resolve("train/c/1.png"), java.util.Arrays.copyOf(png, png.length / 2));
        DatasetException e = assertThrows(DatasetException.class, () -> folder(root, null).read("train", null));
        assertTrue(e.getMessage().startsWith(bad + ": not a decodable image"), e.getMessage());
    }

    @Test
    void emptyClassFolder() throws Exception {
        Path root = tmp.resolve("ds");
        TestFiles.tree(root, layout("", 2, 2, false));
        Files.createDirectories(root.resolve("train/d"));
        Files.writeString(root.resolve("train/d/readme.txt"), "no images here");
        DatasetException e = assertThrows(DatasetException.class, () -> folder(root, null).read("train", null));
        assertEquals(root.resolve("train/d") + ": empty class folder (no .jpg, .jpeg or .png files)", e.getMessage());
    }

    @Test
    void emptyClassFolderInZip() throws Exception {
        Map<String, byte[]> entries = layout("", 2, 2, false);
        entries.put("train/d/", new byte[0]);
        Path zip = TestFiles.zip(tmp.resolve("z.zip"), entries, false);
        DatasetException e = assertThrows(DatasetException.class, () -> folder(zip, null).read("train", null));
        assertEquals(zip + "!/train/d/: empty class folder (no .jpg, .jpeg or .png files)", e.getMessage());
    }

    @Test
    void mixedSizesNameTheOddFile() throws Exception {
        Path root = tmp.resolve("ds");
        TestFiles.tree(root, layout("", 4, 4, false));
        Path odd = TestFiles.write(root.resolve("train/b/img1.png"), TestFiles.png(0, 4, 5, false));
        DatasetException e = assertThrows(DatasetException.class, () -> folder(root, null).read("train", null));
        assertEquals(odd + ": image is 3x4x5 (RGB) but " + root.resolve("train/a/img0.png")
                + " is 3x4x4 (RGB); all images must have the same size and channels", e.getMessage());
    }

    @Test
    void mixedChannelsNameTheOddFile() throws Exception {
        Path root = tmp.resolve("ds");
        TestFiles.tree(root, layout("", 4, 4, false));
        Path odd = TestFiles.write(root.resolve("train/c/img0.png"), TestFiles.png(0, 4, 4, true));
        DatasetException e = assertThrows(DatasetException.class, () -> folder(root, null).read("train", null));
        assertTrue(e.getMessage().startsWith(odd + ": image is 1x4x4 (grey) but "), e.getMessage());
    }

    @Test
    void testSplitMustHaveTheSameClasses() throws Exception {
        Path root = tmp.resolve("ds");
        TestFiles.tree(root, layout("", 2, 2, false));
        TestFiles.write(root.resolve("test/z/0.png"), TestFiles.png(0, 2, 2, false));
        DatasetException e = assertThrows(DatasetException.class, () -> folder(root, null).load());
        assertEquals(root.resolve("test") + ": class folders differ from the other split; unexpected [z]", e.getMessage());
    }

    @Test
    void missingSplitFolder() throws Exception {
        Path root = tmp.resolve("ds");
        TestFiles.tree(root, layout("", 2, 2, false));
        DatasetException e = assertThrows(DatasetException.class, () -> folder(root, null).read("val", null));
        assertTrue(e.getMessage().startsWith(root.resolve("val") + ": no such folder"), e.getMessage());
    }

    @Test
    void notAZip() throws Exception {
        Path f = TestFiles.write(tmp.resolve("x.zip"), new byte[] {1, 2, 3});
        DatasetException e = assertThrows(DatasetException.class, () -> folder(f, null).load());
        assertTrue(e.getMessage().startsWith(f + ": not a readable zip file"), e.getMessage());
    }

    /**
     * Found by the fuzzer in CI: java.util.zip validates entry names when it opens an archive but not entry
     * comments, and decoding a comment that is not UTF-8 throws IllegalArgumentException("malformed input")
     * while the entries are listed.
     */
    @Test
    void zipEntryCommentNotUtf8() throws Exception {
        Map<String, byte[]> entries = layout("", 2, 2, false);
        Path zip = tmp.resolve("c.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                java.util.zip.ZipEntry ze = new java.util.zip.ZipEntry(e.getKey());
                ze.setComment("cccc");
                out.putNextEntry(ze);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        byte[] b = Files.readAllBytes(zip);
        int patched = 0;
        for (int i = 0; i + 4 <= b.length; i++) {
            if (b[i] == 'c' && b[i + 1] == 'c' && b[i + 2] == 'c' && b[i + 3] == 'c') {
                b[i] = (byte) 0xF4; // F4 90 80 80 would be U+110000, beyond Unicode: malformed UTF-8
                b[i + 1] = (byte) 0x90;
                b[i + 2] = (byte) 0x80;
                b[i + 3] = (byte) 0x80;
                patched++;
            }
        }
        assertEquals(entries.size(), patched, "one comment per central-directory entry");
        Files.write(zip, b);
        DatasetException e = assertThrows(DatasetException.class, () -> folder(zip, null).load());
        assertTrue(e.getMessage().startsWith(zip + ": malformed zip (malformed input"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void cacheIsWrittenThenUsed() throws Exception {
        Path zip = TestFiles.zip(tmp.resolve("s.zip"), layout("d/", 3, 3, false), true);
        Path cache = tmp.resolve("cache");
        TrainTest first = folder(zip, cache).load();
        long decodes = log.stream().filter(s -> s.startsWith("decoded")).count();
        assertEquals(2, decodes, log.toString());
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(2, files.filter(p -> p.toString().endsWith(".imgcache")).count());
        }
        log.clear();
        TrainTest second = folder(zip, cache).load();
        assertTrue(log.isEmpty(), log.toString());
        assertArrayEquals(first.train().pixels(), second.train().pixels());
        assertArrayEquals(first.train().labels(), second.train().labels());
        assertEquals(first.train().classNames(), second.train().classNames());
        assertLayout(second, 3, 3, 3);
    }

    @Test
    void corruptCacheIsIgnoredWithAWarningAndRebuilt() throws Exception {
        Path root = tmp.resolve("ds");
        TestFiles.tree(root, layout("", 3, 3, false));
        Path cache = tmp.resolve("cache");
        folder(root, cache).read("train", null);
        Path file;
        try (Stream<Path> files = Files.list(cache)) {
            file = files.filter(p -> p.toString().endsWith(".imgcache")).findFirst().orElseThrow();
        }
        byte[] b = Files.readAllBytes(file);
        b[b.length - 20] ^= 0x5a; // a pixel byte: only the CRC can tell
        Files.write(file, b);
        log.clear();
        ImageSet s = folder(root, cache).read("train", null);
        assertTrue(log.get(0).startsWith("warning: ignoring decoded-image cache " + file + ": checksum mismatch"), log.toString());
        assertEquals(TestFiles.sample(20, 2, 8), s.pixel(5, 2, 2, 2));
        // rebuilt: the next read is silent
        log.clear();
        folder(root, cache).read("train", null);
        assertTrue(log.isEmpty(), log.toString());
    }

    @Test
    void changedSourceMissesTheCache() throws Exception {
        Path root = tmp.resolve("ds");
        TestFiles.tree(root, layout("", 3, 3, false));
        Path cache = tmp.resolve("cache");
        folder(root, cache).read("train", null);
        Path changed = root.resolve("train/a/img0.png");
        Files.write(changed, TestFiles.png(99, 3, 3, false));
        Files.setLastModifiedTime(changed, java.nio.file.attribute.FileTime.fromMillis(12345));
        ImageSet s = folder(root, cache).read("train", null);
        assertEquals(TestFiles.sample(99, 0, 0), s.pixel(0, 0, 0, 0));
    }
}
