package dev.spinnet.network.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Throughput benchmark for {@link Sgemm}: GFLOP/s = 2*m*n*k / time, single thread and
 * {@link Sgemm#gemmParallel} with two parts, on the CIFAR convolution GEMM shapes.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp network/target/classes
 * dev.spinnet.network.kernel.GemmBenchmark [secondsPerMeasurement]}. The default budget keeps a
 * full run well under a minute.
 */
public final class GemmBenchmark {
    private GemmBenchmark() {
    }

    /** One product C[m x n] = op(A) op(B), op(A) m x k, op(B) k x n. */
    public record Shape(String name, boolean transA, boolean transB, int m, int n, int k) {
        double flops() {
            return 2.0 * m * n * k;
        }
    }

    /** Measured throughput of one shape. */
    public record Result(Shape shape, double gflopsSingle, double gflopsParallel2) {
    }

    /**
     * Conv layers (Cin, Cout, HW) with im2col GEMMs over a chunk of images (N = HW * images):
     * forward NN  out[Cout x N]  = W[Cout x 9Cin] * cols[9Cin x N],
     * backward NT dW[Cout x 9Cin] = dOut[Cout x N] * cols^T,
     * backward TN dCols[9Cin x N] = W^T * dOut[Cout x N].
     */
    public static List<Shape> cifarShapes() {
        int[][] layers = {
            // Cin, Cout, HW, images per chunk
            {24, 64, 1024, 2},
            {64, 128, 256, 8},
            {64, 256, 256, 4},
            {128, 128, 64, 16},
            {256, 256, 64, 8},
        };
        List<Shape> shapes = new ArrayList<>();
        for (int[] l : layers) {
            int cin = l[0];
            int cout = l[1];
            int n = l[2] * l[3];
            int k = cin * 9;
            String tag = cin + "->" + cout + "@" + l[2];
            shapes.add(new Shape("fwd NN " + tag, false, false, cout, n, k));
            shapes.add(new Shape("dW  NT " + tag, false, true, cout, k, n));
            shapes.add(new Shape("dX  TN " + tag, true, false, k, n, cout));
        }
        shapes.add(new Shape("square NN 512", false, false, 512, 512, 512));
        return shapes;
    }

    /**
     * Times every shape: warm-up, then repeated calls for about {@code seconds} each, for the
     * single-threaded kernel and for gemmParallel(2). Prints a table, with each figure's share of
     * the FMA peak on as many threads ({@link FmaPeak}), and returns the numbers.
     */
    public static List<Result> run(List<Shape> shapes, double seconds, FmaPeak.Result peak) {
        List<Result> results = new ArrayList<>();
        Random rnd = new Random(42);
        System.out.printf("species=%s MR=%d NR=%d KC=%d MC=%d NC=%d, java %s%n",
                Sgemm.S, Sgemm.MR, Sgemm.NR, Sgemm.KC, Sgemm.MC, Sgemm.NC,
                System.getProperty("java.version"));
        System.out.printf("%-26s %5s %5s %5s  %9s %6s  %9s %6s%n", "shape", "m", "n", "k",
                "1T GF/s", "%peak", "2T GF/s", "%peak");
        warmUp(rnd);
        for (Shape s : shapes) {
            int lda = s.transA ? s.m : s.k;
            int ldb = s.transB ? s.k : s.n;
            float[] a = randomArray(rnd, s.m * s.k);
            float[] b = randomArray(rnd, s.k * s.n);
            float[] c = new float[s.m * s.n];
            double g1 = time(s, a, lda, b, ldb, c, 1, seconds);
            double g2 = time(s, a, lda, b, ldb, c, 2, seconds);
            System.out.printf("%-26s %5d %5d %5d  %9.1f %5.0f%%  %9.1f %5.0f%%%n", s.name, s.m, s.n,
                    s.k, g1, 100 * g1 / peak.gflopsOneThread(), g2, 100 * g2 / peak.gflopsAllThreads());
            results.add(new Result(s, g1, g2));
        }
        return results;
    }

    /**
     * C2 needs one to two seconds to compile the large vector micro-kernel (until then it runs
     * interpreted at a few GFLOP/s), so every code path is exercised before anything is timed.
     */
    private static void warmUp(Random rnd) {
        // Small shapes so every branch (transposes, edge tiles, beta) is profiled within the
        // first milliseconds; otherwise C2 compiles too early and deoptimises later.
        int m = 44;
        int n = 96;
        int k = 420;
        float[] a = randomArray(rnd, m * k);
        float[] b = randomArray(rnd, k * n);
        float[] c = new float[m * n];
        long end = System.nanoTime() + 2_500_000_000L;
        int i = 0;
        while (System.nanoTime() < end) {
            boolean ta = (i & 1) != 0;
            boolean tb = (i & 2) != 0;
            int mi = m - (i & 4);
            int ni = n - (i & 8);
            float beta = (i & 16) != 0 ? 0f : 0.5f;
            Sgemm.gemm(ta, tb, mi, ni, k, 1f, a, 0, ta ? m : k, b, 0, tb ? k : n, beta, c, 0, n);
            if ((i & 31) == 0) {
                Sgemm.gemmParallel(2, ta, tb, m, n, k, 1f, a, 0, ta ? m : k, b, 0, tb ? k : n,
                        beta, c, 0, n);
            }
            i++;
        }
    }

    private static double time(Shape s, float[] a, int lda, float[] b, int ldb, float[] c,
                               int threads, double seconds) {
        // Warm-up: enough calls for C2 to compile the kernel and the packing loops.
        long warmEnd = System.nanoTime() + (long) (0.3 * seconds * 1e9);
        while (System.nanoTime() < warmEnd) {
            call(s, a, lda, b, ldb, c, threads);
        }
        double best = 0;
        for (int trial = 0; trial < 6; trial++) {
            long end = System.nanoTime() + (long) (seconds / 6 * 1e9);
            long t0 = System.nanoTime();
            int reps = 0;
            long t1;
            do {
                call(s, a, lda, b, ldb, c, threads);
                reps++;
                t1 = System.nanoTime();
            } while (t1 < end);
            best = Math.max(best, s.flops() * reps / ((t1 - t0) * 1e-9) / 1e9);
        }
        return best;
    }

    private static void call(Shape s, float[] a, int lda, float[] b, int ldb, float[] c,
                             int threads) {
        if (threads == 1) {
            Sgemm.gemm(s.transA, s.transB, s.m, s.n, s.k, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, s.n);
        } else {
            Sgemm.gemmParallel(threads, s.transA, s.transB, s.m, s.n, s.k, 1f, a, 0, lda, b, 0,
                    ldb, 0f, c, 0, s.n);
        }
    }

    private static float[] randomArray(Random rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = rnd.nextFloat() - 0.5f;
        }
        return x;
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 0.6;
        List<Shape> shapes = cifarShapes();
        if (args.length > 1) {
            // Optional comma-separated indices into the shape list, e.g. "0,3,9".
            List<Shape> picked = new ArrayList<>();
            for (String idx : args[1].split(",")) {
                picked.add(shapes.get(Integer.parseInt(idx.trim())));
            }
            shapes = picked;
        }
        FmaPeak.Result peak = FmaPeak.measure(2, 1.5);
        System.out.printf("measured FMA peak: %.1f GFLOP/s on 1 thread, %.1f on 2%n",
                peak.gflopsOneThread(), peak.gflopsAllThreads());
        run(shapes, seconds, peak);
    }
}
