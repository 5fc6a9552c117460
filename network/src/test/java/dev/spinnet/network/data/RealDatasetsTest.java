package dev.spinnet.network.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the real datasets from {@code ../shared/datasets} when present (skipped otherwise). The
 * CIFAR-10 JPEG test decodes all 60,000 images (about 3 s on 2 cores); pass
 * {@code -Dspinnet.skipSlowTests=true} to skip it.
 */
class RealDatasetsTest {
    /** Class sizes of the canonical MNIST, by digit. */
    private static final int[] MNIST_TRAIN_COUNTS = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
    private static final int[] MNIST_TEST_COUNTS = {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};

    private static Path shared() {
        // Tests run with the module as working directory; the project root is its parent.
        Path project = Path.of("").toAbsolutePath().getParent();
        return project.resolve("../shared/datasets").normalize();
    }

    @Test
    void realMnistLoadsFast() {
        Path dir = shared().resolve("mnist");
        assumeTrue(MnistIdx.isPresent(dir), "no MNIST at " + dir);
        long t0 = System.nanoTime();
        TrainTest tt = MnistIdx.load(dir);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "MNIST load: %.2f s%n", seconds);
        assertEquals(60000, tt.train().n());
        assertEquals(10000, tt.test().n());
        assertEquals("1x28x28", tt.train().shape());
        int[] train = tt.train().classCounts();
        int[] test = tt.test().classCounts();
        assertEquals(60000, Arrays.stream(train).sum());
        assertEquals(10000, Arrays.stream(test).sum());
        assertArrayEquals(MNIST_TRAIN_COUNTS, train);
        assertArrayEquals(MNIST_TEST_COUNTS, test);
        assertEquals(0.1307, tt.train().channelStats().mean()[0], 1e-4); // the well-known MNIST mean
        assertTrue(seconds < 5, "MNIST took " + seconds + " s");
    }

    @Test
    void realMnistThroughDatasetsLoad() {
        assumeTrue(MnistIdx.isPresent(shared().resolve("mnist")), "no MNIST in " + shared());
        TrainTest tt = Datasets.load("mnist", shared());
        assertEquals(60000, tt.train().n());
        assertTrue(tt.sourceDescription().startsWith("mnist from " + shared().resolve("mnist")), tt.sourceDescription());
    }

    @Test
    void realCifarJpegColdAndCached(@TempDir Path cache) {
        assumeTrue(!Boolean.getBoolean("spinnet.skipSlowTests"), "-Dspinnet.skipSlowTests=true");
        Path zip = shared().resolve("cifar10-jpeg.zip");
        assumeTrue(Files.isRegularFile(zip), "no " + zip);
        long t0 = System.nanoTime();
        TrainTest cold = new ImageFolder(zip, cache, ImageFolder.defaultThreads(), System.out::println).load();
        long t1 = System.nanoTime();
        TrainTest warm = new ImageFolder(zip, cache, ImageFolder.defaultThreads(), System.out::println).load();
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "CIFAR-10 JPEG: cold decode %.1f s, from cache %.2f s (%d threads)%n",
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, ImageFolder.defaultThreads());
        assertEquals(50000, cold.train().n());
        assertEquals(10000, cold.test().n());
        assertEquals("3x32x32", cold.train().shape());
        assertEquals(CifarBinary.CLASS_NAMES, cold.train().classNames());
        int[] counts = cold.train().classCounts();
        for (int c : counts) {
            assertEquals(5000, c);
        }
        assertArrayEquals(cold.train().pixels(), warm.train().pixels());
        assertArrayEquals(cold.test().labels(), warm.test().labels());
        System.out.println("CIFAR-10 train stats: " + cold.train().channelStats());
    }
}
