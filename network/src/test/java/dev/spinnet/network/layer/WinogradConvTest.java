package dev.spinnet.network.layer;

import dev.spinnet.network.kernel.Parallel;
import dev.spinnet.network.tensor.Rng;
import dev.spinnet.network.tensor.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Winograd F(2x2, 3x3) path of {@link Conv2d} against its im2col GEMM path: the same output and
 * the same three gradients on odd and even map sizes, partial tiles, several chunks and two threads;
 * and finite differences on each path.
 */
class WinogradConvTest {

    private record Pass(float[] y, float[] dx, float[] dw, float[] db) {
    }

    /** Runs {@code body} with the convolution algorithm set to {@code a}, restoring the previous one. */
    private static <T> T using(Conv2d.ConvAlgorithm a, java.util.function.Supplier<T> body) {
        Conv2d.ConvAlgorithm old = Conv2d.algorithm();
        Conv2d.setAlgorithm(a);
        try {
            return body.get();
        } finally {
            Conv2d.setAlgorithm(old);
        }
    }

    private static Conv2d.ConvAlgorithm path(boolean winograd) {
        return winograd ? Conv2d.ConvAlgorithm.WINOGRAD : Conv2d.ConvAlgorithm.GEMM;
    }

    private static Pass run(boolean winograd, int n, int cin, int cout, int h, int w, boolean bias, long seed) {
        return using(path(winograd), () -> runWith(n, cin, cout, h, w, bias, seed));
    }

    /** Largest difference relative to the largest magnitude of the reference. */
    private static double relErr(float[] ref, float[] got) {
        assertEquals(ref.length, got.length);
        double max = 0;
        double diff = 0;
        for (int i = 0; i < ref.length; i++) {
            max = Math.max(max, Math.abs(ref[i]));
            diff = Math.max(diff, Math.abs(ref[i] - got[i]));
        }
        return diff / Math.max(max, 1e-30);
    }

    private static void assertSamePasses(int n, int cin, int cout, int h, int w, boolean bias) {
        Pass gemm = run(false, n, cin, cout, h, w, bias, 7);
        Pass wino = run(true, n, cin, cout, h, w, bias, 7);
        String shape = n + "x" + cin + "x" + h + "x" + w + " -> " + cout;
        assertTrue(relErr(gemm.y, wino.y) < 2e-6, "forward " + shape + ": " + relErr(gemm.y, wino.y));
        assertTrue(relErr(gemm.dx, wino.dx) < 2e-6, "input gradient " + shape + ": " + relErr(gemm.dx, wino.dx));
        assertTrue(relErr(gemm.dw, wino.dw) < 2e-6, "weight gradient " + shape + ": " + relErr(gemm.dw, wino.dw));
        if (bias) {
            assertTrue(relErr(gemm.db, wino.db) < 2e-6, "bias gradient " + shape);
        }
    }

    @Test
    void matchesTheGemmPathOnOddAndEvenMaps() {
        assertSamePasses(3, 5, 7, 5, 5, true);
        assertSamePasses(2, 4, 6, 8, 11, false);
        assertSamePasses(2, 3, 4, 15, 15, true);
        assertSamePasses(1, 32, 64, 31, 31, false);
    }

    @Test
    void matchesTheGemmPathWithManyChunksOnTwoThreads() {
        int old = Parallel.threads();
        Parallel.setThreads(2);
        try {
            // 7 x 7 maps have 16 tiles: 40 images make several chunks of uneven count.
            assertSamePasses(40, 32, 48, 7, 7, true);
            assertSamePasses(9, 64, 64, 15, 15, false);
        } finally {
            Parallel.setThreads(old);
        }
    }

    @Test
    void matchesTheGemmPathOnWideTallAndTinyMapsOnThreeThreads() {
        int old = Parallel.threads();
        Parallel.setThreads(3);
        try {
            // 17 and 9 tiles a row leave a partial last vector after whole ones; 1-2 pixel sides are all edge.
            int[][] sides = {{33, 33}, {17, 9}, {9, 17}, {1, 1}, {2, 34}, {34, 2}, {65, 5}};
            for (int[] hw : sides) {
                assertSamePasses(3, 2, 3, hw[0], hw[1], true);
            }
            assertSamePasses(300, 2, 3, 2, 2, true);
        } finally {
            Parallel.setThreads(old);
        }
    }

