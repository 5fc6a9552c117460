package dev.spinnet.network.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLocatorTest {
    @TempDir
    Path tmp;

    /** tmp/work/project is the project root, tmp/work/shared/datasets the shared folder. */
    private Path project() {
        return tmp.resolve("work/project");
    }

    private Path shared() {
        return tmp.resolve("work/shared/datasets");
    }

    @Test
    void searchOrderWithoutOverride() {
        Path env = tmp.resolve("env");
        DataLocator loc = new DataLocator(null, env.toString(), project());
        List<DataLocator.Root> roots = loc.roots();
        assertEquals(List.of(env, project().resolve("data/datasets"), shared()),
                roots.stream().map(DataLocator.Root::path).toList());
        assertEquals(List.of("SPINNET_DATA", "project data/datasets", "shared datasets"),
                roots.stream().map(DataLocator.Root::origin).toList());
        assertEquals(project().resolve("data/datasets/cache"), loc.cacheDir());
    }

    @Test
    void explicitDataIsTheOnlyRoot() {
        Path data = tmp.resolve("mine");
        assertEquals(List.of(data), new DataLocator(data, "/elsewhere", project()).roots().stream()
                .map(DataLocator.Root::path).toList());
    }

    @Test
    void findsMnistInSubfolderOrRootAndPrefersEarlierRoots() throws Exception {
        TestFiles.writeMnist(shared().resolve("mnist"), 2, 2, 2, 2, true);
        DataLocator loc = new DataLocator(null, null, project());
        DataLocator.Found f = loc.locate("MNIST");
        assertEquals(shared().resolve("mnist"), f.path());
        assertEquals(DataLocator.Format.MNIST_IDX, f.format());

        TestFiles.writeMnist(project().resolve("data/datasets"), 3, 1, 2, 2, false);
        assertEquals(project().resolve("data/datasets"), loc.locate("mnist").path());

        Path explicit = tmp.resolve("x");
        TestFiles.writeMnist(explicit, 1, 1, 1, 1, false);
        assertEquals(explicit, new DataLocator(explicit, null, project()).locate("mnist").path());
    }

    @Test
    void cifarPrefersBinaryThenZipThenFolder() throws Exception {
        Path root = project().resolve("data/datasets");
        DataLocator loc = new DataLocator(null, null, project());
        TestFiles.write(root.resolve("cifar10/train/a/0.png"), TestFiles.png(0, 2, 2, false));
        TestFiles.write(root.resolve("cifar10/test/a/0.png"), TestFiles.png(0, 2, 2, false));
        assertEquals(DataLocator.Format.IMAGE_FOLDER_DIR, loc.locate("cifar10").format());

        TestFiles.write(root.resolve("cifar10-jpeg.zip"), new byte[1]);
        assertEquals(DataLocator.Format.IMAGE_FOLDER_ZIP, loc.locate("cifar-10").format());

        for (Map.Entry<String, byte[]> e : TestFiles.cifarBatches().entrySet()) {
            TestFiles.write(root.resolve("cifar10/cifar-10-batches-bin").resolve(e.getKey()), e.getValue());
        }
        DataLocator.Found f = loc.locate("CIFAR10");
        assertEquals(DataLocator.Format.CIFAR_BINARY, f.format());
        assertEquals(root.resolve("cifar10/cifar-10-batches-bin"), f.path());
    }

    @Test
    void notFoundSaysWhereItLookedAndWhatToPutWhere() {
        DataLocator loc = new DataLocator(null, null, project());
        DatasetException e = assertThrows(DatasetException.class, () -> loc.locate("mnist"));
        String m = e.getMessage();
        assertTrue(m.startsWith("mnist: not found; searched " + project().resolve("data/datasets")
                + " (project data/datasets, does not exist), " + shared() + " (shared datasets, does not exist)."), m);
        assertTrue(m.contains("Put train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz,"
                + " t10k-labels-idx1-ubyte.gz (gzipped or not) in " + project().resolve("data/datasets/mnist") + "/"), m);
        assertTrue(m.endsWith("or pass --data DIR, or set SPINNET_DATA=DIR, or run 'spinnet data fetch mnist'"), m);

        DatasetException c = assertThrows(DatasetException.class,
                () -> new DataLocator(tmp.resolve("given"), null, project()).locate("cifar10"));
        assertTrue(c.getMessage().contains("searched " + tmp.resolve("given") + " (--data, does not exist)."), c.getMessage());
        assertTrue(c.getMessage().contains("data_batch_1..5.bin"), c.getMessage());
    }

    @Test
    void unknownDataset() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> new DataLocator(null, null, project()).locate("imagenet"));
        assertEquals("imagenet: unknown dataset; known: mnist, cifar10", e.getMessage());
    }

    @Test
    void datasetsLoadUsesTheRightReaderAndCache() throws Exception {
        Path root = project().resolve("data/datasets");
        TestFiles.writeMnist(root.resolve("mnist"), 4, 2, 3, 3, true);
        DataLocator loc = new DataLocator(null, null, project());
        TrainTest m = Datasets.load(loc.locate("mnist"), loc.cacheDir(), s -> { });
        assertEquals(4, m.train().n());
        assertTrue(m.sourceDescription().startsWith("mnist from " + root.resolve("mnist")), m.sourceDescription());

        TestFiles.write(root.resolve("cifar10/train/a/0.png"), TestFiles.png(0, 2, 2, false));
        TestFiles.write(root.resolve("cifar10/test/a/0.png"), TestFiles.png(1, 2, 2, false));
        List<String> log = new ArrayList<>();
        TrainTest c = Datasets.load(loc.locate("cifar10"), loc.cacheDir(), log::add);
        assertEquals(1, c.test().n());
        assertTrue(c.sourceDescription().contains("[project data/datasets]"), c.sourceDescription());
        assertTrue(java.nio.file.Files.isDirectory(loc.cacheDir()));
    }
}
