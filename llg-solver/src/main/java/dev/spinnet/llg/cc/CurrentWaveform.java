package dev.spinnet.llg.cc;

/**
 * Charge current density in the heavy metal as a function of time.
 *
 * <p>The waveform must be smooth between consecutive {@link #breakpoints()}: the integrator is
 * restarted exactly at each of them, so jumps (pulse edges) and kinks (ends of linear ramps) never
 * fall inside an integration step.
 */
public interface CurrentWaveform {

    /** Current density j(t), A/m^2, at time t (s). */
    double currentDensity(double t);

    /** Sorted times (s) where j or dj/dt may be discontinuous; a fresh copy. */
    double[] breakpoints();

    /** Constant current j (A/m^2) for all times. */
    static CurrentWaveform constant(double j) {
        dev.spinnet.llg.material.Checks.finite("current density j (A/m^2)", j);
        return new CurrentWaveform() {
            @Override
            public double currentDensity(double t) {
                return j;
            }

            @Override
            public double[] breakpoints() {
                return new double[0];
            }
        };
    }
}