    @Test
    void frozenWeightsSkippedInputGradientAndAccumulation() {
        for (boolean winograd : new boolean[]{false, true}) {
            using(path(winograd), () -> {
                Rng rng = new Rng(41);
                Conv2d frozen = new Conv2d(3, 4, 3, 1, false, rng).inputGradNeeded(false);
                frozen.weight().trainable = false;
                Tensor x = GradientCheck.random(rng, 2, 3, 9, 7);
                frozen.forward(x, true);
                assertEquals(null, frozen.backward(GradientCheck.random(rng, 2, 4, 9, 7)));
                assertEquals(0.0, relErr(new float[frozen.weight().size()], frozen.weight().grad));
                return null;
            });
        }
        // Two backward passes add twice onto what the gradients held, on both paths alike.
        Pass gemm = twice(false);
        Pass wino = twice(true);
        assertTrue(relErr(gemm.dw, wino.dw) < 2e-6, "weight gradient " + relErr(gemm.dw, wino.dw));
        assertTrue(relErr(gemm.db, wino.db) < 2e-6, "bias gradient " + relErr(gemm.db, wino.db));
    }

    private static Pass twice(boolean winograd) {
        return using(path(winograd), () -> {
            Rng rng = new Rng(43);
            Conv2d conv = new Conv2d(5, 6, 3, 1, true, rng);
            java.util.Arrays.fill(conv.weight().grad, 0.25f);
            java.util.Arrays.fill(conv.bias().grad, 0.5f);
            Tensor x = GradientCheck.random(rng, 3, 5, 9, 7);
            conv.forward(x, true);
            Tensor dy = GradientCheck.random(rng, 3, 6, 9, 7);
            conv.backward(dy);
            Tensor dx = conv.backward(dy);
            return new Pass(null, dx.data.clone(), conv.weight().grad.clone(), conv.bias().grad.clone());
        });
    }

    /** The input gradient does not depend on the input: an infinite pixel must not make it NaN. */
    @Test
    void infiniteInputLeavesTheInputGradientFinite() {
        using(Conv2d.ConvAlgorithm.WINOGRAD, () -> {
            Rng rng = new Rng(47);
            Conv2d conv = new Conv2d(1, 1, 3, 1, false, rng);
            Tensor x = GradientCheck.random(rng, 1, 1, 6, 6);
            // The last pixel of the last row of the last channel spills into the gap after the planes.
            x.data[4 * 6 + 5] = Float.POSITIVE_INFINITY;
            conv.forward(x, true);
            Tensor dx = conv.backward(GradientCheck.random(rng, 1, 1, 6, 6));
            for (float v : dx.data) {
                assertTrue(Float.isFinite(v), "input gradient " + java.util.Arrays.toString(dx.data));
            }
            return null;
        });
    }

    @Test
    void finiteDifferencesOnBothPaths() {
        for (boolean winograd : new boolean[]{true, false}) {
            using(path(winograd), () -> {
                Rng rng = new Rng(31);
                Conv2d conv = new Conv2d(3, 4, 3, 1, true, rng);
                return GradientCheck.check(conv, GradientCheck.random(rng, 2, 3, 7, 6), true, 1e-2, 2e-2, 32);
            });
        }
    }

    @Test
    void autoKeepsTheGemmPathForSmallMapsAndFewChannels() {
        // A 4x4 map and a 3-channel input stay on the GEMM path: bit-identical results.
        Pass gemm = run(false, 2, 40, 8, 4, 4, true, 3);
        Pass small = using(Conv2d.ConvAlgorithm.AUTO, () -> runWith(2, 40, 8, 4, 4, true, 3));
        assertEquals(0.0, relErr(gemm.y, small.y));
        assertEquals(0.0, relErr(gemm.dw, small.dw));
        Pass fewGemm = run(false, 2, 3, 8, 9, 9, true, 4);
        Pass few = using(Conv2d.ConvAlgorithm.AUTO, () -> runWith(2, 3, 8, 9, 9, true, 4));
        assertEquals(0.0, relErr(fewGemm.y, few.y));
        // A big enough layer takes the Winograd path: same values, different rounding.
        Pass bigGemm = run(false, 2, 40, 8, 9, 9, true, 5);
        Pass big = using(Conv2d.ConvAlgorithm.AUTO, () -> runWith(2, 40, 8, 9, 9, true, 5));
        assertTrue(relErr(bigGemm.y, big.y) > 0 && relErr(bigGemm.y, big.y) < 2e-6);
    }

    /** One pass with whatever algorithm is set now. */
    private static Pass runWith(int n, int cin, int cout, int h, int w, boolean bias, long seed) {
        Conv2d.ConvAlgorithm now = Conv2d.algorithm();
        Rng rng = new Rng(seed);
        Conv2d conv = new Conv2d(cin, cout, 3, 1, bias, rng);
        if (bias) {
            for (int o = 0; o < cout; o++) {
                conv.bias().value[o] = (float) rng.nextGaussian();
            }
        }
        Tensor x = GradientCheck.random(rng, n, cin, h, w);
        Tensor y = conv.forward(x, true);
        Tensor dy = GradientCheck.random(rng, n, cout, h, w);
        Tensor dx = conv.backward(dy);
        assertEquals(now, Conv2d.algorithm());
        return new Pass(y.data.clone(), dx.data.clone(), conv.weight().grad.clone(),
                bias ? conv.bias().grad.clone() : new float[0]);
    }
}
