package dev.spinnet.network.allspin;

import dev.spinnet.network.layer.Param;
import dev.spinnet.network.optim.Optimizer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Mixed-precision training after Nandakumar et al. ("Mixed-precision architecture based on
 * computational memory for training deep neural networks", ISCAS 2018; Front. Neurosci. 2020):
 * each device weight has a digital accumulator chi that collects the desired updates,
 * {@code chi += -lr * d - lr * wd * W} (d the gradient, or with momentum the SGD direction); when
 * {@code |chi| >= eps = w_max * nominalStep}, {@code n = floor(|chi| / eps)} whole pulses (at most
 * {@code maxPulses}) are applied in the sign of chi and chi is reduced by what was transferred:
 * either the nominal amount {@code n * eps} (as in the paper: no read-back) or the measured change
 * of the device weight (program and read; the accumulator then also absorbs the device's
 * nonlinearity and noise). Updates smaller than a step are not lost, which is why this reaches
 * near-float accuracy with devices on which in-situ SGD fails.
 *
 * <p>Digital parameters are stepped by the inner optimiser given to the constructor.
 */
public final class MixedPrecision extends PulsedOptimizer {
    /** What is subtracted from the accumulator after a transfer. */
    public enum Transfer { NOMINAL, MEASURED }

    private final float momentum;
    private final boolean nesterov;
    private final Transfer transfer;
    private final float[][] chi;
    private final float[][] buf;

    /**
     * @param momentum SGD momentum on the digital side (0 = plain, as in the paper)
     * @param nesterov Nesterov form of the momentum
     */
    public MixedPrecision(List<DevicePairWeights> tiles, Optimizer inner, PulseOptions options, double momentum,
                          boolean nesterov, Transfer transfer) {
        super(tiles, inner, options);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.momentum = (float) momentum;
        this.nesterov = nesterov;
        this.transfer = transfer;
        this.chi = new float[this.tiles.size()][];
        this.buf = new float[this.tiles.size()][];
        for (int t = 0; t < chi.length; t++) {
            chi[t] = new float[this.tiles.get(t).size()];
            buf[t] = momentum > 0 ? new float[this.tiles.get(t).size()] : new float[0];
        }
    }

    /** The accumulator of tile t (live array, for diagnostics and tests). */
    public float[] accumulator(int t) {
        return chi[t];
    }

    @Override
    void update(int tileIndex, DevicePairWeights tile, float rate, float decay, long key) {
        Param p = tile.param();
        float[] g = p.grad;
        float[] c = chi[tileIndex];
        float[] b = buf[tileIndex];
        float eps = tile.nominalDelta();
        float invEps = 1f / eps;
        int cap = options.maxPulses();
        float bound = 2 * cap * eps;
        for (int i = 0; i < g.length; i++) {
            float d = g[i];
            if (momentum > 0) {
                float v = momentum * b[i] + d;
                b[i] = v;
                d = nesterov ? d + momentum * v : v;
            }
            float x = c[i] - rate * d;
            if (decay != 0f) {
                x -= decay * tile.weight(i);
            }
            c[i] = transfer(tile, i, x, eps, invEps, cap, bound, key);
        }
    }

    /** Transfers the whole pulses of accumulator value x to pair i; returns what stays in the accumulator. */
    private float transfer(DevicePairWeights tile, int i, float x, float eps, float invEps, int cap, float bound,
                           long key) {
        float a = Math.abs(x);
        if (a >= eps) {
            int n = (int) Math.min(cap, Math.floor(a * invEps));
            boolean up = x > 0;
            float got = tile.update(i, n, up, weightKey(key, i));
            if (transfer == Transfer.NOMINAL) {
                x -= up ? n * eps : -n * eps;
            } else {
                // Read-back: subtract what the devices did; a saturated pair would let chi grow without
                // bound, so it is held within two full updates.
                x = Math.max(-bound, Math.min(bound, x - got));
            }
        }
        return x;
    }

    /**
     * The wanted change {@code target - W} joins the accumulator and is transferred like an update, so the part
     * smaller than a pulse is kept for later instead of being rounded away.
     */
    @Override
    void moveTo(int tileIndex, DevicePairWeights tile, float[] target, long key) {
        float[] c = chi[tileIndex];
        float eps = tile.nominalDelta();
        int cap = options.maxPulses();
        for (int i = 0; i < target.length; i++) {
            c[i] = transfer(tile, i, c[i] + target[i] - tile.weight(i), eps, 1f / eps, cap, 2 * cap * eps, key);
        }
    }

    @Override
    void writeExtra(DataOutputStream out) throws IOException {
        writeArrays(out, chi);
        writeArrays(out, buf);
    }

    @Override
    void readExtra(DataInputStream in) throws IOException {
        readArrays(in, chi);
        readArrays(in, buf);
    }

    @Override
    public String describe() {
        return "mixed-precision(transfer=" + transfer + ", momentum=" + momentum + (nesterov ? " nesterov" : "") + ", "
                + optionsText() + ")";
    }
}
