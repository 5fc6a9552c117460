package dev.spinnet.llg.sweep;

import java.util.Arrays;
import java.util.List;

import dev.spinnet.llg.cc.CollectiveCoordinateModel;
import dev.spinnet.llg.cc.PeriodicPinning;
import dev.spinnet.llg.cc.RectangularPulse;
import dev.spinnet.llg.cc.WallDynamicsSimulator;
import dev.spinnet.llg.cc.WallPositionDetector;
import dev.spinnet.llg.cc.WallPotential;
import dev.spinnet.llg.cc.WallTrajectory;
import dev.spinnet.llg.material.Ferrimagnet;
import dev.spinnet.llg.material.MaterialState;
import dev.spinnet.llg.micromag.FilmTrack;
import dev.spinnet.llg.micromag.LlgEquation;
import dev.spinnet.llg.micromag.Mesh1D;
import dev.spinnet.llg.micromag.WallProbe;
import dev.spinnet.llg.ode.DormandPrince45;
import dev.spinnet.llg.ode.StepObserver;
import dev.spinnet.llg.ode.StochasticHeun;

/**
 * One sweep run as a pure function of (spec, run index): the same inputs give bit-identical results on any
 * thread, in any order (the only randomness, the LLG thermal field, is seeded by
 * {@link SweepSettings#runSeed(long, int)}).
 *
 * <p>Collective model: {@link WallDynamicsSimulator#defaults()} with events at the track ends that stop the
 * run; velocities at the samples are the model's exact dq/dt. LLG: deterministic runs use the adaptive
 * {@link DormandPrince45} (tolerances 1e-6, restarted at every sample and pulse edge), the velocity is the
 * exact d/dt of the m_z-integral position; thermal runs use {@link StochasticHeun} with the fixed thermal step
 * and finite-difference velocities between samples. The wall position is the m_z-integral one; the wall has
 * left the track when the TM m_z has no sign change left. The RHS runs on one thread: sweeps parallelise over
 * runs.
 */
public final class RunSimulator {
    private RunSimulator() {
    }

    /** Runs one point of the sweep; a failure to integrate gives a "failed" result, not an exception. */
    public static RunResult simulate(SweepSpec spec, int run, boolean trace) {
        long t0 = System.nanoTime();
        double[] point = spec.point(run);
        try {
            RunResult r = spec.model() == SweepSpec.Model.CC ? collective(spec, run, point, trace, t0)
                    : llg(spec, run, point, trace, t0);
            return r;
        } catch (RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
            return RunResult.failed(run, point, m, (System.nanoTime() - t0) * 1e-9);
        }
    }

    /** Equilibrium wall angle of the model's (B) equation: phi = 0 (D > 0) or pi, or the Bloch-tilted angle. */
    public static double equilibriumAngle(Ferrimagnet f) {
        double d = f.dmi();
        double k = f.shapeAnisotropyKperp();
        if (k <= 0) {
            return d >= 0 ? 0.0 : Math.PI;
        }
        double c = Math.PI * d / (4.0 * k * f.wallWidth());
        if (c >= 1) {
            return 0.0;
        }
        if (c <= -1) {
            return Math.PI;
        }
        return Math.acos(c);
    }

    private static RectangularPulse pulse(SweepSpec spec, int run) {
        SweepSettings s = spec.settings();
        return new RectangularPulse(spec.value(run, SweepParameter.J), s.pulseDelay(), s.riseTime(),
                spec.value(run, SweepParameter.PULSE_WIDTH), s.fallTime());
    }

