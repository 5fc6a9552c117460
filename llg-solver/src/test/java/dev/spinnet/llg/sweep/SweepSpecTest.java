package dev.spinnet.llg.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.spinnet.llg.material.Ferrimagnet;

class SweepSpecTest {

    static SweepSpec spec(String model, SweepSettings s, Axis... axes) {
        return SweepSpec.of("gdco", model, List.of(axes), s);
    }

    @Test
    void parsesListsRangesAndLogRanges() {
        assertArrayEquals(new double[] {1e-9, 2e-9}, Axis.parseValues("w", "1e-9,2e-9"));
        double[] r = Axis.parseValues("j", "1e11:1e12:10");
        assertEquals(10, r.length);
        assertEquals(1e11, r[0]);
        assertEquals(2e11, r[1], 1e-3);
        assertEquals(1e12, r[9]);
        assertArrayEquals(new double[] {280, 290, 300}, Axis.parseValues("T", "280:300:3"));
        assertArrayEquals(new double[] {0, 1, 2, 3}, Axis.parseValues("x", "0, 1:3:3"));
        double[] g = Axis.parseValues("j", "1e10:1e12:3:log");
        assertEquals(1e10, g[0]);
        assertEquals(1e11, g[1], 1e-3);
        assertEquals(1e12, g[2]);
        assertArrayEquals(new double[] {5}, Axis.parseValues("x", "5:5:1"));
        Axis a = Axis.parseAssignment("damping=0.01,0.02");
        assertEquals(SweepParameter.DAMPING, a.parameter());
        assertEquals(SweepParameter.K_PERP, Axis.parseAssignment("K_perp=1e3").parameter());
        assertEquals(SweepParameter.DMI, Axis.parseAssignment("D=1e-4").parameter());
        assertEquals(SweepParameter.THETA_SH, Axis.parseAssignment("theta-SH=0.1").parameter());
    }

