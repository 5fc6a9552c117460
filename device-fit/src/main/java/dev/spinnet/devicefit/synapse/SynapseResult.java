package dev.spinnet.devicefit.synapse;

import dev.spinnet.network.device.SynapseModel;

/**
 * Everything the synapse pipeline produced: the file content plus the curves behind it.
 *
 * @param model       the device-model file content
 * @param meanUp      nominal device at 300 K: mean G after n potentiation pulses, S
 * @param stdUp       its cycle-to-cycle standard deviation, S
 * @param meanDown    nominal device at 300 K: mean G after n depression pulses (from the end of potentiation), S
 * @param stdDown     its standard deviation, S
 * @param deviceUp    per fabricated device: cycle-averaged potentiation branch at 300 K, S
 * @param exampleCycles a few single 300 K cycles of the nominal device [cycle][branch][n], S
 * @param seconds     wall time, s
 */
public record SynapseResult(SynapseModel model, double[] meanUp, double[] stdUp, double[] meanDown,
        double[] stdDown, double[][] deviceUp, double[][][] exampleCycles, double seconds) {
}
