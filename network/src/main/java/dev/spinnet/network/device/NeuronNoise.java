package dev.spinnet.network.device;

/**
 * Spread of a neuron's output at the operating temperature, in output units unless relative.
 *
 * @param cycleToCycleSigma      standard deviation of repeated evaluations of one device at one input,
 *                               pooled (rms) over the input grid, output units
 * @param cycleToCycleRelative   the same divided by the output swing y(x1) - y(x0)
 * @param deviceToDeviceScale    relative standard deviation of the fitted CeLU scale across devices
 * @param deviceToDeviceAlpha    relative standard deviation of the fitted CeLU alpha across devices
 * @param deviceToDeviceOffset   standard deviation of the fitted output offset across devices, output units
 * @param devices                number of simulated devices
 * @param cycles                 evaluations per input and device
 * @param inputs                 inputs of the per-input statistics (increasing), input units
 * @param sigma                  cycle-to-cycle standard deviation of the nominal device at each of them, output
 *                               units (the spread depends on the input: the barrier confines the wall)
 */
public record NeuronNoise(double cycleToCycleSigma, double cycleToCycleRelative, double deviceToDeviceScale,
        double deviceToDeviceAlpha, double deviceToDeviceOffset, int devices, int cycles, double[] inputs,
        double[] sigma) {

    public NeuronNoise {
        Checks.nonNegative("noise.cycle_to_cycle_sigma", cycleToCycleSigma);
        Checks.nonNegative("noise.cycle_to_cycle_relative", cycleToCycleRelative);
        Checks.nonNegative("noise.device_to_device_scale", deviceToDeviceScale);
        Checks.nonNegative("noise.device_to_device_alpha", deviceToDeviceAlpha);
        Checks.nonNegative("noise.device_to_device_offset", deviceToDeviceOffset);
        if (devices < 1 || cycles < 1) {
            throw new DeviceFormatException("noise.devices and noise.cycles must be >= 1, got " + devices + ", "
                    + cycles);
        }
        inputs = Checks.table("noise.inputs", inputs, 2);
        sigma = Checks.table("noise.sigma", sigma, 2);
        if (sigma.length != inputs.length) {
            throw new DeviceFormatException("noise.sigma needs as many entries as noise.inputs (" + inputs.length
                    + "), got " + sigma.length);
        }
        for (int i = 1; i < inputs.length; i++) {
            if (!(inputs[i] > inputs[i - 1])) {
                throw new DeviceFormatException("noise.inputs must increase, but [" + (i - 1) + "]=" + inputs[i - 1]
                        + " and [" + i + "]=" + inputs[i]);
            }
        }
        for (int i = 0; i < sigma.length; i++) {
            Checks.nonNegative("noise.sigma[" + i + "]", sigma[i]);
        }
    }

    @Override
    public double[] inputs() {
        return inputs.clone();
    }

    @Override
    public double[] sigma() {
        return sigma.clone();
    }

    /** Cycle-to-cycle sigma at input x, output units: linear interpolation, constant beyond the ends. */
    public double sigmaAt(double x) {
        if (x <= inputs[0]) {
            return sigma[0];
        }
        for (int i = 1; i < inputs.length; i++) {
            if (x <= inputs[i]) {
                double w = (x - inputs[i - 1]) / (inputs[i] - inputs[i - 1]);
                return sigma[i - 1] + w * (sigma[i] - sigma[i - 1]);
            }
        }
        return sigma[sigma.length - 1];
    }
}
