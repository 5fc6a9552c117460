package dev.spinnet.llg.micromag;

import java.util.Arrays;
import java.util.stream.DoubleStream;

import dev.spinnet.llg.cc.WallTrajectory;
import dev.spinnet.llg.ode.DormandPrince45;
import dev.spinnet.llg.ode.StepObserver;

/**
 * Runs an {@link LlgEquation} at T = 0 with the adaptive {@link DormandPrince45} and records the wall as a
 * {@link WallTrajectory} (position from the m_z zero crossing, angle unwrapped), so that full LLG and
 * collective-model results share one result type. The integrator is restarted at every breakpoint of the
 * drive (pulse edges), which it then also lands on exactly, and at every sampling time.
 */
public final class LlgWallRunner {
    private LlgWallRunner() {
    }

    /**
     * Advances m (in place) from t0 to t1.
     *
     * @param sampleInterval sampling interval, s
     * @param breakpoints    times of current discontinuities, s (e.g. {@code waveform.breakpoints()})
     */
    public static WallTrajectory run(LlgEquation eq, double[] m, DormandPrince45 dp, double t0, double t1,
            double sampleInterval, double[] breakpoints) {
        if (!(t1 > t0) || !(sampleInterval > 0)) {
            throw new IllegalArgumentException("need t1 > t0 and sampleInterval > 0, got t0=" + t0 + " t1=" + t1
                    + " sampleInterval=" + sampleInterval);
        }
        Mesh1D mesh = eq.medium().mesh();
        double[] edges = Arrays.stream(breakpoints).filter(b -> b > t0 && b <= t1).sorted().distinct().toArray();
        int samples = (int) Math.floor((t1 - t0) / sampleInterval + 1e-9);
        double[] stops = DoubleStream.concat(
                java.util.stream.IntStream.rangeClosed(1, samples).mapToDouble(k -> t0 + k * sampleInterval),
                DoubleStream.concat(Arrays.stream(edges), DoubleStream.of(t1)))
                .filter(x -> x <= t1).sorted().distinct().toArray();
        double[] time = new double[stops.length + 1];
        double[] pos = new double[stops.length + 1];
        double[] ang = new double[stops.length + 1];
        double[] et = new double[edges.length];
        double[] eq2 = new double[edges.length];
        double[] ea = new double[edges.length];
        time[0] = t0;
        pos[0] = WallProbe.position(mesh, m);
        ang[0] = WallProbe.angle(mesh, m);
        double t = t0;
        int e = 0;
        for (int k = 0; k < stops.length; k++) {
            t = dp.integrate(eq, t, m, stops[k], StepObserver.NONE);
            time[k + 1] = t;
            pos[k + 1] = WallProbe.position(mesh, m);
            double a = WallProbe.angle(mesh, m);
            // unwrap: keep the angle continuous between samples
            double prev = ang[k];
            a += 2 * Math.PI * Math.rint((prev - a) / (2 * Math.PI));
            ang[k + 1] = a;
            if (e < edges.length && edges[e] == stops[k]) {
                et[e] = t;
                eq2[e] = pos[k + 1];
                ea[e] = a;
                e++;
            }
        }
        return new WallTrajectory(time, pos, ang, et, eq2, ea);
    }
}
