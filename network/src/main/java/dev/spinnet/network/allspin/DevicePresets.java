package dev.spinnet.network.allspin;

import java.util.List;
import java.util.Map;

/**
 * Named reference devices for tests and ablations: data, not code paths. All but {@code ideal} are
 * instances of the exponential A/B model; their names state their parameters (states, nonlinearity
 * label nl = P_max / A of both branches, cycle-to-cycle sigma in percent of the range). The two
 * nonlinear ones bracket the published MNIST online-learning range (see network-reference.md):
 * a 64-state device with |nl| about 0.5 and a 40-state strongly nonlinear one. Device files are the
 * source of the real devices.
 */
public final class DevicePresets {
    private static final Map<String, PulseDevice> PRESETS = Map.of(
            "ideal", new IdealDevice(),
            "linear-1024", new ExponentialPulseDevice("linear-1024", 1023, 0, 0, 0, 0, 0),
            "linear-64", new ExponentialPulseDevice("linear-64", 63, 0, 0, 0, 0, 0),
            "nl0.5-64-c2c1", new ExponentialPulseDevice("nl0.5-64-c2c1", 63, 0.5, 0.5, 0.01, 0.05, 0),
            "nl5-40-c2c3", new ExponentialPulseDevice("nl5-40-c2c3", 39, 5, 5, 0.03, 0.1, 0));

    /** Preset names, sorted. */
    public static final List<String> NAMES = PRESETS.keySet().stream().sorted().toList();

    private DevicePresets() {
    }

    public static PulseDevice of(String name) {
        PulseDevice d = PRESETS.get(name);
        if (d == null) {
            throw new IllegalArgumentException("unknown device preset '" + name + "' (expected one of " + NAMES + ")");
        }
        return d;
    }
}
