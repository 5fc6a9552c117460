package dev.spinnet.llg.micromag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

import dev.spinnet.llg.cc.CurrentWaveform;
import dev.spinnet.llg.material.Presets;

class ParallelRhsTest {

    @Test
    void twoThreadRightHandSideEqualsSingleThread() {
        Mesh1D mesh = new Mesh1D(257, 1e-9, 5e-18);
        double[] y = new double[mesh.stateLength()];
        WallProbe.setWall(mesh, y, 100e-9, 4e-9, 0.4);
        double[] one = new double[y.length];
        double[] two = new double[y.length];
        try (LlgEquation a = FilmTrack.build(Presets.gdFeCo().at(280), mesh, 1e4, CurrentWaveform.constant(1e11),
                0.3, 300, 7L);
                LlgEquation b = FilmTrack.build(Presets.gdFeCo().at(280), mesh, 1e4,
                        CurrentWaveform.constant(1e11), 0.3, 300, 7L).threads(2)) {
            a.beginStep(0, 1e-14);
            b.beginStep(0, 1e-14);
            for (int r = 0; r < 200; r++) {
                a.derivatives(r * 1e-13, y, one);
                b.derivatives(r * 1e-13, y, two);
                assertArrayEquals(one, two, 0.0);
            }
        }
    }
}
