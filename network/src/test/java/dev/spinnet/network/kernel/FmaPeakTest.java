package dev.spinnet.network.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FmaPeakTest {
    /** The timed loop must do exactly the FMAs it is credited with: compare with scalar Math.fma. */
    @Test
    void kernelMatchesScalarFusedMultiplyAdds() {
        float seed = 1.25f;
        float expected = 0;
        for (int chain = 0; chain < FmaPeak.CHAINS; chain++) {
            float x = seed + chain * 1e-3f;
            for (long i = 0; i < FmaPeak.flopsPerCall() / (2.0 * FmaPeak.CHAINS * Sgemm.L); i++) {
                x = Math.fma(x, 0.999_999f, 1e-6f);
            }
            expected += x;
        }
        float got = FmaPeak.kernel(seed) / Sgemm.L;
        // lanes are identical; only the order of the final sums differs
        assertEquals(expected, got, 1e-5f * Math.abs(expected));
        assertTrue(Math.abs(expected - FmaPeak.CHAINS * seed) > 1e-3f, "the loop must move the accumulators");
    }

    @Test
    void measuresPositiveFiniteThroughput() {
        FmaPeak.Result r = FmaPeak.measure(2, 0.3);
        assertTrue(r.gflopsOneThread() > 0 && Double.isFinite(r.gflopsOneThread()));
        assertTrue(r.gflopsAllThreads() > 0 && Double.isFinite(r.gflopsAllThreads()));
        assertEquals(2, r.threads());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> FmaPeak.measure(0, 1));
        assertThrows(IllegalArgumentException.class, () -> FmaPeak.measure(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> FmaPeak.measure(1, -1));
    }
}
