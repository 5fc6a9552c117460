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
 * Without network access the error says which files to put where instead.
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

    private final Path downloadRoot;
    private final List<URI> mnistMirrors;
    private final Map<String, String> mnistSha256;
    private final URI cifarUrl;
    private final String cifarMd5;
    private final HttpClient http;
    private final Consumer<String> log;

    /** Canonical sources, downloading into {@code downloadRoot} (normally {@code data/datasets}). */
    public DataFetch(Path downloadRoot) {
        this(downloadRoot, MNIST_MIRRORS, MNIST_SHA256, CIFAR10_URL, CIFAR10_MD5, Duration.ofSeconds(10),
                System.err::println);
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

    /** Fetches "mnist" or "cifar10"; returns the folder the dataset was put in. */
    public Path fetch(String name) {
        return DataLocator.canonicalName(name).equals("mnist") ? fetchMnist() : fetchCifar10();
    }

    /** Downloads whichever of the four MNIST files are missing or damaged; returns {@code <root>/mnist}. */
    public Path fetchMnist() {
        Path dir = downloadRoot.resolve("mnist");
        for (String base : MnistIdx.BASE_NAMES) {
            String expected = mnistSha256.get(base);
            Path existing = MnistIdx.find(dir, base);
            if (existing != null && expected != null && expected.equalsIgnoreCase(sha256OrNull(existing))) {
                continue;
            }
            fetchMnistFile(dir, base, expected);
        }
        return dir;
    }

    private void fetchMnistFile(Path dir, String base, String expectedSha) {
        String file = base + ".gz";
        List<String> failures = new ArrayList<>();
        for (URI mirror : mnistMirrors) {
            URI url = mirror.resolve(file);
            Path tmp = null;
            try {
                Files.createDirectories(dir);
                tmp = Files.createTempFile(dir, file + ".", ".part");
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
                return;
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
        String all = String.join(", ", MnistIdx.BASE_NAMES.stream().map(b -> b + ".gz").toList());
        throw new DatasetException(file, "could not download: " + String.join("; ", failures) + ". Place "
                + all + " in " + dir + "/ or pass --data DIR");
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
            tmp = Files.createTempFile(dir, CIFAR10_ARCHIVE + ".", ".part");
            log.accept("downloading " + cifarUrl);
            try {
                download(cifarUrl, tmp);
            } catch (IOException e) {
                throw new DatasetException(CIFAR10_ARCHIVE, "could not download " + cifarUrl + ": "
                        + DatasetException.reason(e) + help);
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
