package dev.spinnet.network.allspin;

import dev.spinnet.network.layer.Param;
import dev.spinnet.network.optim.Sgd;
import dev.spinnet.network.tensor.Rng;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The device tile: programming, saturation, refresh, stochastic rounding, counters, determinism. */
class DevicePairWeightsTest {

    private static Param param(int n, double scale, long seed) {
        Param p = new Param("weight", n);
        Rng r = new Rng(seed);
        for (int i = 0; i < n; i++) {
            p.value[i] = (float) (scale * r.nextGaussian());
        }
        return p;
    }

    @Test
    void programmingLandsWithinHalfAStepAndClipsAtWMax() {
        Param p = param(500, 0.3, 1);
        p.value[0] = 5f;
        p.value[1] = -5f;
        float[] target = p.value.clone();
        ExponentialPulseDevice d = ExponentialPulseDevice.linear(65);
        DevicePairWeights t = new DevicePairWeights("t", p, d, 1f, DevicePairWeights.UpdateMode.POTENTIATE_ONLY, 3);
        float half = 0.5f * t.nominalDelta() + 1e-5f;
        for (int i = 2; i < target.length; i++) {
            float want = Math.max(-1f, Math.min(1f, target[i]));
            assertEquals(want, p.value[i], half, "weight " + i);
            assertEquals(p.value[i], t.weight(i), 0f, "materialised");
            assertTrue(t.gPlus(i) == 0f || t.gMinus(i) == 0f, "one device of a potentiate-only pair is reset");
        }
        assertEquals(1f, p.value[0], 1e-5);
        assertEquals(-1f, p.value[1], 1e-5);
        assertTrue(t.counts().programPulses() > 0);
        assertEquals(0, t.counts().updatePulses());
    }

