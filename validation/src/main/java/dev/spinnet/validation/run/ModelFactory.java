package dev.spinnet.validation.run;

import dev.spinnet.network.layer.ActivationFunction;
import dev.spinnet.network.layer.Celu;
import dev.spinnet.network.layer.Gelu;
import dev.spinnet.network.layer.Relu;
import dev.spinnet.network.train.Model;
import dev.spinnet.network.train.Models;
import dev.spinnet.network.train.TrainingData;

/** The reference network of a dataset, and activations by name. */
public final class ModelFactory {
    private ModelFactory() {
    }

    /** MNIST CNN (widths conv1, conv2, hidden) or the airbench CIFAR-10 net (three group widths). */
    public static Model build(String dataset, int[] widths, ActivationFunction fn, TrainingData train, long seed) {
        return dataset.equals("mnist") ? Models.mnist(widths[0], widths[1], widths[2], fn, seed)
                : Models.airbench(widths, fn, train, seed);
    }

    /** celu (with alpha), relu or gelu. */
    public static ActivationFunction activation(String name, float celuAlpha) {
        return switch (name) {
            case "celu" -> new Celu(celuAlpha);
            case "relu" -> new Relu();
            case "gelu" -> new Gelu();
            default -> throw new IllegalArgumentException("--activation must be celu, relu or gelu, got '" + name + "'");
        };
    }
}