    private static RunResult collective(SweepSpec spec, int run, double[] point, boolean wantTrace, long t0) {
        SweepSettings s = spec.settings();
        Ferrimagnet f = spec.material(run);
        MaterialState st = f.at(spec.value(run, SweepParameter.TEMPERATURE));
        RectangularPulse pulse = pulse(spec, run);
        double tEnd = pulse.end() + s.relaxTime();
        WallPotential pot = s.pinningBarrier() > 0
                ? new PeriodicPinning(s.pinningBarrier(), s.pinningPeriod(), s.wallStart()) : WallPotential.NONE;
        CollectiveCoordinateModel model = new CollectiveCoordinateModel(st,
                spec.value(run, SweepParameter.HZ, 0.0), pulse, pot);
        double maxCheck = Math.min(s.sampleInterval(), 1e-10);
        List<WallPositionDetector> ends = List.of(new WallPositionDetector(0.0, maxCheck),
                new WallPositionDetector(s.trackLength(), maxCheck));
        double q0 = s.wallStart();
        WallTrajectory tr = WallDynamicsSimulator.defaults().run(model, q0, equilibriumAngle(f), 0.0, tEnd,
                s.sampleInterval(), ends);
        double[] time = tr.time();
        double[] q = tr.position();
        double[] phi = tr.angle();
        double[] v = new double[time.length];
        double[] j = new double[time.length];
        for (int k = 0; k < time.length; k++) {
            v[k] = model.computeDerivatives(time[k], new double[] {q[k], phi[k]})[0];
            j[k] = pulse.currentDensity(time[k]);
        }
        double tLast = tr.finalTime();
        double qLast = tr.finalPosition();
        // stopped by a track-end event: early end, or the wall sits on an end (event within the last sample)
        double eps = 1e-9 * s.trackLength();
        boolean ranToEnd = tLast > tEnd - 1e-3 * s.sampleInterval();
        boolean inTrack = ranToEnd && qLast > eps && qLast < s.trackLength() - eps;
        if (ranToEnd) {
            tLast = tEnd; // the last grid sample may differ from tEnd by rounding (k * dt)
        }
        double[] et = tr.edgeTime();
        double[] eq = tr.edgePosition();
        double vMean = meanVelocity(pulse, time, q, et, eq, q0);
        RunResult.Trace trace = wantTrace ? new RunResult.Trace(time, q, v, phi, j) : null;
        return new RunResult(run, point, qLast, qLast - q0, vMean, peak(v, 0), tr.finalAngle(), inTrack, tLast, "ok",
                "", (System.nanoTime() - t0) * 1e-9, trace);
    }

    private static RunResult llg(SweepSpec spec, int run, double[] point, boolean wantTrace, long t0) {
        SweepSettings s = spec.settings();
        Ferrimagnet f = spec.material(run);
        double temperature = spec.value(run, SweepParameter.TEMPERATURE);
        MaterialState st = f.at(temperature);
        RectangularPulse pulse = pulse(spec, run);
        double tEnd = pulse.end() + s.relaxTime();
        int cells = (int) Math.round(s.trackLength() / s.cellSize());
        Mesh1D mesh = new Mesh1D(cells, s.cellSize(), s.trackWidth() * f.thickness());
        double q0 = s.wallStart();
        double phi0 = equilibriumAngle(f);
        boolean thermal = s.thermal() && temperature > 0;
        try (LlgEquation eq = FilmTrack.build(st, mesh, spec.value(run, SweepParameter.HZ, 0.0), pulse, 0.0,
                thermal ? temperature : 0.0, SweepSettings.runSeed(s.seed(), run))) {
            double[] m = new double[mesh.stateLength()];
            double[] dm = new double[mesh.stateLength()];
            WallProbe.setWall(mesh, m, q0, st.wallWidth(), phi0);
            Samples out = new Samples();
            int oz = mesh.offset(0, 2);
            double half = 0.5 * mesh.cellSize();
            double qStart = WallProbe.positionFromIntegral(mesh, m);
            out.add(0.0, qStart, thermal ? 0.0 : velocity(eq, 0.0, m, dm, oz, cells, half),
                    WallProbe.angle(mesh, m), pulse.currentDensity(0.0));
            boolean inTrack = true;
            double[] edges = Arrays.stream(pulse.breakpoints()).filter(b -> b > 0 && b <= tEnd).toArray();
            double[] edgeQ = new double[edges.length];
            Arrays.fill(edgeQ, Double.NaN);
            if (!thermal) {
                int samples = (int) Math.floor(tEnd / s.sampleInterval() + 1e-9);
                double[] stops = java.util.stream.DoubleStream.concat(
                        java.util.stream.IntStream.rangeClosed(1, samples).mapToDouble(k -> k * s.sampleInterval()),
                        java.util.stream.DoubleStream.concat(Arrays.stream(edges), java.util.stream.DoubleStream.of(tEnd)))
                        .filter(x -> x <= tEnd).sorted().distinct().toArray();
                DormandPrince45 dp = new DormandPrince45(1e-6, 1e-6, 1e-20, 1e-12, 1e-15);
                double t = 0.0;
                for (double stop : stops) {
                    t = dp.integrate(eq, t, m, stop, StepObserver.NONE);
                    double qk = WallProbe.positionFromIntegral(mesh, m);
                    out.add(t, qk, velocity(eq, t, m, dm, oz, cells, half), unwrap(out, WallProbe.angle(mesh, m)),
                            pulse.currentDensity(t));
                    int e = Arrays.binarySearch(edges, stop);
                    if (e >= 0) {
                        edgeQ[e] = qk;
                    }
                    if (Double.isNaN(WallProbe.position(mesh, m))) {
                        inTrack = false;
                        break;
                    }
                }
            } else {
                StochasticHeun heun = new StochasticHeun(s.thermalStep());
                long total = (long) Math.ceil(tEnd / s.thermalStep() - 1e-9);
                long every = Math.max(1L, Math.round(s.sampleInterval() / s.thermalStep()));
                long done = 0;
                while (done < total) {
                    long n = Math.min(every, total - done);
                    heun.integrate(eq, done * s.thermalStep(), m, n, StepObserver.NONE);
                    done += n;
                    double t = done * s.thermalStep();
                    double qk = WallProbe.positionFromIntegral(mesh, m);
                    double vk = (qk - out.q[out.n - 1]) / (t - out.t[out.n - 1]);
                    out.add(t, qk, vk, unwrap(out, WallProbe.angle(mesh, m)), pulse.currentDensity(t));
                    if (Double.isNaN(WallProbe.position(mesh, m))) {
                        inTrack = false;
                        break;
                    }
                }
                if (out.n > 1) {
                    out.v[0] = out.v[1];
                }
            }
            double[] time = Arrays.copyOf(out.t, out.n);
            double[] q = Arrays.copyOf(out.q, out.n);
            double vMean = meanVelocity(pulse, time, q, thermal ? new double[0] : edges,
                    thermal ? new double[0] : edgeQ, qStart);
            double qLast = q[out.n - 1];
            RunResult.Trace trace = wantTrace ? new RunResult.Trace(time, q, Arrays.copyOf(out.v, out.n),
                    Arrays.copyOf(out.phi, out.n), Arrays.copyOf(out.j, out.n)) : null;
            return new RunResult(run, point, qLast, qLast - qStart, vMean, peak(out.v, thermal ? 1 : 0),
                    out.phi[out.n - 1], inTrack, time[out.n - 1], "ok", "", (System.nanoTime() - t0) * 1e-9, trace);
        }
    }

