package dev.spinnet.network.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Finds a dataset on disk. Roots are searched in this order:
 * <ol>
 *   <li>{@code --data DIR}, if given; it is then the only root, because a dataset missing from an
 *       explicitly named folder should be an error, not silently replaced by another copy;
 *   <li>the {@code SPINNET_DATA} environment variable;
 *   <li>{@code <projectRoot>/data/datasets} (git-ignored; where {@link DataFetch} downloads to);
 *   <li>{@code <projectRoot>/../shared/datasets} (the offline copies on shared machines).
 * </ol>
 * The project root is the system property {@code spinnet.home}, else the current directory.
 *
 * <p>Within a root, "mnist" is {@code mnist/} or the root itself holding the four IDX files;
 * "cifar10" is, in order of preference, the canonical binary batches ({@code cifar-10-batches-bin/}
 * or {@code cifar10/cifar-10-batches-bin/}, or the batch files in the root itself),
 * {@code cifar10-jpeg.zip}, or a folder {@code cifar10/} with {@code train/} and {@code test/}
 * class folders.
 */
public final class DataLocator {
    public static final String ENV = "SPINNET_DATA";
    public static final String HOME_PROPERTY = "spinnet.home";

    /** How a found dataset is stored, which decides the reader. */
    public enum Format { MNIST_IDX, CIFAR_BINARY, IMAGE_FOLDER_ZIP, IMAGE_FOLDER_DIR }

    /** A root folder to search and where it came from (for messages). */
    public record Root(Path path, String origin) {
        @Override
        public String toString() {
            return path + " (" + origin + (Files.isDirectory(path) ? "" : ", does not exist") + ")";
        }
    }

    /** A dataset found on disk: {@code path} is what the reader for {@code format} takes. */
    public record Found(String dataset, Format format, Path path, Root root) {
    }

    private final Path dataOverride;
    private final String env;
    private final Path projectRoot;

    /** Uses the real environment and system properties. */
    public DataLocator(Path dataOverride) {
        this(dataOverride, System.getenv(ENV), defaultProjectRoot());
    }

    /** For tests and embedding: everything explicit ({@code env} may be null or blank). */
    public DataLocator(Path dataOverride, String env, Path projectRoot) {
        this.dataOverride = dataOverride;
        this.env = env;
        this.projectRoot = projectRoot;
    }

    /** {@code spinnet.home} if set, else the current directory. */
    public static Path defaultProjectRoot() {
        String home = System.getProperty(HOME_PROPERTY);
        return Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath().normalize();
    }

    public Path projectRoot() {
        return projectRoot;
    }

    /** {@code <projectRoot>/data/datasets}: where downloads go. */
    public Path downloadRoot() {
        return projectRoot.resolve("data").resolve("datasets");
    }

    /** {@code <projectRoot>/data/datasets/cache}: where decoded image sets are cached. */
    public Path cacheDir() {
        return downloadRoot().resolve("cache");
    }

    /** The roots to search, in order. */
    public List<Root> roots() {
        List<Root> roots = new ArrayList<>();
        if (dataOverride != null) {
            roots.add(new Root(dataOverride.toAbsolutePath().normalize(), "--data"));
            return roots;
        }
        if (env != null && !env.isBlank()) {
            roots.add(new Root(Path.of(env).toAbsolutePath().normalize(), ENV));
        }
        roots.add(new Root(downloadRoot(), "project data/datasets"));
        roots.add(new Root(projectRoot.resolve("..").resolve("shared").resolve("datasets").normalize(),
                "shared datasets"));
        return roots;
    }

    /** Canonical dataset name ("mnist", "cifar10") for user spellings such as "CIFAR-10". */
    public static String canonicalName(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (n) {
            case "mnist" -> "mnist";
            case "cifar10" -> "cifar10";
            default -> throw new DatasetException(String.valueOf(name), "unknown dataset; known: mnist, cifar10");
        };
    }

    /**
     * Finds the dataset in the first root that has it.
     *
     * @throws DatasetException listing every path searched and what to put where
     */
    public Found locate(String name) {
        String dataset = canonicalName(name);
        List<Root> roots = roots();
        for (Root root : roots) {
            Found f = dataset.equals("mnist") ? findMnist(root) : findCifar10(root);
            if (f != null) {
                return f;
            }
        }
        String searched = roots.stream().map(Root::toString).collect(Collectors.joining(", "));
        Path dest = (dataOverride != null ? roots.get(0).path() : downloadRoot()).resolve(dataset);
        String what = dataset.equals("mnist")
                ? String.join(", ", MnistIdx.BASE_NAMES.stream().map(b -> b + ".gz").toList())
                        + " (gzipped or not) in " + dest + "/"
                : "the canonical binary batches (cifar-10-batches-bin/ with data_batch_1..5.bin and test_batch.bin,"
                        + " from cifar-10-binary.tar.gz) in " + dest + "/, or cifar10-jpeg.zip in "
                        + dest.getParent() + "/";
        throw new DatasetException(dataset, "not found; searched " + searched + ". Put " + what
                + (dataOverride != null ? "" : ", or pass --data DIR, or set " + ENV + "=DIR, or run 'spinnet data fetch "
                + dataset + "'"));
    }

    private static Found findMnist(Root root) {
        for (Path dir : List.of(root.path().resolve("mnist"), root.path())) {
            if (MnistIdx.isPresent(dir)) {
                return new Found("mnist", Format.MNIST_IDX, dir, root);
            }
        }
        return null;
    }

    private static Found findCifar10(Root root) {
        Path r = root.path();
        Path sub = r.resolve("cifar10");
        for (Path dir : List.of(r, sub)) {
            Path batches = CifarBinary.findBatchDir(dir);
            if (batches != null) {
                return new Found("cifar10", Format.CIFAR_BINARY, batches, root);
            }
        }
        for (Path zip : List.of(r.resolve("cifar10-jpeg.zip"), sub.resolve("cifar10-jpeg.zip"))) {
            if (Files.isRegularFile(zip)) {
                return new Found("cifar10", Format.IMAGE_FOLDER_ZIP, zip, root);
            }
        }
        if (ImageFolder.isImageFolder(sub)) {
            return new Found("cifar10", Format.IMAGE_FOLDER_DIR, sub, root);
        }
        return null;
    }
}
