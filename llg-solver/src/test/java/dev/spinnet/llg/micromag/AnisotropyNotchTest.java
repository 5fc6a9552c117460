package dev.spinnet.llg.micromag;

import dev.spinnet.llg.ode.DormandPrince45;
import dev.spinnet.llg.ode.StepObserver;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A local anisotropy reduction pins the wall: it relaxes into the notch; without one it stays. */
class AnisotropyNotchTest {
    private static final double A = 30e-12;
    private static final double K = 520e3;

    private static double relax(boolean notch, double start) {
        Mesh1D mesh = new Mesh1D(200, 1e-9, 1e-18);
        Medium medium = Medium.ferromagnet(mesh, 1.4e6, 1.76e11, 1.0);
        List<FieldTerm> terms = new java.util.ArrayList<>(List.of(new Exchange(medium, A),
                new UniaxialAnisotropy(medium, K)));
        if (notch) {
            terms.add(AnisotropyModulation.gaussianNotches(medium, new double[]{100e-9}, 6e-9, 0.3 * K));
        }
        LlgEquation eq = new LlgEquation(medium, terms);
        double[] m = new double[mesh.stateLength()];
        WallProbe.setWall(mesh, m, start, Math.sqrt(A / K), 0.0);
        new DormandPrince45(1e-7, 1e-7, 1e-20, 1e-12, 1e-14).integrate(eq, 0, m, 1e-9, StepObserver.NONE);
        return WallProbe.position(mesh, m);
    }

    @Test
    void wallRelaxesIntoTheNotch() {
        double withNotch = relax(true, 106e-9);
        double without = relax(false, 106e-9);
        assertEquals(100e-9, withNotch, 0.5e-9, "wall should sit at the notch centre");
        assertEquals(106e-9, without, 0.5e-9, "without a notch the wall stays where it was");
    }

    @Test
    void badNotchesAreRefused() {
        Mesh1D mesh = new Mesh1D(10, 1e-9, 1e-18);
        Medium medium = Medium.ferromagnet(mesh, 1.4e6, 1.76e11, 1.0);
        assertThrows(IllegalArgumentException.class,
                () -> AnisotropyModulation.gaussianNotches(medium, new double[]{5e-9}, 0, 1e5));
        assertThrows(IllegalArgumentException.class, () -> new AnisotropyModulation(medium, new double[3]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AnisotropyModulation(medium, new double[]{0, 0, Double.NaN, 0, 0, 0, 0, 0, 0, 0}));
        assertTrue(e.getMessage().contains("cell 2"), e.getMessage());
    }
}
