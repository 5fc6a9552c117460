package dev.spinnet.devicefit.neuron;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.spinnet.devicefit.physics.DeviceMaterials;
import dev.spinnet.devicefit.physics.SaturatingBarrier;
import dev.spinnet.llg.cc.RectangularPulse;
import dev.spinnet.llg.material.Checks;
import dev.spinnet.llg.material.Ferrimagnet;
import dev.spinnet.llg.material.MaterialState;

/**
 * A domain-wall neuron in physical terms. The wall waits at the foot of a {@link SaturatingBarrier} (reset
 * position q = 0); the input is one current pulse in the heavy metal whose signed amplitude is x j_unit;
 * the output is the wall displacement at the end of the pulse, in units of {@code outputUnit}, read as the
 * anomalous Hall resistance of a Hall cross spanning the wall's range (R_xy is linear in the reversed
 * fraction, so in q). Positive inputs drive the wall into the free track (the linear branch: velocity linear in
 * current near T_A), negative ones into the barrier (the saturating branch). After readout a reset pulse
 * returns the wall to the foot.
 *
 * <p>Design rule shared by all neurons: j_unit is the current density whose low-current velocity
 * v = (pi/2) Delta J_s / alphaS moves the wall one output unit during the pulse, and the barrier pressure is
 * {@code barrierFactor} times the drive (pi/2) J_s of one unit; so x = 1 means the same displacement in every
 * device and the material decides everything else.
 *
 * @param name           file stem
 * @param material       film
 * @param temperature    operating temperature, K
 * @param trackWidth     m
 * @param trackLength    m (for resistance and energy)
 * @param hmThickness    heavy-metal thickness, m
 * @param pulseWidth     pulse plateau, s
 * @param edgeTime       rise = fall time, s
 * @param outputUnit     wall displacement of one output unit, m
 * @param barrierDepth   foot to hard end, m
 * @param barrierFactor  barrier pressure p_b / (pi/2) J_s(j_unit)
 * @param xMax           input grid is [-xMax, xMax]
 * @param gridPoints     table points (odd, so that x = 0 is on the grid)
 * @param devices        devices with fabrication spread for the 300 K statistics
 * @param cycles         evaluations per input and device at 300 K
 * @param sigmaDrive     relative device-to-device spread of the spin-torque efficiency (theta_SH, t_F)
 * @param sigmaDepth     relative spread of the barrier depth
 * @param sigmaPressure  relative spread of the barrier pressure
 * @param dt             step of the stochastic Heun integration, s
 */
