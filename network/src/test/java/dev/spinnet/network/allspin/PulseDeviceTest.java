package dev.spinnet.network.allspin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pulse responses: the exponential model against its formula, tables against their source, validation. */
class PulseDeviceTest {

    @Test
    void linearDeviceHasConstantStepsAndReachesTheBoundInPMaxPulses() {
        ExponentialPulseDevice d = ExponentialPulseDevice.linear(33);
        assertEquals(1f / 32, d.nominalStep(), 1e-7);
        float g = 0;
        for (int p = 1; p <= 32; p++) {
            float next = d.up(g);
            assertEquals(1f / 32, next - g, 1e-5, "step " + p);
            g = next;
        }
        assertEquals(1f, g, 1e-5);
        assertEquals(1f, d.up(1f), 0f, "saturates at the upper bound");
        assertEquals(0f, d.down(0f), 0f, "saturates at the lower bound");
        assertEquals(1f - 1f / 32, d.down(1f), 1e-6);
        assertEquals(33, d.potentiationLevels().length, 1);
    }

    @Test
    void exponentialDeviceFollowsTheABFormula() {
        int pMax = 50;
        double nl = 3;
        ExponentialPulseDevice d = new ExponentialPulseDevice("e", pMax, nl, 1.5, 0, 0, 1e-12);
        double a = pMax / nl;
        double z = 1 - Math.exp(-pMax / a);
        float g = 0;
        for (int p = 1; p <= pMax; p++) {
            g = d.up(g);
            assertEquals((1 - Math.exp(-p / a)) / z, g, 2e-5, "potentiation after " + p + " pulses");
        }
        // Depression mirrored with its own label: 1 - g follows the formula with nl = 1.5.
        double ad = pMax / 1.5;
        double zd = 1 - Math.exp(-pMax / ad);
        float h = 1;
        for (int p = 1; p <= pMax; p++) {
            h = d.down(h);
            assertEquals(1 - (1 - Math.exp(-p / ad)) / zd, h, 2e-5, "depression after " + p + " pulses");
        }
        // Steps shrink along the potentiation branch.
        assertTrue(d.up(0f) - 0f > d.up(0.9f) - 0.9f);
        // Negative labels: steps grow.
        ExponentialPulseDevice n = new ExponentialPulseDevice("n", pMax, -3, -3, 0, 0, 0);
        assertTrue(n.up(0f) < n.up(0.9f) - 0.9f);
        assertEquals(1f, upN(n, 0f, pMax), 1e-4);
    }

    private static float upN(PulseDevice d, float g, int n) {
        for (int i = 0; i < n; i++) {
            g = d.up(g);
        }
        return g;
    }

    @Test
    void tableReproducesItsSourceOnTheTablePointsAndStaysMonotonicBetween() {
        ExponentialPulseDevice src = new ExponentialPulseDevice("e", 40, 2.5, -1.0, 0, 0, 2e-13);
        TablePulseDevice t = TablePulseDevice.tabulate(src);
        assertEquals(41, t.states());
        float g = 0;
        for (int p = 0; p < 40; p++) {
            float a = src.up(g);
            assertEquals(a, t.up(g), 1e-5, "potentiation from pulse " + p);
            g = a;
        }
        float h = 1;
        for (int p = 0; p < 40; p++) {
            float a = src.down(h);
            assertEquals(a, t.down(h), 1e-5, "depression from pulse " + p);
            h = a;
        }
        for (int i = 0; i <= 1000; i++) {
            float x = i / 1000f;
            float u = t.up(x);
            float dn = t.down(x);
            assertTrue(u >= x && u <= 1f && dn <= x && dn >= 0f, "bounded and monotonic at g=" + x);
            // Between table points the step is close to the formula's (piecewise-linear inverse).
            assertEquals(src.up(x), u, 0.01, "interpolated step at g=" + x);
        }
        assertEquals(2e-13, t.energyPerPulse(), 0);
    }

    @Test
    void flatStretchesDoNotTrapTheState() {
        TablePulseDevice t = new TablePulseDevice("flat", new float[]{0, 0.2f, 0.2f, 0.2f, 0.6f, 1},
                new float[]{1, 0.5f, 0}, 0, 0, 0);
        float g = 0;
        int pulses = 0;
        while (g < 1f && pulses < 20) {
            g = t.up(g);
            pulses++;
        }
        assertEquals(1f, g, 0f);
        assertTrue(pulses <= 5, "took " + pulses + " pulses");
    }

    @Test
    void conductanceTablesAreNormalised() {
        TablePulseDevice t = TablePulseDevice.fromConductance("s", new double[]{1e-6, 2e-6, 3e-6},
                new double[]{3e-6, 2.5e-6, 1e-6}, 1e-6, 3e-6, 0.01, 0.1, 1e-12);
        assertEquals(0.5f, t.up(0f), 1e-6);
        assertEquals(0.75f, t.down(1f), 1e-6);
        assertEquals(3, t.states());
    }

    @Test
    void badTablesAreRefused() {
        float[] ok = {0, 0.5f, 1};
        float[] down = {1, 0.5f, 0};
        assertThrows(IllegalArgumentException.class, () -> new TablePulseDevice("x", new float[]{0, 0.6f, 0.5f, 1}, down, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TablePulseDevice("x", new float[]{0, Float.NaN, 1}, down, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TablePulseDevice("x", new float[]{0, 0.5f, 1.2f}, down, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TablePulseDevice("x", ok, new float[]{0, 0.5f, 1}, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TablePulseDevice("x", new float[]{0.3f, 0.3f}, down, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TablePulseDevice("x", new float[]{0}, down, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TablePulseDevice("x", ok, down, -0.1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TablePulseDevice("x", ok, down, 0, 0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new ExponentialPulseDevice("x", 0, 1, 1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ExponentialPulseDevice("x", 10, Double.NaN, 1, 0, 0, 0));
    }

    @Test
    void presetsAreValidDevices() {
        for (String name : DevicePresets.NAMES) {
            PulseDevice d = DevicePresets.of(name);
            float[] lv = d.potentiationLevels();
            assertTrue(lv.length >= 2, name);
            for (int i = 1; i < lv.length; i++) {
                assertTrue(lv[i] > lv[i - 1], name + " levels ascend");
            }
            assertEquals(1f, lv[lv.length - 1], 1e-3, name + " reaches G_max");
        }
        assertThrows(IllegalArgumentException.class, () -> DevicePresets.of("unobtainium"));
    }
}
