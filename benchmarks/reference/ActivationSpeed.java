// Times the pointwise activations (forward and backward, 2^20 floats, best of 30) on the JDK that runs it:
//   javac --add-modules jdk.incubator.vector -d /tmp/act -cp network/target/classes benchmarks/reference/ActivationSpeed.java
//   java --add-modules jdk.incubator.vector -cp /tmp/act:network/target/classes ActivationSpeed
// (after `mvn -q -pl network compile`). Used for the figures in the Relu and Celu comments and BENCHMARKS.md.
// The last row is a lookup-table activation of the device neurons' size (CELU tabulated on 81 points over [-4, 4]),
// the kernel behind every device neuron; it compiles against older commits too, for before/after timings.
import dev.spinnet.network.layer.*;
public class ActivationSpeed {
    public static void main(String[] a) {
        ActivationFunction[] fs = {new Celu(0.3f), new Gelu(), new Relu(),
            LookupActivation.tabulate(new Celu(1f), -4, 4, 81)};
        float[] x = new float[1 << 20], y = new float[1 << 20], g = new float[1 << 20];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < x.length; i++) { x[i] = (float) r.nextGaussian(); g[i] = 1f; }
        for (ActivationFunction f : fs) {
            double best = 1e9, bestB = 1e9;
            for (int t = 0; t < 30; t++) {
                long t0 = System.nanoTime(); f.apply(x, y, 0, x.length); best = Math.min(best, (System.nanoTime() - t0) / 1e6);
                long t1 = System.nanoTime(); f.backward(x, g, y, 0, x.length); bestB = Math.min(bestB, (System.nanoTime() - t1) / 1e6);
            }
            System.out.printf("%s: fwd %.2f ms, bwd %.2f ms per 1M%n", f.describe(), best, bestB);
        }
    }
}
