package dev.spinnet.network.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EvaluationResultTest {

    private static Evaluation.Result result(long[][] confusion) {
        return new Evaluation.Result(Double.NaN, confusion, 0);
    }

    @Test
    void percentCorrectIsTheDecimalPercentage() {
        // 7607 of 10000 right: 100 * (7607 / 10000.0) would give 76.07000000000001.
        long[][] confusion = {{7000, 1393}, {1000, 607}};
        assertEquals("76.07", Double.toString(result(confusion).percentCorrect()));
        assertEquals(100.0, result(new long[][]{{3, 0}, {0, 4}}).percentCorrect());
    }

    @Test
    void emptyMatrixHasNoAccuracy() {
        assertTrue(Double.isNaN(result(new long[][]{{0, 0}, {0, 0}}).percentCorrect()));
    }
}
