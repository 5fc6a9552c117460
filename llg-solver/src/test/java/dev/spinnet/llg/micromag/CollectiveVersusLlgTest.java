package dev.spinnet.llg.micromag;

import static dev.spinnet.llg.validation.CheckAssert.assertAllPass;

import org.junit.jupiter.api.Test;

import dev.spinnet.llg.validation.AnalyticChecks;

/** Steady SOT + DMI wall velocity: full 1D LLG versus the collective model, within 5 %. */
class CollectiveVersusLlgTest {

    @Test
    void ferromagnetAndFerrimagnetSteadyVelocity() {
        assertAllPass(AnalyticChecks.llgSteadyVelocity());
    }
}