    /** d/dt of the m_z-integral position: (dx / 2) sum dm_z/dt over the TM sublattice. */
    private static double velocity(LlgEquation eq, double t, double[] m, double[] dm, int oz, int cells, double half) {
        eq.derivatives(t, m, dm);
        double sum = 0.0;
        for (int k = 0; k < cells; k++) {
            sum += dm[oz + k];
        }
        return half * sum;
    }

    private static double unwrap(Samples s, double a) {
        double prev = s.phi[s.n - 1];
        return a + 2 * Math.PI * Math.rint((prev - a) / (2 * Math.PI));
    }

    /** Signed value of largest magnitude from index {@code from} on; NaN if none. */
    static double peak(double[] v, int from) {
        double best = Double.NaN;
        for (int k = from; k < v.length; k++) {
            if (Double.isNaN(best) || Math.abs(v[k]) > Math.abs(best)) {
                best = v[k];
            }
        }
        return best;
    }

    /**
     * Mean velocity over the pulse [start of rise, end of fall], the end cut at the last sample; positions at
     * exact edge states where known, else interpolated between samples. NaN for a pulse of zero length.
     */
    static double meanVelocity(RectangularPulse pulse, double[] time, double[] q, double[] edgeTime,
            double[] edgeQ, double q0) {
        double ta = pulse.start();
        double tb = Math.min(pulse.end(), time[time.length - 1]);
        if (!(tb > ta)) {
            return Double.NaN;
        }
        double qa = positionAt(ta, time, q, edgeTime, edgeQ, q0);
        double qb = positionAt(tb, time, q, edgeTime, edgeQ, q0);
        return (qb - qa) / (tb - ta);
    }

    private static double positionAt(double t, double[] time, double[] q, double[] edgeTime, double[] edgeQ,
            double q0) {
        if (t <= time[0]) {
            return q0;
        }
        for (int k = 0; k < edgeTime.length; k++) {
            if (edgeTime[k] == t && !Double.isNaN(edgeQ[k])) {
                return edgeQ[k];
            }
        }
        int n = time.length;
        if (t >= time[n - 1]) {
            return q[n - 1];
        }
        int k = Arrays.binarySearch(time, t);
        if (k >= 0) {
            return q[k];
        }
        k = -k - 2;
        double w = (t - time[k]) / (time[k + 1] - time[k]);
        return q[k] + w * (q[k + 1] - q[k]);
    }

    /** Growable sample buffers. */
    private static final class Samples {
        double[] t = new double[256];
        double[] q = new double[256];
        double[] v = new double[256];
        double[] phi = new double[256];
        double[] j = new double[256];
        int n;

        void add(double ti, double qi, double vi, double phii, double ji) {
            if (n == t.length) {
                t = Arrays.copyOf(t, 2 * n);
                q = Arrays.copyOf(q, 2 * n);
                v = Arrays.copyOf(v, 2 * n);
                phi = Arrays.copyOf(phi, 2 * n);
                j = Arrays.copyOf(j, 2 * n);
            }
            t[n] = ti;
            q[n] = qi;
            v[n] = vi;
            phi[n] = phii;
            j[n] = ji;
            n++;
        }
    }
}
