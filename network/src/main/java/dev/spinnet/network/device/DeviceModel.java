package dev.spinnet.network.device;

/** A device-model file's content: a {@link NeuronModel} or a {@link SynapseModel}. */
public sealed interface DeviceModel permits NeuronModel, SynapseModel {

    /** File stem, e.g. "ferri-neuron". */
    String name();

    Provenance provenance();
}
