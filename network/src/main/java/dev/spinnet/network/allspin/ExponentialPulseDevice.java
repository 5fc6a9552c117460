package dev.spinnet.network.allspin;

import java.util.Locale;

/**
 * The common nonlinearity model of hardware-aware training tools (as used by NeuroSim):
 * {@code G(P) = B (1 - exp(-P/A)) + G_min}, {@code B = (G_max - G_min) / (1 - exp(-P_max/A))}, the
 * depression branch mirrored (P counted from the G_max end). The nonlinearity label is
 * {@code nl = P_max / A} (the convention of the device files): 0 is a linear, constant-step device;
 * nl > 0 gives steps that shrink along the branch (the usual saturating device); nl < 0 steps that grow.
 *
 * <p>In normalised g one pulse is an affine map, {@code g' = q g + (1 - q) / Z} with
 * {@code q = exp(-1/A)} and {@code Z = 1 - exp(-P_max/A)}, so a pulse costs no transcendental
 * function; for nl = 0 it is {@code g' = g + 1/P_max}.
 */
public final class ExponentialPulseDevice implements PulseDevice {
    private final String name;
    private final int pulses;
    private final double nlUp;
    private final double nlDown;
    private final float qUp;
    private final float cUp;
    private final float qDown;
    private final float cDown;
    private final double cycleSigma;
    private final double deviceSigma;
    private final double energyPerPulse;

    /**
     * @param pulses         P_max: pulses of a full sweep of either branch (>= 1); states = P_max + 1
     * @param nlUp           nonlinearity P_max / A of the potentiation branch
     * @param nlDown         of the depression branch (mirrored)
     * @param cycleSigma     cycle-to-cycle sigma per pulse, fraction of the range
     * @param deviceSigma    relative device-to-device sigma of the step size
     * @param energyPerPulse J
     */
    public ExponentialPulseDevice(String name, int pulses, double nlUp, double nlDown, double cycleSigma,
                                  double deviceSigma, double energyPerPulse) {
        if (pulses < 1) {
            throw new IllegalArgumentException("a pulsed device needs P_max >= 1 pulses, got " + pulses);
        }
        if (!Double.isFinite(nlUp) || !Double.isFinite(nlDown) || Math.abs(nlUp) > 50 || Math.abs(nlDown) > 50) {
            throw new IllegalArgumentException("nonlinearity must be finite and |nl| <= 50, got " + nlUp + ", " + nlDown);
        }
        PulseDevice.requireSpreads(cycleSigma, deviceSigma, energyPerPulse);
        this.name = name;
        this.pulses = pulses;
        this.nlUp = nlUp;
        this.nlDown = nlDown;
        double[] a = affine(pulses, nlUp);
        double[] b = affine(pulses, nlDown);
        this.qUp = (float) a[0];
        this.cUp = (float) a[1];
        this.qDown = (float) b[0];
        this.cDown = (float) b[1];
        this.cycleSigma = cycleSigma;
        this.deviceSigma = deviceSigma;
        this.energyPerPulse = energyPerPulse;
    }

    /** A constant-step device with {@code states} levels and no noise. */
    public static ExponentialPulseDevice linear(int states) {
        return new ExponentialPulseDevice("linear-" + states, states - 1, 0, 0, 0, 0, 0);
    }

    /** Symmetric nonlinearity, both branches the same label. */
    public static ExponentialPulseDevice symmetric(int states, double nl, double cycleSigma, double deviceSigma) {
        return new ExponentialPulseDevice(String.format(Locale.ROOT, "exp-%d-nl%.2g", states, nl), states - 1, nl, nl,
                cycleSigma, deviceSigma, 0);
    }

    /** {q, c} of the affine pulse map g' = q g + c. */
    private static double[] affine(int pMax, double nl) {
        if (Math.abs(nl) < 1e-9) {
            return new double[]{1, 1.0 / pMax};
        }
        double invA = nl / pMax;
        double q = Math.exp(-invA);
        double z = -Math.expm1(-pMax * invA);
        return new double[]{q, -Math.expm1(-invA) / z};
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public float up(float g) {
        return Math.min(1f, Math.max(g, qUp * g + cUp));
    }

    @Override
    public float down(float g) {
        float h = 1f - g;
        return Math.max(0f, Math.min(g, 1f - (qDown * h + cDown)));
    }

    @Override
    public int states() {
        return pulses + 1;
    }

    public double nlUp() {
        return nlUp;
    }

    public double nlDown() {
        return nlDown;
    }

    @Override
    public double cycleSigma() {
        return cycleSigma;
    }

    @Override
    public double deviceSigma() {
        return deviceSigma;
    }

    @Override
    public double energyPerPulse() {
        return energyPerPulse;
    }

    /** A copy with another energy per pulse. */
    public ExponentialPulseDevice withEnergy(double joules) {
        return new ExponentialPulseDevice(name, pulses, nlUp, nlDown, cycleSigma, deviceSigma, joules);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s(P_max=%d, nl=%.3g/%.3g, c2c=%.3g, d2d=%.3g, E=%.3g J)", name, pulses,
                nlUp, nlDown, cycleSigma, deviceSigma, energyPerPulse);
    }
}
