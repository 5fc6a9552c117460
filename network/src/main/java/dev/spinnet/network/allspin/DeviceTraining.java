package dev.spinnet.network.allspin;

import dev.spinnet.network.optim.Optimizer;

import java.util.List;

/**
 * An optimiser that trains weights held in device tiles. Besides {@link #step} (which also steps
 * the inner optimiser of the digital parameters) it decides what the forward pass sees: the
 * trainer calls {@link #beforeForward()} before each training forward and
 * {@link #beforeEvaluation()} before each evaluation.
 */
public interface DeviceTraining extends Optimizer {
    /** The device tiles, one per device-mapped weight tensor. */
    List<DevicePairWeights> tiles();

    /** Writes the weights the next training forward uses into the Params (with read or weight noise). */
    void beforeForward();

    /** Writes the weights an inference on the devices would use (deploying them first if needed). */
    void beforeEvaluation();

    /** Sum of the tiles' pulse counters. */
    default DevicePairWeights.PulseCount counts() {
        DevicePairWeights.PulseCount c = DevicePairWeights.PulseCount.zero();
        for (DevicePairWeights t : tiles()) {
            c = c.plus(t.counts());
        }
        return c;
    }

    /** The algorithm and its settings in one line (part of the checkpoint fingerprint). */
    String describe();
}
