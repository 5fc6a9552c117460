package dev.spinnet.llg.micromag;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.spinnet.llg.bench.LlgRhsBenchmark;

/** Keeps the benchmark runnable: a 50 ms measurement must report a positive rate. */
class BenchmarkSmokeTest {
    @Test
    void benchmarkMeasures() {
        assertTrue(LlgRhsBenchmark.measure(128, 1, 0.05) > 0);
        assertTrue(LlgRhsBenchmark.measure(128, 2, 0.05) > 0);
    }
}