    @Test
    void badValuesGiveOneLineErrors() {
        for (String bad : new String[] {"", " ", "NaN", "Infinity", "1,,2", "a", "1:2", "1:2:0", "1:2:x", "1:2:1",
            "-1:1:3:log", "1:2:3:lin"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Axis.parseValues("--j", bad), bad);
            assertTrue(e.getMessage().startsWith("--j"), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"));
        }
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> new Axis(SweepParameter.PULSE_WIDTH, new double[] {1e-9, -1e-9}));
        assertTrue(neg.getMessage().contains("pulse_width") && neg.getMessage().contains(">= 0"), neg.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Axis(SweepParameter.J, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new Axis(SweepParameter.DAMPING, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new Axis(SweepParameter.TEMPERATURE, new double[] {-1}));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Axis.parseAssignment("bogus=1"));
        assertTrue(unknown.getMessage().contains("unknown sweep parameter 'bogus'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Axis.parseAssignment("damping"));
        IllegalArgumentException mat = assertThrows(IllegalArgumentException.class,
                () -> SweepSpec.of("unobtainium", "cc", List.of(), SweepSettings.defaults()));
        assertTrue(mat.getMessage().contains("unknown material 'unobtainium'"), mat.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SweepSpec.of("gdco", "mumax", List.of(), SweepSettings.defaults()));
        assertThrows(IllegalArgumentException.class, () -> spec("cc", SweepSettings.defaults(),
                Axis.parse("j", "1e11"), Axis.parse("current", "2e11")));
        assertThrows(IllegalArgumentException.class, () -> spec("cc", SweepSettings.defaults(),
                Axis.parse("damping", "0.1"), Axis.parse("alpha_tm", "0.2")));
        assertThrows(IllegalArgumentException.class, () -> spec("cc", SweepSettings.defaults().withThermal(true)));
        assertThrows(IllegalArgumentException.class,
                () -> spec("llg", SweepSettings.defaults().withPinning(1e-3, 50e-9)));
        assertThrows(IllegalArgumentException.class, () -> SweepSettings.defaults().withTrack(1e-6, 2e-6, 1e-7));
        assertThrows(IllegalArgumentException.class, () -> SweepSettings.defaults().withPulse(Double.NaN, 0, 0, 0));
        // a temperature where both sublattices have vanished
        IllegalArgumentException hot = assertThrows(IllegalArgumentException.class,
                () -> spec("cc", SweepSettings.defaults(), Axis.parse("temperature", "300,1300")).validateRuns());
        assertTrue(hot.getMessage().startsWith("run 1 "), hot.getMessage());
    }

    @Test
    void expandsTheCartesianProductLastAxisFastest() {
        SweepSpec s = spec("cc", SweepSettings.defaults(), Axis.parse("j", "1e11,2e11"),
                Axis.parse("temperature", "280,300,320"), Axis.parse("damping", "0.05,0.1"));
        assertEquals(12, s.runCount());
        assertEquals(List.of("j_A_per_m2", "temperature_K", "damping", "pulse_width_s"), s.parameterColumns());
        assertArrayEquals(new double[] {1e11, 280, 0.05, 1e-9}, s.point(0));
        assertArrayEquals(new double[] {1e11, 280, 0.1, 1e-9}, s.point(1));
        assertArrayEquals(new double[] {1e11, 300, 0.05, 1e-9}, s.point(2));
        assertArrayEquals(new double[] {2e11, 280, 0.05, 1e-9}, s.point(6));
        assertArrayEquals(new double[] {2e11, 320, 0.1, 1e-9}, s.point(11));
        assertThrows(IllegalArgumentException.class, () -> s.point(12));
        Ferrimagnet f = s.material(1);
        assertEquals(0.1, f.tm().alpha());
        assertEquals(0.1, f.re().alpha());
        assertEquals(0.05, s.material(0).re().alpha());
        assertEquals(0.0, s.value(3, SweepParameter.HZ, 0.0));
        Ferrimagnet d = spec("cc", SweepSettings.defaults(), Axis.parse("D", "-1e-4"), Axis.parse("K_u", "3e4"),
                Axis.parse("theta_SH", "-0.1")).material(0);
        assertEquals(-1e-4, d.dmi());
        assertEquals(3e4, d.anisotropyKu());
        assertEquals(-0.1, d.heavyMetal().spinHallAngle());
        // defaults of the drive axes
        SweepSpec bare = spec("cc", SweepSettings.defaults());
        assertEquals(1, bare.runCount());
        assertArrayEquals(new double[] {5e11, 1e-9, 300}, bare.point(0));
    }

    @Test
    void hashCoversEveryResultRelevantSetting() {
        SweepSpec a = spec("cc", SweepSettings.defaults(), Axis.parse("j", "1e11,2e11"));
        SweepSpec b = spec("cc", SweepSettings.defaults(), Axis.parse("j", "1e11,2e11"));
        assertEquals(a.hash(), b.hash());
        assertEquals(a.canonical(), b.canonical());
        assertNotEquals(a.hash(), spec("cc", SweepSettings.defaults().withSeed(2), Axis.parse("j", "1e11,2e11")).hash());
        assertNotEquals(a.hash(), spec("llg", SweepSettings.defaults(), Axis.parse("j", "1e11,2e11")).hash());
        assertNotEquals(a.hash(), spec("cc", SweepSettings.defaults(), Axis.parse("j", "1e11,3e11")).hash());
        assertNotEquals(a.hash(), spec("cc", SweepSettings.defaults().withPulse(1e-11, 0, 0, 1e-9),
                Axis.parse("j", "1e11,2e11")).hash());
        assertEquals(16, a.hash().length());
    }

    @Test
    void runSeedsAreDistinctAndStable() {
        assertEquals(SweepSettings.runSeed(1, 5), SweepSettings.runSeed(1, 5));
        assertNotEquals(SweepSettings.runSeed(1, 5), SweepSettings.runSeed(1, 6));
        assertNotEquals(SweepSettings.runSeed(1, 5), SweepSettings.runSeed(2, 5));
    }
}