    /**
     * A noisy pulse that fails to move a device up (clamped at its lower bound, or a step back) must not end its
     * programming: the verify loop pulses again. Stopping there left about 1 % of the pairs of this ferro-like device
     * (213 of 20000) short of half their target, some at g = 0, and an output channel of a dirac-initialised conv whose one weight is such a pair
     * is constant, which BatchNorm (eps 1e-12) turns into a 1e6 gradient gain.
     */
    @Test
    void noisyProgrammingNeverLeavesAFullScaleTargetAtZero() {
        int n = 20000;
        Param p = new Param("weight", n);
        Arrays.fill(p.value, 1f);
        // 32 pulses a sweep, cycle sigma 0.3 of a step, 13.5 % device-to-device step spread (ferro-synapse-like)
        ExponentialPulseDevice d = new ExponentialPulseDevice("noisy", 32, 0, 0, 0.0094, 0.135, 0);
        for (DevicePairWeights.UpdateMode mode : DevicePairWeights.UpdateMode.values()) {
            DevicePairWeights t = new DevicePairWeights("t", p, d, 1f, mode, 2);
            int low = 0;
            float min = Float.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, t.weight(i));
                if (t.weight(i) < 0.5f) {
                    low++;
                }
            }
            assertEquals(0, low, mode + ": pairs programmed below half of a full-scale target (min " + min + ")");
        }
    }

    @Test
    void utilisationCountsStepsOfRmsAndPairsAtTheRange() {
        Param p = new Param("weight", 4);
        p.value[0] = 4f / 32;
        p.value[1] = -4f / 32;
        p.value[2] = 1f;
        p.value[3] = -1f;
        DevicePairWeights t = new DevicePairWeights("t", p, ExponentialPulseDevice.linear(33), 1f,
                DevicePairWeights.UpdateMode.POTENTIATE_ONLY, 3);
        // rms = sqrt((16 + 16 + 1024 + 1024) / 4) = 22.80 steps of 1/32; two of the four pairs are at the range.
        assertEquals("weight rms 22.80 steps, 50.000 % of pairs at the range", t.utilisation());
    }

    @Test
    void rerangingKeepsTheWeightsOnAFinerScaleAndSurvivesACheckpoint() throws Exception {
        Param p = param(2000, 0.02, 5);
        ExponentialPulseDevice d = ExponentialPulseDevice.linear(33);
        DevicePairWeights t = new DevicePairWeights("t", p, d, 1f, DevicePairWeights.UpdateMode.POTENTIATE_ONLY, 3);
        float[] coarse = p.value.clone();
        float[] exact = param(2000, 0.02, 5).value;
        long before = t.counts().programPulses();
        float newMax = (float) (3 * t.rms());
        assertTrue(newMax < 0.5f, "these weights use a small part of the range: rms " + t.rms());
        t.rerange(newMax);
        assertEquals(newMax, t.wMax(), 0f);
        assertEquals(1, t.reranges());
        assertTrue(t.counts().programPulses() > before, "reprogramming costs pulses");
        double errCoarse = 0;
        double errFine = 0;
        for (int i = 0; i < p.size(); i++) {
            // The re-ranged tile holds the coarse weights to within half a new step (clipped at the new range).
            float want = Math.max(-newMax, Math.min(newMax, coarse[i]));
            assertEquals(want, p.value[i], 0.5f * t.nominalDelta() + 1e-6f, "weight " + i);
            errCoarse += Math.abs(coarse[i] - exact[i]);
        }
        t.program(exact);
        for (int i = 0; i < p.size(); i++) {
            errFine += Math.abs(p.value[i] - exact[i]);
        }
        assertTrue(errFine < 0.5 * errCoarse, "finer levels after re-ranging: " + errFine + " vs " + errCoarse);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.writeState(new DataOutputStream(bytes));
        Param q = param(2000, 0.02, 6);
        DevicePairWeights t2 = new DevicePairWeights("t", q, d, 1f, DevicePairWeights.UpdateMode.POTENTIATE_ONLY, 3);
        t2.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(t.wMax(), t2.wMax(), 0f);
        assertArrayEquals(p.value, q.value);
        assertEquals(t.describe(), t2.describe(), "the description (checkpoint fingerprint) names the initial range");
    }

    @Test
    void optimiserReRangesShrunkTilesAtRefreshChecks() {
        Param p = param(1000, 0.05, 2);
        ExponentialPulseDevice d = ExponentialPulseDevice.linear(33);
        DevicePairWeights t = new DevicePairWeights("t", p, d, 1f, DevicePairWeights.UpdateMode.POTENTIATE_ONLY, 3);
        MixedPrecision off = new MixedPrecision(List.of(t), new Sgd(List.of(), 0.9, true, 0),
                PulseOptions.defaults(1).withRefresh(1, 0.9f), 0, false, MixedPrecision.Transfer.NOMINAL);
        off.step(0.0);
        assertEquals(1f, t.wMax(), 0f, "re-ranging is off by default");
        MixedPrecision on = new MixedPrecision(List.of(t), new Sgd(List.of(), 0.9, true, 0),
                PulseOptions.defaults(1).withRefresh(1, 0.9f).withRerange(3), 0, false,
                MixedPrecision.Transfer.NOMINAL);
        on.step(0.0);
        assertTrue(t.wMax() < 0.5f, "shrunk tile re-ranged: w_max " + t.wMax());
        assertEquals(3 * t.rms(), t.wMax(), 0.1 * t.wMax());
        float w = t.wMax();
        on.step(0.0);
        assertEquals(w, t.wMax(), 0f, "a tile that fills its range is left alone");
    }

    @Test
    void pulsesSaturateAtTheBounds() {
        ExponentialPulseDevice d = new ExponentialPulseDevice("e", 16, 2, 2, 0.02, 0.2, 1e-12);
        for (DevicePairWeights.UpdateMode mode : DevicePairWeights.UpdateMode.values()) {
            Param p = new Param("w", 4);
            DevicePairWeights t = new DevicePairWeights("t", p, d, 0.5f, mode, 5);
            for (int k = 0; k < 20; k++) {
                t.update(0, 10, true, k);
                t.update(1, 10, false, 1000 + k);
            }
            t.materialise();
            for (int i = 0; i < 2; i++) {
                assertTrue(t.gPlus(i) >= 0 && t.gPlus(i) <= 1 && t.gMinus(i) >= 0 && t.gMinus(i) <= 1);
                assertTrue(Math.abs(p.value[i]) <= 0.5f + 1e-6f);
            }
            assertTrue(t.counts().boundHits() > 0, "saturated pulses are counted");
            if (mode == DevicePairWeights.UpdateMode.PUSH_PULL) {
                // At a bound only the cycle-to-cycle noise of the last pulse (sigma 0.02) moves a device.
                assertEquals(0.5f, p.value[0], 0.08, "push-pull saturates at +w_max");
                assertEquals(-0.5f, p.value[1], 0.08);
                assertEquals(2L * 20 * 10 * 2, t.counts().updatePulses(), "two devices per pulse");
            } else {
                assertEquals(1f, t.gPlus(0), 0.1);
                assertEquals(1f, t.gMinus(1), 0.1);
                assertEquals(20L * 10 * 2, t.counts().updatePulses());
            }
        }
    }

    @Test
    void refreshKeepsTheWeightAndRestoresHeadroom() {
        Param p = new Param("w", 200);
        ExponentialPulseDevice d = ExponentialPulseDevice.linear(101);
        DevicePairWeights t = new DevicePairWeights("t", p, d, 1f, DevicePairWeights.UpdateMode.POTENTIATE_ONLY, 9);
        Rng r = new Rng(2);
        for (int i = 0; i < 200; i++) {
            int a = 60 + r.nextInt(40);
            int b = 60 + r.nextInt(40);
            t.update(i, a, true, 2L * i);
            t.update(i, b, false, 2L * i + 1);
        }
        float[] before = new float[200];
        t.materialise(before);
        long programBefore = t.counts().programPulses();
        int n = t.refresh(0.9f);
        assertTrue(n > 0);
        assertEquals(n, t.counts().refreshes());
        assertTrue(t.counts().programPulses() > programBefore, "refresh costs pulses");
        for (int i = 0; i < 200; i++) {
            assertEquals(before[i], t.weight(i), 0.5f * t.nominalDelta() + 1e-5f, "weight kept by refresh");
        }
        int due = 0;
        for (int i = 0; i < 200; i++) {
            if (Math.max(t.gPlus(i), t.gMinus(i)) >= 0.9f) {
                due++;
            }
        }
        assertEquals(0, due, "no device left near its bound");
    }

    @Test
    void stochasticRoundingIsUnbiased() {
        Rng r = new Rng(4);
        for (double x : new double[]{0.05, 0.5, 1.3, 2.97, 7.25}) {
            long sum = 0;
            int trials = 200_000;
            for (int k = 0; k < trials; k++) {
                int n = PulsedOptimizer.stochasticRound(x, Noise.uniform(Noise.key(11, k, (long) (x * 100))));
                assertTrue(n == Math.floor(x) || n == Math.floor(x) + 1);
                sum += n;
            }
            double mean = (double) sum / trials;
            double se = Math.sqrt(0.25 / trials);
            assertEquals(x, mean, 5 * se, "mean pulse count for " + x);
        }
    }

    @Test
    void inSituUpdateIsUnbiasedOnALinearDeviceAndCountersAddUp() {
        int n = 20_000;
        Param p = new Param("w", n);
        ExponentialPulseDevice d = ExponentialPulseDevice.linear(1001);
        DevicePairWeights t = new DevicePairWeights("t", p, d, 1f, DevicePairWeights.UpdateMode.POTENTIATE_ONLY, 1);
        float eps = t.nominalDelta();
        java.util.Arrays.fill(p.grad, -0.37f * eps / 0.1f);   // desired change +0.37 pulses at lr 0.1
        InSituSgd opt = new InSituSgd(List.of(t), null, PulseOptions.defaults(5).withRefresh(0, 0.9f));
        opt.step(0.1);
        double sum = 0;
        double absPulses = 0;
        for (int i = 0; i < n; i++) {
            sum += p.value[i];
            absPulses += Math.abs(p.value[i]) / eps;
        }
        double mean = sum / n / eps;
        assertEquals(0.37, mean, 5 * Math.sqrt(0.37 * 0.63 / n), "mean pulses per weight");
        assertEquals(t.counts().updatePulses(), Math.round(absPulses), "one nominal step per pulse");
        assertEquals(t.counts().updatePulses(), opt.counts().updatePulses());
        assertEquals(0.0, opt.counts().energyJ(), 0.0, "the device states no energy");

        // Nearest rounding loses every request below half a step.
        Param q = new Param("w", 100);
        DevicePairWeights tq = new DevicePairWeights("t", q, d, 1f, DevicePairWeights.UpdateMode.POTENTIATE_ONLY, 1);
        java.util.Arrays.fill(q.grad, -0.37f * eps / 0.1f);
        new InSituSgd(List.of(tq), null, PulseOptions.defaults(5).withStochasticRounding(false)).step(0.1);
        assertEquals(0, tq.counts().updatePulses());
        java.util.Arrays.fill(q.grad, -1.6f * eps / 0.1f);
        new InSituSgd(List.of(tq), null, PulseOptions.defaults(5).withStochasticRounding(false)).step(0.1);
        assertEquals(200, tq.counts().updatePulses());
    }

    @Test
    void mixedPrecisionAccumulatesSubStepUpdatesAndTransfersWholePulses() {
        Param p = new Param("w", 3);
        ExponentialPulseDevice d = ExponentialPulseDevice.linear(129).withEnergy(2e-15);   // step 2^-7, exact
        DevicePairWeights t = new DevicePairWeights("t", p, d, 1f, DevicePairWeights.UpdateMode.POTENTIATE_ONLY, 1);
        float eps = t.nominalDelta();
        MixedPrecision opt = new MixedPrecision(List.of(t), null, PulseOptions.defaults(5), 0, false,
                MixedPrecision.Transfer.NOMINAL);
        // Each step asks for +0.25, -0.25 and +2.5 steps.
        p.grad[0] = -0.25f * eps;
        p.grad[1] = 0.25f * eps;
        p.grad[2] = -2.5f * eps;
        for (int s = 0; s < 10; s++) {
            opt.step(1.0);
        }
        // 10 x 0.25 = 2.5 steps: 2 pulses, 0.5 left in the accumulator; 10 x 2.5 = 25 pulses exactly.
        assertEquals(2 * eps, p.value[0], 1e-7);
        assertEquals(-2 * eps, p.value[1], 1e-7);
        assertEquals(25 * eps, p.value[2], 1e-6);
        assertEquals(0.5f * eps, opt.accumulator(0)[0], 1e-7);
        assertEquals(-0.5f * eps, opt.accumulator(0)[1], 1e-7);
        assertEquals(0f, opt.accumulator(0)[2], 1e-7);
        assertEquals(29, t.counts().updatePulses());
        assertEquals(29 * 2e-15, t.counts().energyJ(), 1e-25);
    }

    @Test
    void sameSeedSameDevicesOtherSeedOtherDevices() throws Exception {
        ExponentialPulseDevice d = ExponentialPulseDevice.symmetric(33, 2, 0.02, 0.3);
        float[][] results = new float[3][];
        long[] seeds = {7, 7, 8};
        for (int k = 0; k < 3; k++) {
            Param p = param(300, 0.2, 1);
            for (int i = 0; i < p.size(); i++) {
                p.grad[i] = (float) Math.sin(i);
            }
            DevicePairWeights t = new DevicePairWeights("t", p, d, 1f, DevicePairWeights.UpdateMode.POTENTIATE_ONLY,
                    seeds[k]);
            InSituSgd opt = new InSituSgd(List.of(t), new Sgd(List.of(), 0.9, true, 0),
                    PulseOptions.defaults(seeds[k]).withRefresh(2, 0.8f));
            for (int s = 0; s < 5; s++) {
                opt.step(0.05);
            }
            results[k] = p.value.clone();
            // State round trip: a fresh tile restored from the state equals the original.
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            opt.writeState(new DataOutputStream(bytes));
            Param q = param(300, 0.2, 99);
            DevicePairWeights t2 = new DevicePairWeights("t", q, d, 1f, DevicePairWeights.UpdateMode.POTENTIATE_ONLY,
                    seeds[k]);
            InSituSgd opt2 = new InSituSgd(List.of(t2), new Sgd(List.of(), 0.9, true, 0),
                    PulseOptions.defaults(seeds[k]).withRefresh(2, 0.8f));
            opt2.readState(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertArrayEquals(p.value, q.value);
            assertEquals(opt.counts(), opt2.counts());
        }
        assertArrayEquals(results[0], results[1], "same seed");
        assertFalse(java.util.Arrays.equals(results[0], results[2]), "another seed");
    }

    @Test
    void readNoiseIsZeroMeanWithTheGivenSigma() {
        Param p = param(50_000, 0.1, 3);
        DevicePairWeights t = new DevicePairWeights("t", p, new IdealDevice(), 1f,
                DevicePairWeights.UpdateMode.POTENTIATE_ONLY, 1);
        float[] clean = p.value.clone();
        float[] noisy = new float[p.size()];
        t.materialise(noisy, 0.01f, 0);
        double m = 0;
        double v = 0;
        for (int i = 0; i < noisy.length; i++) {
            double e = noisy[i] - clean[i];
            m += e;
            v += e * e;
        }
        m /= noisy.length;
        v /= noisy.length;
        assertEquals(0, m, 3e-4);
        assertEquals(0.01, Math.sqrt(v), 3e-4);
    }

    @Test
    void pushPullRefreshRecentresAnAsymmetricPair() {
        // Potentiation steps twice as large as depression steps: alternating +/- updates drift upward.
        ExponentialPulseDevice d = new ExponentialPulseDevice("asym", 100, 0, 0, 0, 0, 0);
        PulseDevice asym = new PulseDevice() {
            public String name() { return "asym"; }
            public float up(float g) { return Math.min(1f, g + 0.02f); }
            public float down(float g) { return Math.max(0f, g - 0.01f); }
            public int states() { return d.states(); }
            public double cycleSigma() { return 0; }
            public double deviceSigma() { return 0; }
            public double energyPerPulse() { return 0; }
        };
        Param p = new Param("w", 10);
        DevicePairWeights t = new DevicePairWeights("t", p, asym, 1f, DevicePairWeights.UpdateMode.PUSH_PULL, 1);
        assertEquals(0.5f, t.gPlus(0), 0.011f, "push-pull pairs idle around g = 1/2");
        for (int k = 0; k < 20; k++) {
            for (int i = 0; i < 10; i++) {
                t.update(i, 1, k % 2 == 0, k);
            }
        }
        assertTrue(t.gPlus(0) > 0.55f && t.gMinus(0) > 0.55f, "asymmetry drifts both devices up");
        float before = t.weight(0);
        assertEquals(10, t.refresh(0.55f));
        assertEquals(before, t.weight(0), 0.03f);
        assertEquals(0.5f, 0.5f * (t.gPlus(0) + t.gMinus(0)), 0.02f, "recentred");
    }

    @Test
    void hardwareAwareQuantisesOntoTheDeviceLevels() {
        float[] lv = ExponentialPulseDevice.linear(5).potentiationLevels();
        assertEquals(0.5f, HardwareAware.quantise(0.6f, 2f, lv), 1e-6);
        assertEquals(-0.5f, HardwareAware.quantise(-0.7f, 2f, lv), 1e-6);
        assertEquals(1.5f, HardwareAware.quantise(1.3f, 2f, lv), 1e-6);
        assertEquals(-2f, HardwareAware.quantise(-3f, 2f, lv), 1e-6);
        assertEquals(0f, HardwareAware.quantise(0.2f, 2f, lv), 1e-6);
    }

    @Test
    void aTabulatedDeviceTrainsLikeItsSource() {
        PulseDevice src = DevicePresets.of("nl0.5-64-c2c1");
        TablePulseDevice tab = TablePulseDevice.tabulate(src);
        float[][] w = new float[2][];
        PulseDevice[] devs = {src, tab};
        for (int k = 0; k < 2; k++) {
            Param p = param(2000, 0.2, 1);
            for (int i = 0; i < p.size(); i++) {
                p.grad[i] = (float) Math.sin(0.37 * i);
            }
            DevicePairWeights t = new DevicePairWeights("t", p, devs[k], 1f,
                    DevicePairWeights.UpdateMode.POTENTIATE_ONLY, 3);
            MixedPrecision opt = new MixedPrecision(List.of(t), null, PulseOptions.defaults(3), 0, false,
                    MixedPrecision.Transfer.NOMINAL);
            for (int s = 0; s < 10; s++) {
                opt.step(0.01);
            }
            w[k] = p.value.clone();
        }
        double err = 0;
        for (int i = 0; i < w[0].length; i++) {
            err = Math.max(err, Math.abs(w[0][i] - w[1][i]));
        }
        assertTrue(err < 0.01, "largest weight difference " + err);
    }
}
