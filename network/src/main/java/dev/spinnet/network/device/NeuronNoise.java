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
 */
public record NeuronNoise(double cycleToCycleSigma, double cycleToCycleRelative, double deviceToDeviceScale,
        double deviceToDeviceAlpha, double deviceToDeviceOffset, int devices, int cycles) {

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
    }
}
