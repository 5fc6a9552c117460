package dev.spinnet.llg.micromag;

import static dev.spinnet.llg.validation.CheckAssert.assertAllPass;

import org.junit.jupiter.api.Test;

import dev.spinnet.llg.validation.AnalyticChecks;

/** Ferromagnetic Walker breakdown and pulse response in the full 1D LLG (see {@link AnalyticChecks}). */
class LlgWalkerTest {

    @Test
    void steadyBelowAndPrecessionalAboveWalkerField() {
        assertAllPass(AnalyticChecks.llgWalkerBreakdown());
    }

    @Test
    void pulseDisplacementMatchesCollectiveModelIncludingRelaxation() {
        assertAllPass(AnalyticChecks.llgPulseDisplacement());
    }
}
