package dev.spinnet.devicefit;

import static dev.spinnet.llg.material.PhysicalConstants.K_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.spinnet.devicefit.neuron.NeuronDesign;
import dev.spinnet.devicefit.neuron.NeuronSimulator;
import dev.spinnet.devicefit.neuron.NeuronVariant;

import dev.spinnet.devicefit.physics.DeviceMaterials;
import dev.spinnet.devicefit.physics.NotchedTrack;
import dev.spinnet.devicefit.physics.SaturatingBarrier;
import dev.spinnet.devicefit.physics.ThermalWall;
import dev.spinnet.llg.cc.CollectiveCoordinateModel;
import dev.spinnet.llg.cc.CurrentWaveform;
import dev.spinnet.llg.cc.WallPotential;
import dev.spinnet.llg.material.Ferrimagnet;
import dev.spinnet.llg.material.MaterialState;

class PhysicsTest {

    @Test
    void tunedGdCoIsCompensatedAt300K() {
        Ferrimagnet f = DeviceMaterials.gdCoCompensatedAt(300);
        assertEquals(300.0, f.angularMomentumCompensation().getAsDouble(), 1e-6);
    }

    static void forceIsMinusGradient(WallPotential u, double from, double to) {
        for (int k = 0; k <= 200; k++) {
            double q = from + (to - from) * k / 200.0;
            double h = 1e-6 * (to - from);
            double num = -(u.energy(q + h) - u.energy(q - h)) / (2 * h);
            double f = u.force(q);
            assertEquals(num, f, 1e-5 * Math.max(1, Math.abs(f)) + 1e-6 * Math.abs(f), "q=" + q);
        }
    }

    @Test
    void barrierAndTrackForcesAreGradients() {
        forceIsMinusGradient(new SaturatingBarrier(0, 50e-9, 1e4), -60e-9, 20e-9);
        forceIsMinusGradient(new NotchedTrack(2e-4, 12.5e-9, new double[] {0, 50e-9, 100e-9, 150e-9}, 1e12),
                -30e-9, 180e-9);
    }

    @Test
    void barrierIsFreeRightOfTheFootAndRestoringLeftOfIt() {
        SaturatingBarrier b = new SaturatingBarrier(0, 50e-9, 1e4);
        assertEquals(0.0, b.force(10e-9), 0.0);
        assertTrue(b.force(-10e-9) > 0);
        assertTrue(b.force(-45e-9) > 10 * b.force(-20e-9), "stiffens towards the hard end");
    }

    /** Free diffusion at T_A obeys the Einstein relation D = k_B T Delta / (2 alphaS S). */
    @Test
    void thermalWallDiffusesAtTheEinsteinRate() {
        Ferrimagnet f = DeviceMaterials.gdCoCompensatedAt(300);
        MaterialState s = f.at(300);
        double area = 200e-9 * f.thickness();
        CollectiveCoordinateModel m = new CollectiveCoordinateModel(s, 0, CurrentWaveform.constant(0),
                WallPotential.NONE);
        double t = 1e-9;
        int runs = 2000;
        double msd = 0;
        double[] q = new double[1];
        for (int r = 0; r < runs; r++) {
            new ThermalWall(s, m, area, 300, RunPool.seed(7, 0, r)).run(0, 0, 0, new double[] {t}, 1e-12, q);
            msd += q[0] * q[0] / runs;
        }
        double d = K_B * 300 * s.wallWidth() / (2 * s.alphaS() * area);
        assertEquals(2 * d * t, msd, 0.1 * 2 * d * t); // 2000 runs: ~3 % statistical error
    }

    /**
     * The barrier sets the neuron's CeLU alpha, and nothing else: at T = 0 the collective model with the barrier
     * force 2 p_b g(-q / depth) is invariant under q -> k q, x -> k x when depth and p_b both scale by k (the
     * free branch is linear in x), so y_k(x) = k y(x / k), i.e. celu(x, k alpha) = k celu(x / k, alpha). A
     * shallower barrier is therefore the same activation as mapping the network's inputs onto a narrower span
     * (--neuron-span 4 k), but at the default drive currents instead of 1 / k times larger ones.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.375, 0.5, 2.0})
    void scalingTheBarrierScalesTheTransferCurve(double k) {
        NeuronDesign d = DeviceFit.neuron("ferri-neuron");
        NeuronDesign dk = DesignOverrides.apply(d, Map.of("barrierDepth", Double.toString(k * d.barrierDepth()),
                "barrierFactor", Double.toString(k * d.barrierFactor())), "k");
        assertScaledCurve(d, dk, k);
        // and the scaled neuron really is a different activation on the barrier side
        assertTrue(Math.abs(NeuronSimulator.outputT0(dk, NeuronVariant.NOMINAL, -3)
                - NeuronSimulator.outputT0(d, NeuronVariant.NOMINAL, -3)) > 0.05);
    }

    /**
     * The same curve without a thin barrier: at T = 0 the model is also invariant under t -> t / k, q -> q at
     * fixed current when the output unit, the pulse (plateau and edges) and the barrier pressure per unit drive
     * scale as 1 / k, 1 / k and k, so a neuron with the default 50 nm barrier, a k-times longer pulse and a
     * 1 / k longer output unit has the curve k y(x / k) too, at the default current density: the design the full
     * LLG supports ({@code LlgBarrierCheck}), unlike the 1.5-wall-width barrier of the first form.
     */
    @Test
    void aLongerPulseWithALongerOutputUnitScalesTheTransferCurveToo() {
        double k = 0.375;
        NeuronDesign d = DeviceFit.neuron("ferri-neuron");
        NeuronDesign dk = DesignOverrides.apply(d, Map.of("outputUnit", Double.toString(d.outputUnit() / k),
                "pulseWidth", Double.toString(d.pulseWidth() / k), "edgeTime", Double.toString(d.edgeTime() / k),
                "barrierFactor", Double.toString(k * d.barrierFactor())), "k");
        assertEquals(d.unitCurrentDensity(), dk.unitCurrentDensity(), 1e-9 * d.unitCurrentDensity());
        assertScaledCurve(d, dk, k);
    }

    /** dk's T = 0 transfer curve is k y_d(x / k) on both branches, to 1e-6 output units. */
    static void assertScaledCurve(NeuronDesign d, NeuronDesign dk, double k) {
        for (double x : new double[] {-3, -1.5, -0.7, -0.2, 0.3, 1.1, 2.5}) {
            double expected = k * NeuronSimulator.outputT0(d, NeuronVariant.NOMINAL, x / k);
            assertEquals(expected, NeuronSimulator.outputT0(dk, NeuronVariant.NOMINAL, x), 1e-6, "x=" + x);
        }
    }
}
