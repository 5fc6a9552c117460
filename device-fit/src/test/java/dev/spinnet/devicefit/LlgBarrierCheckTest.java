package dev.spinnet.devicefit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.spinnet.devicefit.neuron.LlgBarrierCheck;
import dev.spinnet.devicefit.neuron.NeuronDesign;
import dev.spinnet.devicefit.neuron.NeuronSimulator;
import dev.spinnet.devicefit.neuron.NeuronVariant;
import dev.spinnet.llg.material.Ferrimagnet;

class LlgBarrierCheckTest {

    /** The graded anisotropy raises the 1D wall energy 4 sqrt(A K_w) by exactly the barrier energy U. */
    @Test
    void anisotropyRampRaisesWallEnergyByTheBarrierEnergy() {
        Ferrimagnet f = DeviceFit.neuron("ferri-neuron").material();
        // GdCo: pi D = 4.7e-4 J/m^2 beats 2 Delta K_perp = 2.4e-5 J/m^2, a Neel wall that sees K_u + K_perp
        assertEquals(1.0, LlgBarrierCheck.restCos(f), 0.0);
        double kw = LlgBarrierCheck.wallAnisotropy(f);
        assertEquals(f.anisotropyKu() + f.shapeAnisotropyKperp(), kw, 0.0);
        double a = f.exchangeStiffness();
        for (double u : new double[] {1e-6, 1e-4, 3e-4, 2e-3}) {
            double dk = LlgBarrierCheck.anisotropyFor(f, u);
            assertTrue(dk >= 0);
            assertEquals(u, 4 * Math.sqrt(a * (kw + dk)) - 4 * Math.sqrt(a * kw), 1e-12 * (1 + u));
        }
        // first order: 2 Delta_w dK = U
        double small = 1e-8;
        assertEquals(small, 2 * Math.sqrt(a / kw) * LlgBarrierCheck.anisotropyFor(f, small), 1e-4 * small);
    }

    /**
     * Where the rigid wall should hold (a barrier 16 Delta deep: the default curve scaled by 4 through the
     * collective model's self-similarity y_k(x) = k y(x / k)), the LLG output at x = -2 (wall 80 nm, u = 0.4
     * into the barrier) agrees with the collective model to within the known rigid-wall corrections: -2.4 %
     * from the wall width sqrt(A/(K_u + K_perp)) of the 1D LLG versus sqrt(A/K_u) in the collective model
     * (the free branch's -2.5 % at x = 1), about -2 % from the wall narrowing as it climbs and averaging the
     * barrier over its width. Observed -5.2 %. A mapping off by a factor 2 in U gives -16 % (doubled) or
     * +3 % (halved), both outside [-8 %, -2 %].
     */
    @Test
    void deepBarrierAgreesWithCollectiveModel() {
        NeuronDesign deep = DesignOverrides.apply(DeviceFit.neuron("ferri-neuron"),
                Map.of("barrierDepth", "200e-9", "barrierFactor", "6"), "deep200nm");
        double x = -2;
        double cc = NeuronSimulator.outputT0(deep, NeuronVariant.NOMINAL, x);
        double llg = LlgBarrierCheck.outputLlgBarrier(deep, x);
        double rel = llg / cc - 1;
        assertTrue(rel > -0.08 && rel < -0.02, "LLG " + llg + " vs collective " + cc + ": " + rel);
    }
}
