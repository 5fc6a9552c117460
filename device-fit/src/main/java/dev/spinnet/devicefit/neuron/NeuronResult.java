package dev.spinnet.devicefit.neuron;

import java.util.List;

import dev.spinnet.devicefit.fit.CurveFit;
import dev.spinnet.network.device.NeuronModel;

/**
 * Everything the neuron pipeline produced: the file content plus the curves behind it (for plots and reports).
 *
 * @param model         the device-model file content
 * @param fits          candidate fits to the T = 0 table, best AIC first
 * @param statInputs    inputs of the 300 K statistics
 * @param thermalMean   nominal device at 300 K: mean output per input
 * @param thermalStd    nominal device at 300 K: standard deviation per input (cycle to cycle)
 * @param deviceCurves  per fabricated device: cycle-averaged output at 300 K per input
 * @param interpolationMaxError largest |Hermite table - simulation| at the grid midpoints, output units
 * @param seconds       wall time of the pipeline, s
 */
public record NeuronResult(NeuronModel model, List<CurveFit> fits, double[] statInputs, double[] thermalMean,
        double[] thermalStd, double[][] deviceCurves, double interpolationMaxError, double seconds) {
}
