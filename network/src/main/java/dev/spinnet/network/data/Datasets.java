package dev.spinnet.network.data;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Entry point: locate a dataset by name and load both splits. */
public final class Datasets {
    private Datasets() {
    }

    /**
     * Loads "mnist" or "cifar10" from the first root that has it (see {@link DataLocator}),
     * caching decoded JPEGs under {@code <projectRoot>/data/datasets/cache/}.
     *
     * @param dataOverride the {@code --data DIR} option, or null
     * @throws DatasetException with a one-line message naming the file and the problem
     */
    public static TrainTest load(String name, Path dataOverride) {
        DataLocator locator = new DataLocator(dataOverride);
        return load(locator.locate(name), locator.cacheDir(), System.err::println);
    }

    /** Loads a located dataset; {@code cacheDir} null disables the decoded-image cache. */
    public static TrainTest load(DataLocator.Found found, Path cacheDir, Consumer<String> log) {
        TrainTest tt = switch (found.format()) {
            case MNIST_IDX -> MnistIdx.load(found.path());
            case CIFAR_BINARY -> CifarBinary.load(found.path());
            case IMAGE_FOLDER_ZIP, IMAGE_FOLDER_DIR ->
                    new ImageFolder(found.path(), cacheDir, ImageFolder.defaultThreads(), log).load();
        };
        String description = found.dataset() + " from " + tt.sourceDescription().replaceFirst("^" + found.dataset() + " from ", "")
                + " [" + found.root().origin() + "]";
        return new TrainTest(tt.train(), tt.test(), description);
    }
}
