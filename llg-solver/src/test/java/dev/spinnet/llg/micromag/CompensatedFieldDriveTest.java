package dev.spinnet.llg.micromag;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.spinnet.llg.cc.CollectiveCoordinateModel;
import dev.spinnet.llg.cc.CurrentWaveform;
import dev.spinnet.llg.cc.WallClosedForms;
import dev.spinnet.llg.cc.WallDynamicsSimulator;
import dev.spinnet.llg.cc.WallPotential;
import dev.spinnet.llg.cc.WallTrajectory;
import dev.spinnet.llg.material.Ferrimagnet;
import dev.spinnet.llg.material.MaterialState;
import dev.spinnet.llg.material.Presets;
import dev.spinnet.llg.ode.DormandPrince45;

/**
 * No Walker breakdown at T_A: a field drives the wall through M_net != 0 (T_A != T_M) and the velocity
 * stays Delta mu0 M_net H / alphaS, linear, far above the Walker field the same film has 30 K higher.
 */
class CompensatedFieldDriveTest {

    @Test
    void fieldDrivenVelocityIsLinearAtTaInCollectiveModelAndLlg() {
        Ferrimagnet f = Presets.gdCo();
        double ta = f.angularMomentumCompensation().getAsDouble();
        MaterialState s = f.at(ta);
        double hwAbove = f.at(ta + 30).walkerField();
        for (double h : new double[] {0.5 * hwAbove, 20 * hwAbove}) {
            double expected = WallClosedForms.fieldVelocity(s, h);
            WallTrajectory cc = WallDynamicsSimulator.defaults().run(
                    new CollectiveCoordinateModel(s, h, CurrentWaveform.constant(0), WallPotential.NONE), 0,
                    Math.PI / 2, 0, 2e-9, 1e-12);
            double vCc = cc.meanVelocity(1e-9, 2e-9);
            Mesh1D mesh = new Mesh1D(200, 2e-9, 1e-16);
            LlgEquation eq = FilmTrack.build(s, mesh, h, CurrentWaveform.constant(0), 0, 0, 0);
            double[] m = new double[mesh.stateLength()];
            WallProbe.setWall(mesh, m, 100e-9, s.wallWidth(), Math.PI / 2);
            WallTrajectory llg = LlgWallRunner.run(eq, m, new DormandPrince45(1e-6, 1e-6, 1e-20, 1e-12, 1e-15), 0,
                    0.8e-9, 0.1e-9, new double[0]);
            double vLlg = llg.meanVelocity(0.4e-9, 0.8e-9);
            System.out.printf("GdCo at T_A, H = %.3g A/m (H_W at T_A+30K = %.3g): closed %.3f, CC %.3f, LLG %.3f m/s%n",
                    h, hwAbove, expected, vCc, vLlg);
            assertTrue(Math.abs(vCc / expected - 1) < 0.02, "collective " + vCc + " vs " + expected);
            assertTrue(Math.abs(vLlg / expected - 1) < 0.05, "LLG " + vLlg + " vs " + expected);
        }
    }
}