public record NeuronDesign(String name, Ferrimagnet material, double temperature, double trackWidth,
        double trackLength, double hmThickness, double pulseWidth, double edgeTime, double outputUnit,
        double barrierDepth, double barrierFactor, double xMax, int gridPoints, int devices, int cycles,
        double sigmaDrive, double sigmaDepth, double sigmaPressure, double dt) {

    public NeuronDesign {
        Checks.notNull("name", name);
        Checks.notNull("material", material);
        Checks.positive("temperature (K)", temperature);
        Checks.positive("trackWidth (m)", trackWidth);
        Checks.positive("trackLength (m)", trackLength);
        Checks.positive("hmThickness (m)", hmThickness);
        Checks.positive("pulseWidth (s)", pulseWidth);
        Checks.nonNegative("edgeTime (s)", edgeTime);
        Checks.positive("outputUnit (m)", outputUnit);
        Checks.positive("barrierDepth (m)", barrierDepth);
        Checks.positive("barrierFactor", barrierFactor);
        Checks.positive("xMax", xMax);
        if (gridPoints < 5 || gridPoints % 2 == 0) {
            throw new IllegalArgumentException("gridPoints must be odd and >= 5, got " + gridPoints);
        }
        if (devices < 2 || cycles < 2) {
            throw new IllegalArgumentException("devices and cycles must be >= 2, got " + devices + ", " + cycles);
        }
        Checks.nonNegative("sigmaDrive", sigmaDrive);
        Checks.nonNegative("sigmaDepth", sigmaDepth);
        Checks.nonNegative("sigmaPressure", sigmaPressure);
        Checks.positive("dt (s)", dt);
    }

    /** Common geometry and statistics of both neurons; only the film differs. */
    private static NeuronDesign standard(String name, Ferrimagnet f) {
        return new NeuronDesign(name, f, 300.0, 200e-9, 600e-9, 5e-9, 1e-9, 50e-12, 50e-9, 50e-9, 1.5, 4.0, 81,
                32, 32, 0.03, 0.05, 0.05, 1e-12);
    }

    /** GdCo tuned to T_A = 300 K: linear branch from the compensated velocity. */
    public static NeuronDesign ferrimagnetic() {
        return standard("ferri-neuron", DeviceMaterials.gdCoCompensatedAt(300.0));
    }

    /** Same geometry on Pt/Co. */
    public static NeuronDesign ferromagnetic() {
        return standard("ferro-neuron", DeviceMaterials.ptCo());
    }

    public MaterialState state() {
        return material.at(temperature);
    }

    /** Plateau plus half the edges: the time integral of a unit trapezoid, s. */
    public double effectivePulseWidth() {
        return pulseWidth + edgeTime;
    }

    /** Low-current mobility dv/dj = (pi/2) Delta (dJ_s/dj) / alphaS, m/s per A/m^2. */
    public double currentMobility() {
        MaterialState s = state();
        return 0.5 * Math.PI * s.wallWidth() * s.spinHallPressure(1.0) / s.alphaS();
    }

    /** j_unit, A/m^2: one output unit of displacement during the pulse at the low-current velocity. */
    public double unitCurrentDensity() {
        return outputUnit / (effectivePulseWidth() * currentMobility());
    }

    /** p_b of the nominal barrier, J/m^3. */
    public double barrierPressure() {
        return barrierFactor * 0.5 * Math.PI * state().spinHallPressure(unitCurrentDensity());
    }

    /** Readout time: end of the pulse's fall, s. */
    public double readTime() {
        return pulseWidth + 2 * edgeTime;
    }

    public RectangularPulse pulse(double x, double driveFactor) {
        return new RectangularPulse(x * unitCurrentDensity() * driveFactor, 0.0, edgeTime, pulseWidth, edgeTime);
    }

    public SaturatingBarrier barrier(double depthFactor, double pressureFactor) {
        return new SaturatingBarrier(0.0, barrierDepth * depthFactor, barrierPressure() * pressureFactor);
    }

    /** Wall cross-section S = width x t_F, m^2 (sets the thermal noise). */
    public double crossSection() {
        return trackWidth * material.thickness();
    }

    /**
     * Joule energy of one |x| = 1 input pulse in the heavy metal, rho j^2 (L w t_HM) (plateau + 2/3 of the
     * edges, the integral of j^2 over a trapezoid), J.
     */
    public double energyPerUnitPulse() {
        double j = unitCurrentDensity();
        double volume = trackLength * trackWidth * hmThickness;
        return material.heavyMetal().resistivity() * j * j * volume * (pulseWidth + 2.0 * edgeTime / 3.0);
    }

    public double x(int i) {
        return -xMax + 2 * xMax * i / (gridPoints - 1);
    }

    /** Physical inputs for the provenance block (SI units in the keys). */
    public Map<String, Double> parameters() {
        MaterialState s = state();
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("temperature_K", temperature);
        m.put("ms_tm_A_per_m", s.msTm());
        m.put("ms_re_A_per_m", s.msRe());
        m.put("s_net_J_s_per_m3", s.sNet());
        m.put("alpha_s_J_s_per_m3", s.alphaS());
        m.put("wall_width_m", s.wallWidth());
        m.put("exchange_A_J_per_m", material.exchangeStiffness());
        m.put("anisotropy_K_J_per_m3", material.anisotropyKu());
        m.put("k_perp_J_per_m3", material.shapeAnisotropyKperp());
        m.put("dmi_J_per_m2", material.dmi());
        m.put("film_thickness_m", material.thickness());
        m.put("spin_hall_angle", material.heavyMetal().spinHallAngle());
        m.put("hm_resistivity_ohm_m", material.heavyMetal().resistivity());
        m.put("hm_thickness_m", hmThickness);
        m.put("track_width_m", trackWidth);
        m.put("track_length_m", trackLength);
        m.put("pulse_width_s", pulseWidth);
        m.put("pulse_edge_s", edgeTime);
        m.put("read_time_s", readTime());
        m.put("unit_current_density_A_per_m2", unitCurrentDensity());
        m.put("output_unit_m", outputUnit);
        m.put("barrier_depth_m", barrierDepth);
        m.put("barrier_pressure_J_per_m3", barrierPressure());
        m.put("hall_cross_length_m", barrierDepth + xMax * outputUnit);
        m.put("sigma_drive_rel", sigmaDrive);
        m.put("sigma_barrier_depth_rel", sigmaDepth);
        m.put("sigma_barrier_pressure_rel", sigmaPressure);
        m.put("heun_dt_s", dt);
        return m;
    }
}
