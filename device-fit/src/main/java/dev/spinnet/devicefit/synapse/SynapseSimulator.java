package dev.spinnet.devicefit.synapse;

import dev.spinnet.devicefit.physics.PeriodicPulses;
import dev.spinnet.devicefit.physics.ThermalWall;
import dev.spinnet.llg.cc.CollectiveCoordinateModel;
import dev.spinnet.llg.cc.CurrentWaveform;
import dev.spinnet.llg.cc.WallDynamicsSimulator;
import dev.spinnet.llg.cc.WallTrajectory;

/** Pulse trains on a synapse: collective model at T = 0 (DP853) or at T (stochastic Heun). */
public final class SynapseSimulator {
    private SynapseSimulator() {
    }

    /**
     * Plateau (s) for which one pulse moves the nominal wall from the first notch into the second, in the middle
     * of the window of plateaus that do so: w1 = shortest plateau after which the wall, once settled (end of the
     * gap), sits past half a pitch, w2 = shortest that takes it past 1.5 pitches; the result is (w1 + w2) / 2.
     * Judging the settled position, not the position at the end of the pulse, matters for a ferromagnet: its
     * wall keeps moving after the current stops while the wall angle relaxes (wall inertia).
     */
    public static double calibrateWidth(SynapseDesign d) {
        SynapseVariant v = SynapseVariant.nominal(d);
        double w1 = shortestWidthReaching(d, v, 0.5 * d.pitch());
        double w2 = shortestWidthReaching(d, v, 1.5 * d.pitch());
        return 0.5 * (w1 + w2);
    }

    private static double shortestWidthReaching(SynapseDesign d, SynapseVariant v, double target) {
        double lo = 0.0;
        double hi = 20e-9;
        if (settledAfterOnePulse(d, v, hi) < target) {
            throw new IllegalStateException(d.name() + ": even a 20 ns pulse does not move the wall "
                    + target + " m");
        }
        for (int it = 0; it < 40; it++) {
            double mid = 0.5 * (lo + hi);
            if (settledAfterOnePulse(d, v, mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Wall position (m) at the end of the gap after one pulse from the first notch, T = 0. */
    static double settledAfterOnePulse(SynapseDesign d, SynapseVariant v, double width) {
        double end = d.period(width);
        CollectiveCoordinateModel m = new CollectiveCoordinateModel(d.state(), 0.0, d.train(width, +1, 0.0, 1),
                d.track(v.centres(), v.depthFactor()));
        return WallDynamicsSimulator.defaults().run(m, 0.0, 0.0, 0.0, end, end).finalPosition();
    }

    /**
     * Conductances (S) after n = 0..P_max pulses of one sign at T = 0, starting settled in the first notch
     * (sign +1) or the last (sign -1).
     */
    public static double[] branchT0(SynapseDesign d, SynapseVariant v, double width, int sign) {
        int p = d.pulsesPerBranch();
        double period = d.period(width);
        double[] c = v.centres();
        double q0 = sign > 0 ? c[0] : c[c.length - 1];
        CollectiveCoordinateModel m = new CollectiveCoordinateModel(d.state(), 0.0, d.train(width, sign, 0.0, p),
                d.track(c, v.depthFactor()));
        WallTrajectory tr = WallDynamicsSimulator.defaults().run(m, q0, 0.0, 0.0, p * period, period);
        double[] g = new double[p + 1];
        for (int n = 0; n <= p; n++) {
            g[n] = d.conductance(tr.positionAt(n * period));
        }
        return g;
    }

    /**
     * One potentiation-then-depression cycle at the design temperature: P_max positive pulses from the first
     * notch, then P_max negative ones. Returns {potentiation G[0..P], depression G[0..P]} in S.
     */
    public static double[][] cycleThermal(SynapseDesign d, SynapseVariant v, double width, long seed) {
        int p = d.pulsesPerBranch();
        double period = d.period(width);
        CurrentWaveform w = PeriodicPulses.then(d.train(width, +1, 0.0, p), d.train(width, -1, p * period, p));
        CollectiveCoordinateModel m = new CollectiveCoordinateModel(d.state(), 0.0, w, d.track(v.centres(),
                v.depthFactor()));
        ThermalWall wall = new ThermalWall(d.state(), m, d.crossSection(), d.temperature(), seed);
        double[] times = new double[2 * p + 1];
        for (int n = 0; n <= 2 * p; n++) {
            times[n] = n * period;
        }
        double[] q = new double[times.length];
        wall.run(v.centres()[0], 0.0, 0.0, times, d.dt(), q);
        double[][] g = new double[2][p + 1];
        for (int n = 0; n <= p; n++) {
            g[0][n] = d.conductance(q[n]);
            g[1][n] = d.conductance(q[p + n]);
        }
        return g;
    }
}
