package dev.spinnet.network.allspin;

/**
 * A linear, noise-free, constant-step device with many states (2^16 by default): the degenerate
 * case in which a device pair behaves like a float weight with bounded range and a fine grid.
 * Training with it separates the effect of the update algorithm from that of the device.
 */
public final class IdealDevice implements PulseDevice {
    private final int states;
    private final float step;
    private final double energyPerPulse;

    public IdealDevice() {
        this(1 << 16, 0);
    }

    public IdealDevice(int states, double energyPerPulse) {
        if (states < 2) {
            throw new IllegalArgumentException("a device needs >= 2 states, got " + states);
        }
        PulseDevice.requireSpreads(0, 0, energyPerPulse);
        this.states = states;
        this.step = 1f / (states - 1);
        this.energyPerPulse = energyPerPulse;
    }

    @Override
    public String name() {
        return "ideal-" + states;
    }

    @Override
    public float up(float g) {
        return Math.min(1f, g + step);
    }

    @Override
    public float down(float g) {
        return Math.max(0f, g - step);
    }

    @Override
    public int states() {
        return states;
    }

    @Override
    public float nominalStep() {
        return step;
    }

    @Override
    public double cycleSigma() {
        return 0;
    }

    @Override
    public double deviceSigma() {
        return 0;
    }

    @Override
    public double energyPerPulse() {
        return energyPerPulse;
    }
}
