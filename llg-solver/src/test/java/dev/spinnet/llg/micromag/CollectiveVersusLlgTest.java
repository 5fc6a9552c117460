package dev.spinnet.llg.micromag;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.spinnet.llg.cc.CollectiveCoordinateModel;
import dev.spinnet.llg.cc.CurrentWaveform;
import dev.spinnet.llg.cc.WallDynamicsSimulator;
import dev.spinnet.llg.cc.WallPotential;
import dev.spinnet.llg.cc.WallTrajectory;
import dev.spinnet.llg.material.Ferrimagnet;
import dev.spinnet.llg.material.MaterialState;
import dev.spinnet.llg.material.Presets;
import dev.spinnet.llg.ode.DormandPrince45;
import dev.spinnet.llg.ode.StepObserver;

/** Steady SOT + DMI wall velocity: full 1D LLG versus the collective model, within 5 %. */
class CollectiveVersusLlgTest {

    /** LLG velocity between t1 and t2 (wall position from the m_z integral), m/s. */
    static double llgVelocity(MaterialState s, double dx, int cells, double j, double t1, double t2) {
        Mesh1D mesh = new Mesh1D(cells, dx, 1e-16);
        LlgEquation eq = FilmTrack.build(s, mesh, 0, CurrentWaveform.constant(j), 0, 0, 0);
        double[] m = new double[mesh.stateLength()];
        WallProbe.setWall(mesh, m, 0.2 * mesh.length(), s.wallWidth(), 0.0);
        DormandPrince45 dp = new DormandPrince45(1e-6, 1e-6, 1e-20, 1e-12, 1e-15);
        dp.integrate(eq, 0, m, t1, StepObserver.NONE);
        double q1 = WallProbe.positionFromIntegral(mesh, m);
        dp.integrate(eq, t1, m, t2, StepObserver.NONE);
        double q2 = WallProbe.positionFromIntegral(mesh, m);
        return (q2 - q1) / (t2 - t1);
    }

    static double ccVelocity(MaterialState s, double j, double t1, double t2) {
        WallTrajectory tr = WallDynamicsSimulator.defaults().run(
                new CollectiveCoordinateModel(s, 0, CurrentWaveform.constant(j), WallPotential.NONE), 0, 0, 0, t2,
                1e-12);
        return tr.meanVelocity(t1, t2);
    }

    static void compare(String what, MaterialState s, double dx, int cells, double j, double t1, double t2) {
        double vLlg = llgVelocity(s, dx, cells, j, t1, t2);
        double vCc = ccVelocity(s, j, t1, t2);
        double err = Math.abs(vLlg / vCc - 1);
        System.out.printf("%s: LLG %.2f m/s, collective %.2f m/s, rel diff %.2e%n", what, vLlg, vCc, err);
        assertTrue(err < 0.05, what + ": LLG " + vLlg + " vs CC " + vCc);
    }

    @Test
    void ferromagnetSteadyVelocity() {
        compare("Pt/Co j=1e12", Presets.coFerromagnet().at(300), 1e-9, 400, 1e12, 0.3e-9, 0.8e-9);
    }

    @Test
    void ferrimagnetSteadyVelocityAboveAndAtTa() {
        Ferrimagnet f = Presets.gdCo();
        double ta = f.angularMomentumCompensation().getAsDouble();
        compare("GdCo T_A+30K j=1e12", f.at(ta + 30), 2e-9, 200, 1e12, 0.4e-9, 1.2e-9);
        compare("GdCo T_A j=1e12", f.at(ta), 2e-9, 200, 1e12, 0.4e-9, 1.2e-9);
    }
}
