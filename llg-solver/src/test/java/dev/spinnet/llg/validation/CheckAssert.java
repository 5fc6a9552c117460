package dev.spinnet.llg.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Asserts that every analytic check of a family passes (printing each one). */
public final class CheckAssert {
    private CheckAssert() {
    }

    public static void assertAllPass(List<AnalyticCheck> checks) {
        assertFalse(checks.isEmpty(), "a family must produce checks");
        for (AnalyticCheck c : checks) {
            System.out.println(c.describe());
            assertTrue(c.passed(), c.describe());
        }
    }
}
