package dev.spinnet.validation.pipeline;

/**
 * Figures of the published all-spin CNN that the report compares against (literature values, the only numbers in
 * the report that the run does not measure).
 */
public final class Published {
    /** Source, as cited in the report. */
    public static final String SOURCE = "published all-spin CNN (ferrimagnetic CeLU neurons, linear symmetric synapses)";
    /** MNIST test accuracy: more than this, percent. */
    public static final double MNIST_ACCURACY_PERCENT = 98.0;
    /** CIFAR-10 test accuracy: more than this, percent. */
    public static final double CIFAR10_ACCURACY_PERCENT = 91.0;
    /** Gain over the earlier best spintronic network on MNIST, percentage points. */
    public static final double MNIST_GAIN_POINTS = 1.76;
    /** Gain over the earlier best spintronic network on CIFAR-10, percentage points. */
    public static final double CIFAR10_GAIN_POINTS = 1.13;

    private Published() {
    }

    public static double accuracy(String dataset) {
        return dataset.equals("mnist") ? MNIST_ACCURACY_PERCENT : CIFAR10_ACCURACY_PERCENT;
    }

    public static double gain(String dataset) {
        return dataset.equals("mnist") ? MNIST_GAIN_POINTS : CIFAR10_GAIN_POINTS;
    }
}
