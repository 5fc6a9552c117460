package dev.spinnet.llg.micromag;

import static dev.spinnet.llg.validation.CheckAssert.assertAllPass;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.spinnet.llg.cc.CurrentWaveform;
import dev.spinnet.llg.validation.AnalyticChecks;

/** Reference validation problems of the physics reference for the 1D LLG solver (see {@link AnalyticChecks}). */
class LlgValidationTest {

    @Test
    void macrospinPrecessionAndDampingMatchAnalyticSolution() {
        assertAllPass(AnalyticChecks.macrospinPrecession());
    }

    @Test
    void staticWallProfileIsTanhWithWidthSqrtAOverK() {
        assertAllPass(AnalyticChecks.staticWallProfile());
    }

    @Test
    void energyIsConservedWithoutDamping() {
        assertAllPass(AnalyticChecks.energyConservation());
    }

    @Test
    void soTorqueWithoutCurrentAddsNothing() {
        Mesh1D mesh = new Mesh1D(4, 1e-9, 1e-18);
        Medium medium = Medium.ferromagnet(mesh, 1e6, 1.76e11, 0.1);
        SpinOrbitTorque sot = new SpinOrbitTorque(medium, 0.1, 1e-9, CurrentWaveform.constant(0), 0.5);
        double[] m = new double[mesh.stateLength()];
        WallProbe.setWall(mesh, m, 2e-9, 1e-9, 0);
        double[] b = new double[mesh.stateLength()];
        sot.addField(0, m, b, 0, 4);
        for (double v : b) {
            assertEquals(0.0, v);
        }
    }
}
