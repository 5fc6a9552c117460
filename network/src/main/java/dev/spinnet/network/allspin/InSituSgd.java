package dev.spinnet.network.allspin;

import dev.spinnet.network.layer.Param;
import dev.spinnet.network.optim.Optimizer;

import java.util.List;

/**
 * Plain in-situ SGD on the devices, the scheme of the device-level online-learning studies
 * (Burr et al., IEEE TED 2015; Chen, Peng and Yu, NeuroSim+, IEDM 2017; Gokmen and Vlasov's
 * resistive-processing-unit analysis, Front. Neurosci. 2016): each step the desired change
 * {@code dW = -lr * grad - lr * wd * W} (no momentum: there is no digital weight-side memory) is
 * converted to a pulse count {@code n = dW / (w_max * nominalStep)}, rounded stochastically
 * (unbiased: E[n] equals the real count) and cut at {@code maxPulses}; the sign chooses the device
 * of the pair ({@link DevicePairWeights.UpdateMode}). The conversion uses the nominal step, so the
 * device's state dependence (nonlinearity, asymmetry), its spread and its noise all act on the
 * weights, which is what makes this scheme sensitive to device quality.
 *
 * <p>Digital parameters (BatchNorm biases, biases, the whitening bias) are stepped by the inner
 * optimiser given to the constructor.
 */
public final class InSituSgd extends PulsedOptimizer {

    /**
     * @param tiles   device tiles of the device-mapped weights
     * @param inner   optimiser of the other parameters (null if there are none)
     * @param options pulse settings
     */
    public InSituSgd(List<DevicePairWeights> tiles, Optimizer inner, PulseOptions options) {
        super(tiles, inner, options);
    }

    @Override
    void update(int tileIndex, DevicePairWeights tile, float rate, float decay, long key) {
        Param p = tile.param();
        float[] g = p.grad;
        float invEps = 1f / tile.nominalDelta();
        int cap = options.maxPulses();
        for (int i = 0; i < g.length; i++) {
            float dw = -rate * g[i];
            if (decay != 0f) {
                dw -= decay * tile.weight(i);
            }
            if (dw != 0f) {
                pulseRounded(tile, i, dw, invEps, cap, key);
            }
        }
    }

    @Override
    public String describe() {
        return "in-situ-sgd(" + optionsText() + ")";
    }
}
