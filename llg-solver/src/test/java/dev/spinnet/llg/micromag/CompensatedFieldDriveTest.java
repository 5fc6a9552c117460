package dev.spinnet.llg.micromag;

import static dev.spinnet.llg.validation.CheckAssert.assertAllPass;

import org.junit.jupiter.api.Test;

import dev.spinnet.llg.validation.AnalyticChecks;

/** No Walker breakdown at T_A, in the collective model and the full LLG (see {@link AnalyticChecks}). */
class CompensatedFieldDriveTest {

    @Test
    void fieldDrivenVelocityIsLinearAtTaInCollectiveModelAndLlg() {
        assertAllPass(AnalyticChecks.compensatedFieldDrive());
    }
}
