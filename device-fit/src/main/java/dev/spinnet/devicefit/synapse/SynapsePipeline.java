package dev.spinnet.devicefit.synapse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.spinnet.devicefit.DeviceFit;
import dev.spinnet.devicefit.RunPool;
import dev.spinnet.devicefit.Stats;
import dev.spinnet.devicefit.fit.ExponentialNonlinearity;
import dev.spinnet.network.device.BranchNonlinearity;
import dev.spinnet.network.device.Provenance;
import dev.spinnet.network.device.SynapseModel;

/** Synapse: pulse calibration and T = 0 tables, then 300 K cycles of the nominal and of fabricated devices. */
public final class SynapsePipeline {
    private SynapsePipeline() {
    }

    public static SynapseResult run(SynapseDesign d, long seed, RunPool pool) {
        long t0 = System.nanoTime();
        double width = SynapseSimulator.calibrateWidth(d);
        SynapseVariant nominal = SynapseVariant.nominal(d);
        List<double[]> tables = pool.map(2, b -> SynapseSimulator.branchT0(d, nominal, width, b == 0 ? +1 : -1));
        double[] up = tables.get(0);
        double[] down = tables.get(1);
        BranchNonlinearity nlUp = ExponentialNonlinearity.fit(up);
        BranchNonlinearity nlDown = ExponentialNonlinearity.fit(down);
        double asym = asymmetry(up, down);
        int p = d.pulsesPerBranch();
        double range = d.gMax() - d.gMin();

        // Nominal device at 300 K: twice the per-device cycle count, for the cycle-to-cycle statistics.
        int nomCycles = 2 * d.cycles();
        List<double[][]> nom = pool.map(nomCycles, c -> SynapseSimulator.cycleThermal(d, nominal, width,
                RunPool.seed(seed, 11, c)));
        double[] meanUp = new double[p + 1];
        double[] stdUp = new double[p + 1];
        double[] meanDown = new double[p + 1];
        double[] stdDown = new double[p + 1];
        for (int n = 0; n <= p; n++) {
            double[] u = new double[nomCycles];
            double[] w = new double[nomCycles];
            for (int c = 0; c < nomCycles; c++) {
                u[c] = nom.get(c)[0][n];
                w[c] = nom.get(c)[1][n];
            }
            meanUp[n] = Stats.mean(u);
            stdUp[n] = Stats.std(u);
            meanDown[n] = Stats.mean(w);
            stdDown[n] = Stats.std(w);
        }
        // Cycle to cycle: spread of the conductance change of one pulse at the same pulse index.
        double pooled = 0;
        int terms = 0;
        for (int b = 0; b < 2; b++) {
            for (int n = 0; n < p; n++) {
                double[] steps = new double[nomCycles];
                for (int c = 0; c < nomCycles; c++) {
                    steps[c] = nom.get(c)[b][n + 1] - nom.get(c)[b][n];
                }
                double s = Stats.std(steps);
                pooled += s * s;
                terms++;
            }
        }
        double c2c = Math.sqrt(pooled / terms) / range;
        int states = distinguishableStates(meanUp, stdUp);

        // Fabricated devices: cycle-averaged potentiation steps, spread over devices and pulse index.
        int devices = d.devices();
        List<SynapseVariant> variants = new ArrayList<>();
        for (int k = 0; k < devices; k++) {
            variants.add(SynapseVariant.sample(d, RunPool.seed(seed, 12, k)));
        }
        int cycles = d.cycles();
        List<double[][]> dev = pool.map(devices * cycles, k -> SynapseSimulator.cycleThermal(d,
                variants.get(k / cycles), width, RunPool.seed(seed, 13, k)));
        double[][] deviceUp = new double[devices][p + 1];
        double[] allSteps = new double[devices * p];
        for (int k = 0; k < devices; k++) {
            for (int n = 0; n <= p; n++) {
                double s = 0;
                for (int c = 0; c < cycles; c++) {
                    s += dev.get(k * cycles + c)[0][n];
                }
                deviceUp[k][n] = s / cycles;
            }
            for (int n = 0; n < p; n++) {
                allSteps[k * p + n] = deviceUp[k][n + 1] - deviceUp[k][n];
            }
        }
        double d2d = Stats.std(allSteps) / Math.abs(Stats.mean(allSteps));

        Map<String, Double> params = d.parameters(width);
        Provenance prov = new Provenance(d.material().name() + " on " + d.material().heavyMetal().name(), params,
                "llg-solver collective (q, phi) model: pulse plateau calibrated by bisection and T = 0 tables with"
                        + " Hipparchus DP853 (abs 1e-15 m, rel 1e-10); " + d.temperature() + " K cycles with"
                        + " stochastic Heun (dt = " + d.dt() + " s, Langevin forces from fluctuation-dissipation on"
                        + " the wall cross-section)",
                d.temperature(), seed, DeviceFit.CODE_VERSION);
        SynapseModel model = new SynapseModel(d.name(), description(d, width), prov, d.gMin(), d.gMax(),
                d.pulseAmplitude(), width, d.energyPerPulse(width), up, down, states, nlUp, nlDown, asym, c2c, d2d,
                d.gMax() / d.gMin(), devices, cycles);
        double[][][] examples = new double[Math.min(4, nomCycles)][][];
        for (int c = 0; c < examples.length; c++) {
            examples[c] = nom.get(c);
        }
        return new SynapseResult(model, meanUp, stdUp, meanDown, stdDown, deviceUp, examples,
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Mean |dG_up + dG_down| over the transitions between the same pair of levels, divided by the mean |dG_up|:
     * potentiation step n (level n to n+1) against depression step P-1-n (level n+1 to n). 0 for symmetric
     * updates.
     */
    static double asymmetry(double[] up, double[] down) {
        int p = up.length - 1;
        double num = 0;
        double den = 0;
        for (int n = 0; n < p; n++) {
            double su = up[n + 1] - up[n];
            double sd = down[p - n] - down[p - n - 1];
            num += Math.abs(su + sd);
            den += Math.abs(su);
        }
        return den > 0 ? num / den : 0;
    }

    /**
     * Levels counted greedily from the lowest: the next level counts when its mean lies more than
     * 2 (sigma_last + sigma_next) above the last counted one, i.e. the two distributions overlap less than
     * about 2.5 % at 300 K.
     */
    static int distinguishableStates(double[] mean, double[] std) {
        int count = 1;
        int last = 0;
        for (int n = 1; n < mean.length; n++) {
            if (mean[n] - mean[last] > 2 * (std[n] + std[last])) {
                count++;
                last = n;
            }
        }
        return count;
    }

    static String description(SynapseDesign d, double width) {
        return String.format(Locale.ROOT,
                "Domain-wall synapse, %s on %s (t_F = %.1f nm), track %.0f nm wide with %d Gaussian notches every"
                        + " %.0f nm (width %.1f nm, depth %.2f x the wall energy). Programming: pulses of %.4g A/m^2"
                        + " (%.1f x depinning), %.1f ps plateau, %.0f ps edges, %.2f ns apart; one pulse moves the"
                        + " wall one notch. Readout: MTJ over the notch span, R_P = %.0f ohm, TMR %.0f %%, G linear"
                        + " in the wall position.",
                d.material().name(), d.material().heavyMetal().name(), d.material().thickness() * 1e9,
                d.trackWidth() * 1e9, d.notches(), d.pitch() * 1e9, d.notchWidth() * 1e9, d.notchDepthRatio(),
                d.pulseAmplitude(), d.driveFactor(), width * 1e12, d.edgeTime() * 1e12, d.gap() * 1e9,
                d.resistanceP(), 100 * d.tmr());
    }
}
