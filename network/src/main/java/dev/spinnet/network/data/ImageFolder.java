package dev.spinnet.network.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reader for the "image folder" layout {@code root/<split>/<class>/*.{jpg,jpeg,png}}, from a
 * directory or straight from a zip file (entries are read in memory, nothing is unpacked; inside a
 * zip, {@code <split>} may sit under a common folder such as {@code cifar10/}).
 *
 * <p>Labels follow the class order: the canonical CIFAR-10 order when the class folders are
 * exactly the ten CIFAR-10 classes (so labels agree with the binary distribution), otherwise
 * alphabetical. Within a class, files are taken in name order. Files with other extensions and
 * hidden files are ignored; a file with an image extension that does not decode is an error.
 *
 * <p>Decoding runs on several threads and the result can be cached (see {@link ImageSetCache}),
 * because decoding 60,000 JPEGs takes seconds while reading the cache takes a fraction of that.
 */
public final class ImageFolder {
    static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png");
    /** Images per work unit handed to a decoding thread; small enough to balance, big enough to be cheap. */
    private static final int CHUNK = 256;

    private final Path source;
    private final ImageSetCache cache;
    private final int threads;
    private final Consumer<String> log;

    /** A folder reader without cache, decoding on up to 2 threads, logging to stderr. */
    public ImageFolder(Path source) {
        this(source, null, defaultThreads(), System.err::println);
    }

    /**
     * @param source a directory holding {@code <split>/} folders, or a zip file
     * @param cacheDir where decoded sets are cached; null for no cache
     * @param threads decoding threads (at least 1)
     * @param log receives one-line notes and warnings
     */
    public ImageFolder(Path source, Path cacheDir, int threads, Consumer<String> log) {
        this.source = source;
        this.cache = cacheDir == null ? null : new ImageSetCache(cacheDir, log);
        this.threads = Math.max(1, threads);
        this.log = log;
    }

    /** Decoding threads used unless told otherwise: the available cores, at most 2 (shared machines). */
    public static int defaultThreads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /** True if {@code dir} is a directory with {@code train/} and {@code test/} subfolders. */
    public static boolean isImageFolder(Path dir) {
        return Files.isDirectory(dir.resolve("train")) && Files.isDirectory(dir.resolve("test"));
    }

    /** Canonical CIFAR-10 order if {@code names} are exactly its classes, else alphabetical. */
    public static List<String> classOrder(Collection<String> names) {
        if (new HashSet<>(names).equals(new HashSet<>(CifarBinary.CLASS_NAMES))) {
            return CifarBinary.CLASS_NAMES;
        }
        return List.copyOf(new TreeSet<>(names));
    }

    /** Reads the {@code train} split, then {@code test} with the same classes. */
    public TrainTest load() {
        checkLayout();
        ImageSet train = read("train", null);
        ImageSet test = read("test", train.classNames());
        String kind = isZip() ? "JPEG/PNG image folders in a zip" : "JPEG/PNG image folders";
        return new TrainTest(train, test, source + " (" + kind + ")");
    }

    /**
     * Lists both splits before anything is decoded, so that a bad test split (missing, empty or different
     * class folders) is reported at once, and not after the train split was decoded and cached.
     */
    private void checkLayout() {
        try (Listing listing = isZip() ? new ZipListing(source) : new DirListing(source)) {
            Set<String> train = listing.list("train").keySet();
            orderClasses(listing, "test", listing.list("test").keySet(), classOrder(train));
        } catch (IOException e) {
            throw new DatasetException(source, "could not read (" + DatasetException.reason(e) + ")");
        }
    }

    /**
     * Reads one split.
     *
     * @param expectedClasses if non-null, the split's class folders must be exactly these, and
     *     labels follow this order (so test labels match train labels)
     */
    public ImageSet read(String split, List<String> expectedClasses) {
        try (Listing listing = isZip() ? new ZipListing(source) : new DirListing(source)) {
            Map<String, List<String>> byClass = listing.list(split);
            List<String> classes = orderClasses(listing, split, byClass.keySet(), expectedClasses);
            List<String> items = new ArrayList<>();
            int[] labels = labelsInOrder(classes, byClass, items);
            Path cacheFile = null;
            if (cache != null) {
                cacheFile = cache.fileFor(source.getFileName() + "-" + split,
                        listing.identity(split) + "\nclasses=" + classes);
                ImageSet cached = cache.load(cacheFile);
                if (cached != null && java.util.Arrays.equals(cached.labels(), labels)
                        && cached.classNames().equals(classes)) {
                    return cached;
                }
                if (cached != null) {
                    log.accept("warning: decoded-image cache " + cacheFile + " does not match " + source
                            + "; rebuilding it");
                }
            }
            long t0 = System.nanoTime();
            ImageSet set = decodeAll(listing, items, labels, classes);
            if (cache != null) {
                log.accept(String.format(Locale.ROOT, "decoded %d images of %s/%s in %.1f s; caching them in %s",
                        set.n(), source.getFileName(), split, (System.nanoTime() - t0) / 1e9, cacheFile));
                cache.store(cacheFile, set);
            }
            return set;
        } catch (IOException e) {
            throw new DatasetException(source, "could not read (" + DatasetException.reason(e) + ")");
        }
    }

    private boolean isZip() {
        return Files.isRegularFile(source);
    }

    private static List<String> orderClasses(Listing listing, String split, Set<String> found,
            List<String> expected) {
        if (found.isEmpty()) {
            throw new DatasetException(listing.describe(split), "no class folders (expected "
                    + split + "/<class>/*.jpg|jpeg|png)");
        }
        if (expected == null) {
            return classOrder(found);
        }
        if (!found.equals(new HashSet<>(expected))) {
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(found);
            Set<String> extra = new TreeSet<>(found);
            extra.removeAll(expected);
            throw new DatasetException(listing.describe(split), "class folders differ from the other split"
                    + (missing.isEmpty() ? "" : "; missing " + missing) + (extra.isEmpty() ? "" : "; unexpected " + extra));
        }
        return expected;
    }

    private static int[] labelsInOrder(List<String> classes, Map<String, List<String>> byClass, List<String> items) {
        List<Integer> labels = new ArrayList<>();
        for (int label = 0; label < classes.size(); label++) {
            for (String item : byClass.get(classes.get(label))) {
                items.add(item);
                labels.add(label);
            }
        }
        return labels.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Decodes all items in parallel into one pixel array; the first image fixes the shape. */
    private ImageSet decodeAll(Listing listing, List<String> items, int[] labels, List<String> classes)
            throws IOException {
        int n = items.size();
        ImageDecoder.Decoded first;
        try (ImageDecoder decoder = new ImageDecoder()) {
            first = decodeOne(listing, decoder, items.get(0));
        }
        long size = first.samples().length;
        if (size * n > Integer.MAX_VALUE - 16) {
            throw new DatasetException(listing.describe(items.get(0)), n + " images of " + first.shape()
                    + " do not fit in one array");
        }
        byte[] pixels = new byte[(int) size * n];
        System.arraycopy(first.samples(), 0, pixels, 0, (int) size);

        AtomicInteger nextChunk = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        int chunks = (n - 1 + CHUNK - 1) / CHUNK;
        Runnable worker = () -> {
            try (ImageDecoder decoder = new ImageDecoder()) {
                for (int c; !failed.get() && (c = nextChunk.getAndIncrement()) < chunks; ) {
                    int from = 1 + c * CHUNK;
                    int to = Math.min(n, from + CHUNK);
                    for (int i = from; i < to; i++) {
                        ImageDecoder.Decoded d = decodeOne(listing, decoder, items.get(i));
                        if (d.channels() != first.channels() || d.height() != first.height()
                                || d.width() != first.width()) {
                            throw new DatasetException(listing.describe(items.get(i)), "image is " + d.shape()
                                    + " but " + listing.describe(items.get(0)) + " is " + first.shape()
                                    + "; all images must have the same size and channels");
                        }
                        System.arraycopy(d.samples(), 0, pixels, (int) (i * size), (int) size);
                    }
                }
            } catch (RuntimeException e) {
                failed.set(true);
                throw e;
            }
        };
        int workers = Math.min(threads, Math.max(1, chunks));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "image-decode");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < workers; t++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DatasetException(source, "interrupted while decoding images");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new ImageSet(first.channels(), first.height(), first.width(), pixels, labels, classes);
    }

    private static ImageDecoder.Decoded decodeOne(Listing listing, ImageDecoder decoder, String item) {
        byte[] bytes;
        try {
            bytes = listing.read(item);
        } catch (IOException e) {
            throw new DatasetException(listing.describe(item), "could not read (" + DatasetException.reason(e) + ")");
        }
        try {
            return decoder.decode(bytes);
        } catch (IOException e) {
            throw new DatasetException(listing.describe(item), "not a decodable image ("
                    + DatasetException.reason(e) + ")");
        }
    }

    /** Largest image file read, bytes: a dataset image is kilobytes; this stops a zip bomb's entry. */
    static final int MAX_FILE_BYTES = 64 << 20;

    /** Reads a whole image file, refusing one over {@link #MAX_FILE_BYTES} before holding it in memory. */
    static byte[] readBounded(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_FILE_BYTES + 1);
        if (b.length > MAX_FILE_BYTES) {
            throw new IOException("file larger than " + (MAX_FILE_BYTES >> 20) + " MiB, not a dataset image");
        }
        return b;
    }

    static boolean isImageName(String name) {
        if (name.startsWith(".")) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The files of a split, from a directory tree or a zip. Items are opaque keys for read(). */
    private interface Listing extends AutoCloseable {
        /** Class folder name -> image items in name order; a class folder with no images is an error. */
        Map<String, List<String>> list(String split) throws IOException;

        byte[] read(String item) throws IOException;

        /** How to name an item (or split) in messages. */
        String describe(String item);

        /** Everything the decoded content depends on, for the cache key. */
        String identity(String split) throws IOException;

        @Override
        void close() throws IOException;
    }

    private static final class DirListing implements Listing {
        private final Path root;
        private final StringBuilder identity = new StringBuilder();

        DirListing(Path root) {
            this.root = root;
        }

        @Override
        public Map<String, List<String>> list(String split) throws IOException {
            Path splitDir = root.resolve(split);
            if (!Files.isDirectory(splitDir)) {
                throw new DatasetException(splitDir, "no such folder (expected " + split + "/<class>/*.jpg|jpeg|png)");
            }
            Map<String, List<String>> byClass = new TreeMap<>();
            identity.setLength(0);
            identity.append("dir=").append(splitDir.toAbsolutePath().normalize()).append('\n');
            // One walk gives names, sizes and mtimes: the listing and the cache key together.
            Files.walkFileTree(splitDir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), 2, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(splitDir)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = dir.getFileName().toString();
                    if (name.startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    // Registered before its files so that an empty class folder is noticed.
                    byClass.computeIfAbsent(name, k -> new ArrayList<>());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Path rel = splitDir.relativize(file);
                    if (rel.getNameCount() != 2) {
                        return FileVisitResult.CONTINUE; // loose files next to class folders: ignored
                    }
                    List<String> files = byClass.get(rel.getName(0).toString());
                    if (files != null && attrs.isRegularFile() && isImageName(file.getFileName().toString())) {
                        files.add(root.relativize(file).toString());
                        identity.append(rel).append(' ').append(attrs.size()).append(' ')
                                .append(attrs.lastModifiedTime().toMillis()).append('\n');
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            for (Map.Entry<String, List<String>> e : byClass.entrySet()) {
                if (e.getValue().isEmpty()) {
                    throw new DatasetException(splitDir.resolve(e.getKey()), "empty class folder (no .jpg, .jpeg or .png files)");
                }
                e.getValue().sort(null);
            }
            return byClass;
        }

        @Override
        public byte[] read(String item) throws IOException {
            try (InputStream in = Files.newInputStream(root.resolve(item))) {
                return readBounded(in);
            }
        }

        @Override
        public String describe(String item) {
            return root.resolve(item).toString();
        }

        @Override
        public String identity(String split) {
            return identity.toString();
        }

        @Override
        public void close() {
        }
    }

    private static final class ZipListing implements Listing {
        private final Path zipPath;
        private final ZipFile zip;
        private String prefix = "";

        ZipListing(Path zipPath) throws IOException {
            this.zipPath = zipPath;
            try {
                this.zip = new ZipFile(zipPath.toFile());
            } catch (IOException e) {
                throw new DatasetException(zipPath, "not a readable zip file (" + DatasetException.reason(e) + ")");
            } catch (RuntimeException e) {
                throw malformed(e);
            }
        }

        /**
         * java.util.zip reports some corrupt archives with unchecked exceptions (an entry name that is not
         * UTF-8 gives IllegalArgumentException "malformed input"), which must still end as one line.
         */
        private DatasetException malformed(RuntimeException e) {
            return e instanceof DatasetException d ? d
                    : new DatasetException(zipPath, "malformed zip (" + DatasetException.reason(e) + ")", e);
        }

        @Override
        public Map<String, List<String>> list(String split) {
            try {
                return listEntries(split);
            } catch (RuntimeException e) {
                throw malformed(e);
            }
        }

        private Map<String, List<String>> listEntries(String split) {
            Map<String, List<String>> byClass = new TreeMap<>();
            Set<String> prefixes = new TreeSet<>();
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                String[] parts = e.getName().split("/");
                if (isIgnored(parts)) {
                    continue;
                }
                // A directory entry "p/split/cls/" declares a (possibly empty) class folder.
                int splitAt = e.isDirectory() ? parts.length - 2 : parts.length - 3;
                if (splitAt < 0 || !parts[splitAt].equals(split)) {
                    continue;
                }
                String pre = String.join("/", java.util.Arrays.asList(parts).subList(0, splitAt));
                prefixes.add(pre);
                List<String> files = byClass.computeIfAbsent(parts[splitAt + 1], k -> new ArrayList<>());
                if (!e.isDirectory() && isImageName(parts[parts.length - 1])) {
                    files.add(e.getName());
                }
            }
            if (prefixes.size() > 1) {
                throw new DatasetException(zipPath, "ambiguous: '" + split + "' folders under several paths "
                        + prefixes.stream().map(p -> p.isEmpty() ? "(top level)" : p + "/").toList());
            }
            prefix = prefixes.isEmpty() ? "" : prefixes.iterator().next();
            if (byClass.isEmpty()) {
                throw new DatasetException(zipPath, "no " + split + "/<class>/*.jpg|jpeg|png entries");
            }
            for (Map.Entry<String, List<String>> e : byClass.entrySet()) {
                if (e.getValue().isEmpty()) {
                    throw new DatasetException(describe((prefix.isEmpty() ? "" : prefix + "/") + split + "/" + e.getKey() + "/"),
                            "empty class folder (no .jpg, .jpeg or .png files)");
                }
                e.getValue().sort(null);
            }
            return byClass;
        }

        private static boolean isIgnored(String[] parts) {
            for (String p : parts) {
                if (p.startsWith(".") || p.equals("__MACOSX") || p.isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public byte[] read(String item) throws IOException {
            // ZipFile is safe to read from several threads (it synchronizes internally).
            try {
                ZipEntry e = zip.getEntry(item);
                try (InputStream in = zip.getInputStream(e)) {
                    return readBounded(in);
                }
            } catch (RuntimeException e) {
                throw new IOException("malformed zip entry (" + DatasetException.reason(e) + ")", e);
            }
        }

        @Override
        public String describe(String item) {
            return zipPath + "!/" + item;
        }

        @Override
        public String identity(String split) throws IOException {
            Path abs = zipPath.toAbsolutePath().normalize();
            return "zip=" + abs + "\nsize=" + Files.size(abs) + "\nmtime="
                    + Files.getLastModifiedTime(abs).toMillis() + "\nsplit=" + prefix + "/" + split;
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
