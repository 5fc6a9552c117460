package dev.spinnet.llg.micromag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.spinnet.llg.cc.CurrentWaveform;
import dev.spinnet.llg.cc.RectangularPulse;
import dev.spinnet.llg.cc.WallClosedForms;
import dev.spinnet.llg.cc.WallTrajectory;
import dev.spinnet.llg.material.Ferrimagnet;
import dev.spinnet.llg.material.HeavyMetal;
import dev.spinnet.llg.material.MaterialState;
import dev.spinnet.llg.material.Sublattice;
import dev.spinnet.llg.ode.DormandPrince45;

/** Ferromagnetic Walker breakdown in the full 1D LLG (damping 0.5, K_perp = 1e5 J/m^3 for short runs). */
class LlgWalkerTest {
    static final Ferrimagnet CO = new Ferrimagnet("Co walker", new Sublattice("Co", 1.1e6, 0, 2.2, 0.5),
            Sublattice.absent("none", 2.0, 0.5), 1.6e-11, 0, 4e5, 1e5, 0, 0.6e-9, HeavyMetal.PLATINUM);

    static WallTrajectory run(MaterialState s, double h, double duration) {
        Mesh1D mesh = new Mesh1D(300, 1e-9, 1e-16);
        LlgEquation eq = FilmTrack.build(s, mesh, h, CurrentWaveform.constant(0), 0, 0, 0);
        double[] m = new double[mesh.stateLength()];
        WallProbe.setWall(mesh, m, 100e-9, s.wallWidth(), Math.PI / 2);
        return LlgWallRunner.run(eq, m, new DormandPrince45(1e-6, 1e-6, 1e-20, 1e-12, 1e-15), 0, duration,
                duration / 400, new double[0]);
    }

    /** Mean velocity between the first and last crossings of phi through multiples of pi after 1/3 of the run. */
    static double meanOverPeriods(WallTrajectory tr) {
        double[] t = tr.time();
        double[] phi = tr.angle();
        double first = Double.NaN;
        double last = Double.NaN;
        for (int k = 1; k < t.length; k++) {
            if (t[k] < tr.finalTime() / 3) {
                continue;
            }
            double a = Math.floor(phi[k - 1] / Math.PI);
            double b = Math.floor(phi[k] / Math.PI);
            if (a != b) {
                double target = Math.max(a, b) * Math.PI;
                double tc = t[k - 1] + (target - phi[k - 1]) / (phi[k] - phi[k - 1]) * (t[k] - t[k - 1]);
                first = Double.isNaN(first) ? tc : first;
                last = tc;
            }
        }
        return tr.meanVelocity(first, last);
    }

    @Test
    void steadyBelowAndPrecessionalAboveWalkerField() {
        MaterialState s = CO.at(300);
        double hw = s.walkerField();
        double vw = WallClosedForms.fieldVelocity(s, hw);
        WallTrajectory below = run(s, 0.5 * hw, 0.6e-9);
        double vBelow = below.meanVelocity(0.3e-9, 0.6e-9);
        double errBelow = Math.abs(vBelow / WallClosedForms.fieldVelocity(s, 0.5 * hw) - 1);
        WallTrajectory above = run(s, 2.0 * hw, 1.5e-9);
        double vAbove = meanOverPeriods(above);
        double expectedAbove = WallClosedForms.fieldMeanVelocity(s, 2.0 * hw);
        double errAbove = Math.abs(vAbove / expectedAbove - 1);
        System.out.printf("LLG Walker: H_W = %.0f A/m; v(H_W/2) = %.2f m/s (rel err %.2e); "
                + "mean v(2 H_W) = %.2f m/s vs %.2f (rel err %.2e); v(H_W) = %.2f%n", hw, vBelow, errBelow, vAbove,
                expectedAbove, errAbove, vw);
        assertTrue(errBelow < 0.05, "below Walker: " + errBelow);
        assertTrue(errAbove < 0.10, "above Walker: " + errAbove);
        assertTrue(vAbove < 0.7 * vw, "mean velocity drops above H_W");
        assertTrue(Math.abs(above.finalAngle() - Math.PI / 2) > 2 * Math.PI, "wall angle precesses above H_W");
    }

    @Test
    void pulseDisplacementMatchesCollectiveModelIncludingRelaxation() {
        MaterialState s = dev.spinnet.llg.material.Presets.coFerromagnet().at(300);
        Mesh1D mesh = new Mesh1D(300, 1e-9, 1e-16);
        RectangularPulse pulse = new RectangularPulse(1e12, 0.05e-9, 0, 0.2e-9, 0);
        LlgEquation eq = FilmTrack.build(s, mesh, 0, pulse, 0, 0, 0);
        double[] m = new double[mesh.stateLength()];
        WallProbe.setWall(mesh, m, 100e-9, s.wallWidth(), 0);
        double end = 1.2e-9;
        WallTrajectory tr = LlgWallRunner.run(eq, m, new DormandPrince45(1e-6, 1e-6, 1e-20, 1e-12, 1e-15), 0,
                end, 0.07e-9, pulse.breakpoints());
        assertEquals(2, tr.edgeTime().length);
        assertEquals(0.25e-9, tr.edgeTime()[1], 1e-21);
        WallTrajectory cc = dev.spinnet.llg.cc.WallDynamicsSimulator.defaults().run(
                new dev.spinnet.llg.cc.CollectiveCoordinateModel(s, 0, pulse, dev.spinnet.llg.cc.WallPotential.NONE),
                0, 0, 0, end, 1e-12);
        double duringLlg = tr.edgePosition()[1] - tr.edgePosition()[0];
        double duringCc = cc.edgePosition()[1] - cc.edgePosition()[0];
        double totalLlg = tr.finalPosition() - tr.position()[0];
        double totalCc = cc.finalPosition();
        System.out.printf("0.2 ns pulse, 1e12 A/m^2: displacement during pulse LLG %.2f nm / CC %.2f nm, "
                + "after relaxation LLG %.2f nm / CC %.2f nm%n", duringLlg * 1e9, duringCc * 1e9, totalLlg * 1e9,
                totalCc * 1e9);
        assertEquals(duringCc, duringLlg, 0.05 * Math.abs(duringCc));
        assertEquals(totalCc, totalLlg, 0.05 * Math.abs(totalCc));
    }
}
