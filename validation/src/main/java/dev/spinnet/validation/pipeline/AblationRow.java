package dev.spinnet.validation.pipeline;

/**
 * The rows of the ablation table: which parts of the network are devices. Device rows use the ferrimagnetic
 * devices unless they name the ferromagnetic baseline.
 */
public enum AblationRow {
    FLOAT_RELU("ideal float + ReLU", "relu", null, null),
    FLOAT_CELU("ideal float + ideal CeLU", "celu", null, null),
    NEURON_ONLY("device neuron only (ferri)", "celu", null, "ferri-neuron"),
    SYNAPSE_ONLY("device synapse only (ferri)", "celu", "ferri-synapse", null),
    ALLSPIN_FERRI("all-spin ferrimagnetic", "celu", "ferri-synapse", "ferri-neuron"),
    ALLSPIN_FERRO("all-spin ferromagnetic baseline", "celu", "ferro-synapse", "ferro-neuron");

    private final String label;
    private final String activation;
    private final String synapse;
    private final String neuron;

    AblationRow(String label, String activation, String synapse, String neuron) {
        this.label = label;
        this.activation = activation;
        this.synapse = synapse;
        this.neuron = neuron;
    }

    public String label() {
        return label;
    }

    /** Float activation of the model before any device conversion. */
    public String activation() {
        return activation;
    }

    /** Device name of the synapses (file stem under the device folder), or null for float weights. */
    public String synapse() {
        return synapse;
    }

    /** Device name of the neurons, or null for float activations. */
    public String neuron() {
        return neuron;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
