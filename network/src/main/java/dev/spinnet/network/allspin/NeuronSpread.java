package dev.spinnet.network.allspin;

/**
 * Device-to-device spread of a neuron, from the fit of its CeLU over many simulated devices: each device's
 * curve is the nominal one with its scale and alpha multiplied by (1 + N(0, relative sigma)) and its output
 * offset shifted by N(0, offset sigma), scale and alpha varied about the fitted kink (x_k, y_k). For the fitted
 * CeLU {@code y = s celu(x - x_k, a) + y_k} that transformation is exact (see {@link DeviceNeuron#varied}).
 *
 * @param scaleRelative relative standard deviation of the CeLU scale across devices
 * @param alphaRelative relative standard deviation of the CeLU alpha across devices
 * @param offsetSigma   standard deviation of the output offset across devices, device output units
 * @param kinkInput     x_k, the fitted CeLU's input offset, device input units
 * @param kinkOutput    y_k, its output offset, device output units
 */
public record NeuronSpread(double scaleRelative, double alphaRelative, double offsetSigma, double kinkInput,
                           double kinkOutput) {
    /** Every device the nominal one. */
    public static final NeuronSpread NONE = new NeuronSpread(0, 0, 0, 0, 0);

    public NeuronSpread {
        for (double v : new double[] {scaleRelative, alphaRelative, offsetSigma}) {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("neuron device-to-device spreads must be finite and >= 0");
            }
        }
        if (!Double.isFinite(kinkInput) || !Double.isFinite(kinkOutput)) {
            throw new IllegalArgumentException("neuron kink must be finite");
        }
    }

    public boolean isNone() {
        return scaleRelative == 0 && alphaRelative == 0 && offsetSigma == 0;
    }
}
