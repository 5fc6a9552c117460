package dev.spinnet.network.allspin;

import dev.spinnet.network.layer.Param;
import dev.spinnet.network.optim.Optimizer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hardware-aware (noise-injection) training for later deployment, after Joshi et al. ("Accurate
 * deep neural network inference using computational phase-change memory", Nat. Commun. 2020) and
 * the aihwkit inference tiles: the network trains in float ("master" weights, updated by an ordinary
 * optimiser), but every training forward sees the weights as the devices would hold them, quantised
 * to the device's potentiation levels ({@code w_max * (nearest level of |w| / w_max)}, sign by the
 * pair) plus Gaussian programming/read noise of {@code noiseSigma * w_max}; gradients pass straight
 * through the quantiser to the masters, which are clipped to the representable range. The devices
 * are only written by {@link #program()}, which every evaluation calls, so each reported accuracy is
 * that of the network programmed into the device pairs (closed-loop, with the devices' own spread).
 *
 * <p>The inner optimiser steps all parameters, the device-mapped ones included (on their masters).
 */
public final class HardwareAware implements DeviceTraining {
    private final List<DevicePairWeights> tiles;
    private final Optimizer inner;
    private final float noiseSigma;
    private final long seed;
    private final float[][] master;
    private final float[][] levels;
    private long forwards;

    /**
     * @param tiles        device tiles (their programming at construction is replaced by {@link #program()})
     * @param floatWeights the float initial weights of the tiles' Params (copied)
     * @param inner        optimiser over all parameters
     * @param noiseSigma   weight noise of the training forward, fraction of the device range
     */
    public HardwareAware(List<DevicePairWeights> tiles, List<float[]> floatWeights, Optimizer inner, float noiseSigma,
                         long seed) {
        if (!(noiseSigma >= 0) || !Float.isFinite(noiseSigma)) {
            throw new IllegalArgumentException("noise sigma must be finite and >= 0, got " + noiseSigma);
        }
        if (floatWeights.size() != tiles.size()) {
            throw new IllegalArgumentException("need one float weight array per tile");
        }
        this.tiles = List.copyOf(tiles);
        this.inner = inner;
        this.noiseSigma = noiseSigma;
        this.seed = seed;
        this.master = new float[tiles.size()][];
        this.levels = new float[tiles.size()][];
        for (int t = 0; t < master.length; t++) {
            float[] w = floatWeights.get(t);
            if (w.length != tiles.get(t).size()) {
                throw new IllegalArgumentException("float weights of tile " + t + " have the wrong size");
            }
            master[t] = w.clone();
            levels[t] = tiles.get(t).device().potentiationLevels();
            clip(t);
        }
    }

    /** Copies of the Params' current values, to pass as {@code floatWeights}. */
    public static List<float[]> snapshot(List<Param> params) {
        List<float[]> out = new ArrayList<>();
        for (Param p : params) {
            out.add(p.value.clone());
        }
        return out;
    }

    @Override
    public List<DevicePairWeights> tiles() {
        return tiles;
    }

    /** The float master weights of tile t (live). */
    public float[] master(int t) {
        return master[t];
    }

    /** Nearest representable weight: sign times w_max times the nearest potentiation level. */
    static float quantise(float w, float wMax, float[] lv) {
        float a = Math.min(Math.abs(w) / wMax, lv[lv.length - 1]);
        int j = Arrays.binarySearch(lv, a);
        float q;
        if (j >= 0) {
            q = lv[j];
        } else {
            int hi = -j - 1;
            q = hi == 0 ? lv[0] : hi >= lv.length ? lv[lv.length - 1]
                    : a - lv[hi - 1] <= lv[hi] - a ? lv[hi - 1] : lv[hi];
        }
        return Math.copySign(q * wMax, w);
    }

    private void clip(int t) {
        float lim = tiles.get(t).wMax() * levels[t][levels[t].length - 1];
        float[] m = master[t];
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.max(-lim, Math.min(lim, m[i]));
        }
    }

    @Override
    public void beforeForward() {
        long f = forwards++;
        for (int t = 0; t < tiles.size(); t++) {
            DevicePairWeights tile = tiles.get(t);
            float wMax = tile.wMax();
            float[] w = tile.param().value;
            float[] m = master[t];
            float[] lv = levels[t];
            long base = Noise.key(seed, t, f);
            for (int i = 0; i < w.length; i++) {
                float q = quantise(m[i], wMax, lv);
                if (noiseSigma > 0) {
                    q += noiseSigma * wMax * Noise.gaussian(Noise.mix(base + 0x9E3779B97F4A7C15L * i));
                }
                w[i] = q;
            }
        }
    }

    /**
     * Refused for device-mapped weights: their Param holds the quantised, noisy view of a float master, so a value
     * written there would be overwritten by the next forward (AllSpin.Builder.build refuses Lookahead earlier).
     */
    @Override
    public void assign(Param p, float[] target) {
        for (DevicePairWeights t : tiles) {
            if (t.param() == p) {
                throw new IllegalArgumentException("Lookahead does not combine with hardware-aware training");
            }
        }
        System.arraycopy(target, 0, p.value, 0, p.value.length);
    }

    @Override
    public void step(double lr) {
        for (int t = 0; t < tiles.size(); t++) {
            System.arraycopy(master[t], 0, tiles.get(t).param().value, 0, master[t].length);
        }
        inner.step(lr);
        for (int t = 0; t < tiles.size(); t++) {
            System.arraycopy(tiles.get(t).param().value, 0, master[t], 0, master[t].length);
            clip(t);
        }
    }

    /** Programs the master weights into the device pairs and writes the programmed weights into the Params. */
    public void program() {
        for (int t = 0; t < tiles.size(); t++) {
            tiles.get(t).program(master[t]);
        }
    }

    @Override
    public void beforeEvaluation() {
        program();
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        out.writeLong(forwards);
        inner.writeState(out);
        PulsedOptimizer.writeArrays(out, master);
        for (DevicePairWeights t : tiles) {
            t.writeState(out);
        }
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        forwards = in.readLong();
        inner.readState(in);
        PulsedOptimizer.readArrays(in, master);
        for (DevicePairWeights t : tiles) {
            t.readState(in);
        }
    }

    @Override
    public String describe() {
        return "hardware-aware(noise=" + noiseSigma + ", seed=" + seed + ")";
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(describe());
        for (DevicePairWeights t : tiles) {
            sb.append("; ").append(t.describe());
        }
        return sb.toString();
    }
}
