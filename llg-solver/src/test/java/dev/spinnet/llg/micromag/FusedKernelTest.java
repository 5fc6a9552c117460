package dev.spinnet.llg.micromag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.spinnet.llg.cc.CurrentWaveform;
import dev.spinnet.llg.cc.RectangularPulse;
import dev.spinnet.llg.material.MaterialState;
import dev.spinnet.llg.material.Presets;

/** The fused single-pass RHS is bit-identical to the term-by-term one. */
class FusedKernelTest {

    static void compare(MaterialState s, double hz, CurrentWaveform j, double chi, double noiseT) {
        Mesh1D mesh = new Mesh1D(131, 1e-9, 5e-16);
        try (LlgEquation eq = FilmTrack.build(s, mesh, hz, j, chi, noiseT, 11L)) {
            assertTrue(eq.fused());
            double[] y = new double[mesh.stateLength()];
            WallProbe.setWall(mesh, y, 50e-9, 4e-9, 0.7);
            // perturb so that all components are non-trivial
            for (int i = 0; i < y.length; i++) {
                y[i] += 1e-3 * Math.sin(0.37 * i);
            }
            eq.project(y);
            double[] a = new double[y.length];
            double[] b = new double[y.length];
            eq.beginStep(0, 1e-14);
            for (double t : new double[] {0, 3e-11, 1e-9}) {
                eq.derivatives(t, y, a);
                eq.evaluateGeneric(t, y, b, 0, mesh.cells());
                assertArrayEquals(b, a, 0.0);
                eq.evaluateGeneric(t, y, b, 40, 90);
                eq.derivatives(t, y, a);
                assertArrayEquals(b, a, 0.0);
            }
        }
    }

    @Test
    void bitIdenticalToTermByTerm() {
        compare(Presets.gdFeCo().at(300), 1e3, CurrentWaveform.constant(1e11), 0.2, 300);
        compare(Presets.gdCo().at(320), 0, new RectangularPulse(5e11, 1e-11, 0, 2e-11, 0), 0, 0);
        compare(Presets.coFerromagnet().at(300), -2e4, CurrentWaveform.constant(-1e12), 0.1, 300);
        compare(Presets.gdCo().at(300).material().withDmi(0).withKperp(0).at(300), 0, CurrentWaveform.constant(0), 0,
                0);
    }

    @Test
    void otherTermListsUseTheGenericPath() {
        Mesh1D mesh = new Mesh1D(16, 1e-9, 1e-16);
        Medium medium = Medium.of(Presets.gdCo().at(300), mesh);
        try (LlgEquation eq = new LlgEquation(medium, List.of(new UniaxialAnisotropy(medium, 1e4),
                new Exchange(medium, 1e-12)))) {
            assertFalse(eq.fused());
        }
    }
}
