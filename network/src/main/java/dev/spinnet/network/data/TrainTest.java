package dev.spinnet.network.data;

import java.util.Objects;

/**
 * The two splits of a dataset plus a human-readable note of where they came from (for logs and
 * run reports, e.g. "cifar10 from /data/cifar10-jpeg.zip (JPEG image folders, cached)").
 */
public record TrainTest(ImageSet train, ImageSet test, String sourceDescription) {
    public TrainTest {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(sourceDescription, "sourceDescription");
        if (train.channels() != test.channels() || train.height() != test.height()
                || train.width() != test.width()) {
            throw new DatasetException(sourceDescription, "train images are " + train.shape()
                    + " but test images are " + test.shape());
        }
        if (!train.classNames().equals(test.classNames())) {
            throw new DatasetException(sourceDescription, "train classes " + train.classNames()
                    + " differ from test classes " + test.classNames());
        }
    }
}
