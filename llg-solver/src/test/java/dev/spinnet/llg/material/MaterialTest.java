package dev.spinnet.llg.material;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MaterialTest {

    @Test
    void referenceLinesGiveAnalyticCompensationPoints() {
        // Published 1D set: M_TM = 1242 - 0.6855 T, M_RE = 1105 - 0.462 T (kA/m), g 2.2/2.0.
        Ferrimagnet f = new Ferrimagnet("ref", new Sublattice("TM", 1242e3, 685.5, 2.2, 0.01),
                new Sublattice("RE", 1105e3, 462.0, 2.0, 0.01), 1e-12, -1e7, 1e5, 0, 0, 1e-9,
                HeavyMetal.PLATINUM);
        double tM = 137.0 / 0.2235; // M_TM = M_RE
        double tA = (2.0 * 1242 - 2.2 * 1105) / (2.0 * 0.6855 - 2.2 * 0.462); // M_TM/2.2 = M_RE/2.0
        assertEquals(tM, f.magnetisationCompensation().getAsDouble(), 1e-6);
        assertEquals(tA, f.angularMomentumCompensation().getAsDouble(), 1e-6);
    }

    @Test
    void presetsHaveDistinctCompensationPointsNearRoomTemperature() {
        for (Ferrimagnet f : new Ferrimagnet[] {Presets.gdFeCo(), Presets.gdCo()}) {
            double tM = f.magnetisationCompensation().getAsDouble();
            double tA = f.angularMomentumCompensation().getAsDouble();
            assertTrue(tM > 200 && tM < 350, f.name() + " T_M=" + tM);
            assertTrue(tA > 200 && tA < 350, f.name() + " T_A=" + tA);
            assertTrue(tA - tM > 10, f.name() + " T_A - T_M = " + (tA - tM));
            assertEquals(0.0, f.at(tA).sNet() / f.at(tA).sTotal(), 1e-9);
            assertEquals(0.0, f.at(tM).mNet() / f.at(tM).mSum(), 1e-9);
        }
        assertEquals(241.0, Presets.gdFeCo().magnetisationCompensation().getAsDouble(), 0.1);
        assertEquals(260.0, Presets.gdFeCo().angularMomentumCompensation().getAsDouble(), 0.1);
        assertEquals(290.0, Presets.gdCo().magnetisationCompensation().getAsDouble(), 0.1);
        assertEquals(315.0, Presets.gdCo().angularMomentumCompensation().getAsDouble(), 0.1);
    }

    @Test
    void ferromagnetHasNoCompensationAndSNetEqualsS() {
        Ferrimagnet co = Presets.coFerromagnet();
        assertFalse(co.magnetisationCompensation().isPresent());
        assertFalse(co.angularMomentumCompensation().isPresent());
        MaterialState s = co.at(300);
        assertEquals(s.sTotal(), s.sNet(), 0.0);
        assertEquals(1.1e6, s.mNet(), 0.0);
        assertEquals(0.1, s.effectiveDamping(), 1e-15);
    }

    @Test
    void derivedQuantities() {
        MaterialState s = Presets.gdFeCo().at(300);
        double gammaTm = 2.2 * PhysicalConstants.MU_B / PhysicalConstants.HBAR;
        assertEquals(1.935e11, gammaTm, 1e8);
        assertEquals((800e3 - 300e3) / gammaTm, s.sTm(), 1e-9 * s.sTm());
        assertEquals(Math.sqrt(1.5e-12 / 1e5), s.wallWidth(), 1e-15);
        assertTrue(s.mNet() > 0 && s.sNet() > 0, "TM dominated above T_A");
        assertEquals(0.0, new Sublattice("x", 100, 1, 2, 0.1).ms(1000), 0.0, "clamped at zero");
        // J_s = hbar theta j / (2 e t_F)
        double js = PhysicalConstants.HBAR * 0.07 * 1e11 / (2 * PhysicalConstants.E_CHARGE * 5e-9);
        assertEquals(js, s.spinHallPressure(1e11), 1e-12 * js);
    }

    @Test
    void invalidParametersAreRejectedWithNamedMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sublattice("TM", -1, 0, 2, 0.1));
        assertTrue(e.getMessage().contains("TM.ms0") && e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Sublattice("TM", 1, 0, 2, 0));
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Sublattice("TM", Double.NaN, 0, 2, 0.1));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Sublattice("TM", 1, Double.POSITIVE_INFINITY, 2, 0.1));
        Sublattice tm = new Sublattice("TM", 1e6, 0, 2, 0.1);
        Sublattice re = Sublattice.absent("RE", 2, 0.1);
        e = assertThrows(IllegalArgumentException.class,
                () -> new Ferrimagnet("f", tm, re, 1e-11, 0, 1e5, 0, 0, 0.0, HeavyMetal.PLATINUM));
        assertTrue(e.getMessage().contains("thickness") && e.getMessage().contains("0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Ferrimagnet("f", tm, re, -1e-11, 0, 1e5, 0, 0, 1e-9, HeavyMetal.PLATINUM));
        assertTrue(e.getMessage().contains("exchangeStiffness"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Ferrimagnet("f", tm, re, 1e-11, 1e6, 1e5, 0, 0, 1e-9, HeavyMetal.PLATINUM));
        assertThrows(IllegalArgumentException.class,
                () -> new Ferrimagnet("f", tm, re, 1e-11, 0, 1e5, 0, Double.NaN, 1e-9, HeavyMetal.PLATINUM));
        assertThrows(IllegalArgumentException.class, () -> new HeavyMetal("Pt", 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> Presets.gdCo().at(-1));
        assertThrows(IllegalArgumentException.class, () -> Presets.gdCo().at(Double.NaN));
    }
}
