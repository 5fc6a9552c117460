package dev.spinnet.network.allspin;

import dev.spinnet.network.layer.ActivationFunction;

/**
 * One device neuron per channel: element i of an NCHW (or NF) tensor belongs to channel
 * {@code (i / plane) % channels}. In a crossbar each output column computes its channel at every position in
 * turn and drives one neuron device, so a channel shares one device and its device-to-device deviation.
 */
final class ChannelNeurons implements ActivationFunction {
    private final DeviceNeuron[] neurons;
    private final int plane;

    ChannelNeurons(DeviceNeuron[] neurons, int plane) {
        if (neurons.length == 0 || plane < 1) {
            throw new IllegalArgumentException("need at least one channel and a plane of >= 1 element");
        }
        this.neurons = neurons.clone();
        this.plane = plane;
    }

    int channels() {
        return neurons.length;
    }

    int plane() {
        return plane;
    }

    @Override
    public void apply(float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; ) {
            int p = i / plane;
            int end = Math.min(to, (p + 1) * plane);
            neurons[p % neurons.length].apply(x, y, i, end);
            i = end;
        }
    }

    @Override
    public void backward(float[] x, float[] dy, float[] dx, int from, int to) {
        for (int i = from; i < to; ) {
            int p = i / plane;
            int end = Math.min(to, (p + 1) * plane);
            neurons[p % neurons.length].backward(x, dy, dx, i, end);
            i = end;
        }
    }

    @Override
    public String describe() {
        return neurons.length + " channel neurons of " + neurons[0].table().name();
    }
}
