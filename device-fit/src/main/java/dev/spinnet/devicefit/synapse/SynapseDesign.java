package dev.spinnet.devicefit.synapse;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.spinnet.devicefit.physics.DeviceMaterials;
import dev.spinnet.devicefit.physics.NotchedTrack;
import dev.spinnet.devicefit.physics.PeriodicPulses;
import dev.spinnet.llg.material.Checks;
import dev.spinnet.llg.material.Ferrimagnet;
import dev.spinnet.llg.material.MaterialState;

/**
 * A domain-wall synapse in physical terms: a wall in a track with {@code notches} Gaussian notches (width
 * constrictions, depth a fraction of the wall energy 4 sqrt(A K)), one every {@code pitch}; each programming
 * pulse should move the wall by one notch; an MTJ whose free layer is the track between the first and the last
 * notch reads the conductance G = G_AP + (G_P - G_AP) f, f the fraction of the span the wall has switched, so G
 * is linear in the wall position.
 *
 * <p>Pulse design rule (shared): amplitude {@code driveFactor} times the depinning current of one notch
 * ((pi/2) J_s = (1/2) max|dU/dq|); plateau in the middle of the window of plateaus after which the wall, at
 * T = 0 and once settled, sits in the next notch (bisection on the nominal device).
 *
 * @param name              file stem
 * @param material          film
 * @param temperature       operating temperature, K
 * @param trackWidth        m
 * @param hmThickness       heavy-metal thickness, m
 * @param notches           number of notches = conductance states at T = 0
 * @param pitch             notch spacing, m
 * @param notchWidthRatio   Gaussian width w / pitch
 * @param notchDepthRatio   notch depth U0 / (4 sqrt(A K))
 * @param driveFactor       pulse amplitude / depinning current density
 * @param edgeTime          rise = fall time, s
 * @param gap               settling time between pulses, s
 * @param resistanceP       MTJ resistance in the parallel state (G_max = 1 / R_P), ohm
 * @param tmr               tunnelling magnetoresistance (R_AP - R_P) / R_P
 * @param devices           fabricated devices for the device-to-device statistics
 * @param cycles            potentiation/depression cycles per device at the operating temperature
 * @param sigmaNotchPosition fabrication spread of each notch position, m
 * @param sigmaNotchDepth   relative device-to-device spread of the notch depth
 * @param dt                stochastic Heun step, s
 */
