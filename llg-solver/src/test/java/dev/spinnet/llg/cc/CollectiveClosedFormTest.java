package dev.spinnet.llg.cc;

import static dev.spinnet.llg.validation.CheckAssert.assertAllPass;

import org.junit.jupiter.api.Test;

import dev.spinnet.llg.validation.AnalyticChecks;

/** The collective model against the reference's closed forms (tolerance 2 %; see {@link AnalyticChecks}). */
class CollectiveClosedFormTest {

    @Test
    void ferromagnetSotDmiSteadyVelocity() {
        assertAllPass(AnalyticChecks.ferromagnetSotDmiVelocity());
    }

    @Test
    void ferrimagnetSotDmiSteadyVelocityAwayFromTa() {
        assertAllPass(AnalyticChecks.ferrimagnetSotDmiVelocityAwayFromTa());
    }

    @Test
    void atAngularCompensationVelocityIsLinearInCurrent() {
        assertAllPass(AnalyticChecks.compensatedSotVelocity());
    }

    /**
     * v(T) peaks at T_A once the drive saturates (j |s_net| >> j0 alphaS away from T_A). The minimum of
     * (j s_net)^2 + (j0 alphaS)^2 sits at s_net = -(j0 alphaS)^2 (ds/dT) / (j^2 s (ds_net/dT)), i.e. ~0.7 K
     * above T_A for GdCo at 1e13 A/m^2 and ~0.1 K for GdFeCo at 5e12 A/m^2; at low current the peak is
     * pulled to higher T by the fall of alphaS(T), which is physical, so the check uses high currents.
     */
    @Test
    void velocityPeaksAtAngularCompensationInTemperatureSweep() {
        assertAllPass(AnalyticChecks.velocityPeakAtAngularCompensation());
    }

    @Test
    void ferromagnetFieldDrivenVelocityAndWalkerBreakdown() {
        assertAllPass(AnalyticChecks.collectiveWalkerBreakdown());
    }
}
