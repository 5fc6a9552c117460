package dev.spinnet.validation.cli;

import java.util.Map;
import java.util.Optional;

/**
 * The configurations whose figures issue 5's plain all-spin CIFAR-10 keys ({@code cifar10_allspin_ferri_test_accuracy},
 * {@code _train_seconds}, and the same for {@code ferro}) carry. The goal (>= 92.5 % in <= 45 min) is judged on
 * one declared command per device family, not on whichever run was recorded last; a recorded run whose full key
 * is a declared one also writes the plain keys, so they always come from a rerunnable command.
 *
 * <p>Why these: the long-pulse ferrimagnetic neuron ({@code fit --variant long2.7ns}) was chosen on held-out data
 * before any test figure was seen (BENCHMARKS.md, "The neuron's input span"); the ferromagnetic baseline is trained
 * identically with its own nominal files. Both are on the canonical pixels: the offline JPEG copy caps even the
 * float recipe at ~90.3 % (issue 2), so all-spin runs on it carry {@code _jpeg} and never these keys. MNIST needs no
 * entry: its plain keys are the default command's.
 */
final class HeadlineRuns {
    /** Full record kind (as {@code TrainCommand.recordKind} builds it) to the plain kind it also writes. */
    private static final Map<String, String> CIFAR10 = Map.of(
            "allspin_ferri_neuronlong2.7ns_nnoise0.0_lr0.1_e16_canonical", "allspin_ferri",
            "allspin_ferro_nnoise0.0_lr0.1_e16_canonical", "allspin_ferro");

    private HeadlineRuns() {
    }

    /** The plain kind a run of this dataset and full kind also records under, if it is a declared headline run. */
    static Optional<String> plainKind(String dataset, String kind) {
        return dataset.equals("cifar10") ? Optional.ofNullable(CIFAR10.get(kind)) : Optional.empty();
    }

    /** The declared full kind behind a plain CIFAR-10 kind, for messages and tests. */
    static Optional<String> declaredKind(String plain) {
        return CIFAR10.entrySet().stream().filter(e -> e.getValue().equals(plain)).map(Map.Entry::getKey).findFirst();
    }
}
