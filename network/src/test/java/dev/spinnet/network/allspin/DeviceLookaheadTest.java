package dev.spinnet.network.allspin;

import dev.spinnet.network.layer.Param;
import dev.spinnet.network.optim.Sgd;
import dev.spinnet.network.optim.WeightAverage;
import dev.spinnet.network.tensor.Rng;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lookahead on device synapses: the reset of the fast weights reaches the devices only as pulses
 * ({@link PulsedOptimizer#assign}); digital parameters are copied as before.
 */
class DeviceLookaheadTest {

    private static Param param(String name, int n, double scale, long seed) {
        Param p = new Param(name, n);
        Rng r = new Rng(seed);
        for (int i = 0; i < n; i++) {
            p.value[i] = (float) (scale * r.nextGaussian());
        }
        return p;
    }

    private static DevicePairWeights tile(Param p) {
        return new DevicePairWeights("t", p, ExponentialPulseDevice.linear(257), 1f,
                DevicePairWeights.UpdateMode.POTENTIATE_ONLY, 3);
    }

    /** Mixed precision over one tile, no digital parameters, no momentum. */
    private static MixedPrecision mixed(DevicePairWeights t, int maxPulses, MixedPrecision.Transfer transfer) {
        return new MixedPrecision(List.of(t), null, PulseOptions.defaults(2).withMaxPulses(maxPulses), 0, false,
                transfer);
    }

    @Test
    void mixedPrecisionMovesTheDevicesThroughTheAccumulatorAndKeepsTheRest() {
        Param p = param("weight", 400, 0.2, 1);
        DevicePairWeights t = tile(p);
        // Enough pulses per transfer for every pair (the changes below stay under 40 pulses); the cap has its own test.
        MixedPrecision mp = mixed(t, 64, MixedPrecision.Transfer.NOMINAL);
        float eps = t.nominalDelta();
        float[] chi = mp.accumulator(0);
        Rng r = new Rng(7);
        for (int i = 0; i < chi.length; i++) {
            chi[i] = (float) (0.9 * eps * (2 * r.nextDouble() - 1)); // pending sub-pulse updates
        }
        float[] pending = chi.clone();
        float[] before = p.value.clone();
        float[] target = new float[p.size()];
        for (int i = 0; i < target.length; i++) {
            target[i] = before[i] + (float) (eps * 6 * r.nextGaussian());
        }
        long pulses = t.counts().updatePulses();
        mp.assign(p, target);
        assertTrue(t.counts().updatePulses() > pulses, "the reset is paid in pulses");
        for (int i = 0; i < target.length; i++) {
            assertEquals(t.weight(i), p.value[i], 0f, "the Param shows what the devices hold");
            // Linear device, nominal transfer: device change plus what stays pending is exactly what was asked.
            float asked = target[i] - before[i] + pending[i];
            assertEquals(asked, p.value[i] - before[i] + chi[i], 2e-3f * eps + 1e-6f, "pair " + i);
            assertTrue(Math.abs(chi[i]) < eps, "less than a pulse stays pending at " + i + ": " + chi[i] / eps);
        }
        // Resetting to the current weights (Lookahead early in training) neither pulses nor drops pending updates.
        float[] pendingNow = chi.clone();
        long now = t.counts().updatePulses();
        mp.assign(p, p.value.clone());
        assertEquals(now, t.counts().updatePulses());
        assertArrayEquals(pendingNow, chi);
    }

    @Test
    void mixedPrecisionResetsAreCutAtMaxPulsesAndTheRestWaitsInTheAccumulator() {
        Param p = param("weight", 50, 0.05, 2);
        DevicePairWeights t = tile(p);
        MixedPrecision mp = mixed(t, 4, MixedPrecision.Transfer.NOMINAL);
        float eps = t.nominalDelta();
        float[] before = p.value.clone();
        float[] target = new float[p.size()];
        for (int i = 0; i < target.length; i++) {
            target[i] = before[i] + (i % 2 == 0 ? 10.25f : -10.25f) * eps;
        }
        mp.assign(p, target);
        for (int i = 0; i < target.length; i++) {
            float sign = i % 2 == 0 ? 1 : -1;
            assertEquals(sign * 4 * eps, p.value[i] - before[i], 1e-3f * eps, "four pulses at most, pair " + i);
            assertEquals(sign * 6.25f * eps, mp.accumulator(0)[i], 1e-3f * eps, "the rest waits, pair " + i);
        }
    }

    @Test
    void measuredTransferKeepsWeightPlusAccumulatorOnTargetWithANonlinearDevice() {
        Param p = param("weight", 300, 0.2, 8);
        DevicePairWeights t = new DevicePairWeights("t", p, ExponentialPulseDevice.symmetric(65, 3, 0, 0), 1f,
                DevicePairWeights.UpdateMode.POTENTIATE_ONLY, 3);
        MixedPrecision mp = mixed(t, 64, MixedPrecision.Transfer.MEASURED);
        float eps = t.nominalDelta();
        float[] before = p.value.clone();
        float[] target = new float[p.size()];
        Rng r = new Rng(9);
        for (int i = 0; i < target.length; i++) {
            target[i] = p.value[i] + (float) (3 * eps * r.nextGaussian());
        }
        mp.assign(p, target);
        double moved = 0;
        for (int i = 0; i < target.length; i++) {
            // What the devices did is subtracted, so device weight and accumulator together hold the target.
            assertEquals(target[i], p.value[i] + mp.accumulator(0)[i], 1e-5f, "pair " + i);
            moved += Math.abs(p.value[i] - before[i]);
        }
        assertTrue(moved > eps * target.length, "the devices moved: " + moved / eps + " pulses' worth");
    }

    @Test
    void inSituMovesTheDevicesByRoundedPulsesAndCopiesDigitalParameters() {
        Param p = param("weight", 4000, 0.2, 3);
        Param bias = param("bias", 5, 1, 4);
        DevicePairWeights t = tile(p);
        InSituSgd sgd = new InSituSgd(List.of(t), new Sgd(List.of(bias), 0.9, true, 0), PulseOptions.defaults(5));
        float eps = t.nominalDelta();
        float[] before = p.value.clone();
        float[] target = new float[p.size()];
        double wanted = 0;
        for (int i = 0; i < target.length; i++) {
            target[i] = before[i] + 2.5f * eps;
            wanted += 2.5f * eps;
        }
        sgd.assign(p, target);
        double got = 0;
        for (int i = 0; i < target.length; i++) {
            float d = p.value[i] - before[i];
            assertTrue(Math.abs(d - 2.5f * eps) <= 0.5f * eps + 1e-3f * eps, "two or three pulses at " + i + ": " + d / eps);
            got += d;
        }
        assertEquals(1.0, got / wanted, 0.02, "stochastic rounding is unbiased on average");
        float[] b = {1, 2, 3, 4, 5};
        sgd.assign(bias, b);
        assertArrayEquals(b, bias.value, "a digital parameter is copied");
    }

    @Test
    void weightAverageLoadsDeviceParametersThroughTheOptimiser() {
        Param p = param("weight", 300, 0.2, 5);
        Param bias = param("bias", 3, 1, 6);
        DevicePairWeights t = tile(p);
        MixedPrecision mp = new MixedPrecision(List.of(t), new Sgd(List.of(bias), 0, false, 0),
                PulseOptions.defaults(1), 0, false, MixedPrecision.Transfer.NOMINAL);
        float[] runningMean = {0.5f, -0.5f};
        WeightAverage avg = new WeightAverage(List.of(p, bias), List.of(runningMean));
        avg.update(0);
        float[] slowW = p.value.clone();
        float[] slowB = bias.value.clone();
        // Fast weights wander off by pulses and digital steps...
        for (int i = 0; i < p.size(); i++) {
            t.update(i, 5, i % 2 == 0, i);
        }
        t.materialise();
        bias.value[0] += 1;
        runningMean[1] = 7;
        // ...and the reset brings the devices back to within a pulse, by pulses, and copies the bias exactly.
        long pulses = t.counts().updatePulses();
        avg.load(mp);
        assertArrayEquals(slowB, bias.value);
        assertArrayEquals(new float[]{0.5f, -0.5f}, runningMean, "buffers are copied");
        assertTrue(t.counts().updatePulses() >= pulses + 4L * p.size(), "about the pulses that moved them away");
        for (int i = 0; i < p.size(); i++) {
            assertEquals(slowW[i], p.value[i], t.nominalDelta() * 1.01f, "pair " + i);
        }
    }
}