public record SynapseDesign(String name, Ferrimagnet material, double temperature, double trackWidth,
        double hmThickness, int notches, double pitch, double notchWidthRatio, double notchDepthRatio,
        double driveFactor, double edgeTime, double gap, double resistanceP, double tmr, int devices, int cycles,
        double sigmaNotchPosition, double sigmaNotchDepth, double dt) {

    public SynapseDesign {
        Checks.notNull("name", name);
        Checks.notNull("material", material);
        Checks.positive("temperature (K)", temperature);
        Checks.positive("trackWidth (m)", trackWidth);
        Checks.positive("hmThickness (m)", hmThickness);
        if (notches < 3) {
            throw new IllegalArgumentException("notches must be >= 3, got " + notches);
        }
        Checks.positive("pitch (m)", pitch);
        Checks.positive("notchWidthRatio", notchWidthRatio);
        Checks.positive("notchDepthRatio", notchDepthRatio);
        Checks.positive("driveFactor", driveFactor);
        Checks.nonNegative("edgeTime (s)", edgeTime);
        Checks.positive("gap (s)", gap);
        Checks.positive("resistanceP (ohm)", resistanceP);
        Checks.positive("tmr", tmr);
        if (devices < 2 || cycles < 2) {
            throw new IllegalArgumentException("devices and cycles must be >= 2, got " + devices + ", " + cycles);
        }
        Checks.nonNegative("sigmaNotchPosition (m)", sigmaNotchPosition);
        Checks.nonNegative("sigmaNotchDepth", sigmaNotchDepth);
        Checks.positive("dt (s)", dt);
    }

    private static SynapseDesign standard(String name, Ferrimagnet f) {
        return new SynapseDesign(name, f, 300.0, 200e-9, 5e-9, 33, 50e-9, 0.25, 0.2, 2.0, 20e-12, 0.5e-9, 5e3,
                1.5, 32, 32, 2e-9, 0.05, 1e-12);
    }

    /** GdCo tuned to T_A = 300 K. */
    public static SynapseDesign ferrimagnetic() {
        return standard("ferri-synapse", DeviceMaterials.gdCoCompensatedAt(300.0));
    }

    /** Same geometry on Pt/Co. */
    public static SynapseDesign ferromagnetic() {
        return standard("ferro-synapse", DeviceMaterials.ptCo());
    }

    public MaterialState state() {
        return material.at(temperature);
    }

    public double notchDepth() {
        return notchDepthRatio * DeviceMaterials.wallEnergy(material);
    }

    public double notchWidth() {
        return notchWidthRatio * pitch;
    }

    /** Nominal notch centres, m: the first at 0. */
    public double[] nominalCentres() {
        double[] c = new double[notches];
        for (int k = 0; k < notches; k++) {
            c[k] = k * pitch;
        }
        return c;
    }

    /** Depinning current density of one isolated notch, A/m^2: (pi/2) J_s = (1/2) U0 e^(-1/2) / w. */
    public double depinningCurrentDensity() {
        double fMax = notchDepth() / notchWidth() * Math.exp(-0.5);
        return fMax / Math.PI / state().spinHallPressure(1.0);
    }

    public double pulseAmplitude() {
        return driveFactor * depinningCurrentDensity();
    }

    /** Track ends stiff enough that the full drive pushes the wall at most w/10 past the end notch. */
    public double endStiffness() {
        double drive = Math.PI * state().spinHallPressure(pulseAmplitude());
        return 10 * drive / notchWidth();
    }

    public NotchedTrack track(double[] centres, double depthFactor) {
        return new NotchedTrack(notchDepth() * depthFactor, notchWidth(), centres, endStiffness());
    }

    /** Track length for resistance and energy: the notch span plus one pitch at each end, m. */
    public double trackLength() {
        return (notches + 1) * pitch;
    }

    public int pulsesPerBranch() {
        return notches - 1;
    }

    public double gMax() {
        return 1.0 / resistanceP;
    }

    public double gMin() {
        return 1.0 / (resistanceP * (1 + tmr));
    }

    /** MTJ conductance for wall position q (m), S: linear in the switched fraction of the nominal span. */
    public double conductance(double q) {
        double f = q / ((notches - 1) * pitch);
        f = Math.max(0, Math.min(1, f));
        return gMin() + (gMax() - gMin()) * f;
    }

    /** Period of the pulse train for plateau {@code width}, s. */
    public double period(double width) {
        return width + 2 * edgeTime + gap;
    }

    /** {@code count} pulses of sign {@code sign}, the first rising at {@code start}. */
    public PeriodicPulses train(double width, int sign, double start, int count) {
        return new PeriodicPulses(sign * pulseAmplitude(), start, edgeTime, width, period(width), count);
    }

    /** Joule energy of one pulse in the heavy metal, rho j^2 (L w t_HM) (plateau + 2/3 of the edges), J. */
    public double energyPerPulse(double width) {
        double j = pulseAmplitude();
        return material.heavyMetal().resistivity() * j * j * trackLength() * trackWidth * hmThickness
                * (width + 2.0 * edgeTime / 3.0);
    }

    public double crossSection() {
        return trackWidth * material.thickness();
    }

    public Map<String, Double> parameters(double width) {
        MaterialState s = state();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("temperature_K", temperature);
        m.put("ms_tm_A_per_m", s.msTm());
        m.put("ms_re_A_per_m", s.msRe());
        m.put("s_net_J_s_per_m3", s.sNet());
        m.put("alpha_s_J_s_per_m3", s.alphaS());
        m.put("wall_width_m", s.wallWidth());
        m.put("wall_energy_J_per_m2", DeviceMaterials.wallEnergy(material));
        m.put("dmi_J_per_m2", material.dmi());
        m.put("film_thickness_m", material.thickness());
        m.put("spin_hall_angle", material.heavyMetal().spinHallAngle());
        m.put("hm_resistivity_ohm_m", material.heavyMetal().resistivity());
        m.put("hm_thickness_m", hmThickness);
        m.put("track_width_m", trackWidth);
        m.put("track_length_m", trackLength());
        m.put("notches", (double) notches);
        m.put("notch_pitch_m", pitch);
        m.put("notch_width_m", notchWidth());
        m.put("notch_depth_J_per_m2", notchDepth());
        m.put("depinning_current_density_A_per_m2", depinningCurrentDensity());
        m.put("pulse_amplitude_A_per_m2", pulseAmplitude());
        m.put("pulse_width_s", width);
        m.put("pulse_edge_s", edgeTime);
        m.put("pulse_gap_s", gap);
        m.put("mtj_resistance_parallel_ohm", resistanceP);
        m.put("mtj_tmr", tmr);
        m.put("sigma_notch_position_m", sigmaNotchPosition);
        m.put("sigma_notch_depth_rel", sigmaNotchDepth);
        m.put("heun_dt_s", dt);
        return m;
    }
}
