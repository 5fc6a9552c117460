package dev.spinnet.llg.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pass/fail rule of a check: failing inputs fail, NaN never passes. */
class AnalyticCheckTest {
    @Test
    void passRuleFollowsKindAndRejectsNaN() {
        assertTrue(AnalyticCheck.relative("g", "n", "r", "m/s", 100, 101, 0.02, 0).passed());
        AnalyticCheck off = AnalyticCheck.relative("g", "n", "r", "m/s", 100, 103, 0.02, 0);
        assertFalse(off.passed());
        assertEquals(0.03, off.error(), 1e-12);
        assertTrue(off.describe().endsWith("FAIL"), off.describe());
        assertFalse(AnalyticCheck.relative("g", "n", "r", "", 1, Double.NaN, 0.02, 0).passed());
        assertTrue(AnalyticCheck.absolute("g", "n", "r", "K", 300, 300.5, 1, 0).passed());
        assertFalse(AnalyticCheck.absolute("g", "n", "r", "K", 300, 301.5, 1, 0).passed());
        assertTrue(AnalyticCheck.atMost("g", "n", "r", "", 0.5, 0.7, 0).passed());
        assertFalse(AnalyticCheck.atMost("g", "n", "r", "", 0.8, 0.7, 0).passed());
        assertTrue(AnalyticCheck.atLeast("g", "n", "r", "", 3, 2, 0).passed());
        assertFalse(AnalyticCheck.atLeast("g", "n", "r", "", 1, 2, 0).passed());
    }

    @Test
    void everyFamilyIsListedOnce() {
        assertEquals(12, AnalyticChecks.families().size());
    }
}
