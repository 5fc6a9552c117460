package dev.spinnet.devicefit.neuron;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.spinnet.devicefit.DeviceFit;
import dev.spinnet.devicefit.RunPool;
import dev.spinnet.devicefit.Stats;
import dev.spinnet.devicefit.fit.Candidate;
import dev.spinnet.devicefit.fit.CurveFit;
import dev.spinnet.devicefit.fit.CurveFitter;
import dev.spinnet.network.device.CeluParams;
import dev.spinnet.network.device.FitSummary;
import dev.spinnet.network.device.NeuronModel;
import dev.spinnet.network.device.NeuronNoise;
import dev.spinnet.network.device.Provenance;

/** Neuron: T = 0 transfer table and fits, then cycle-to-cycle and device-to-device spread at 300 K. */
public final class NeuronPipeline {
    /** Step of the central-difference slopes, input units (far above the DP853 tolerance, far below the grid). */
    static final double SLOPE_STEP = 1e-3;
    /** Inputs of the 300 K statistics. */
    static final int STAT_POINTS = 33;

    private NeuronPipeline() {
    }

    /** The T = 0 table (values and slopes) of the nominal device on the design grid: deterministic. */
    public static double[][] table(NeuronDesign d, RunPool pool) {
        int n = d.gridPoints();
        List<double[]> rows = pool.map(n, i -> {
            double x = d.x(i);
            double y = NeuronSimulator.outputT0(d, NeuronVariant.NOMINAL, x);
            double yp = NeuronSimulator.outputT0(d, NeuronVariant.NOMINAL, x + SLOPE_STEP);
            double ym = NeuronSimulator.outputT0(d, NeuronVariant.NOMINAL, x - SLOPE_STEP);
            return new double[] {y, (yp - ym) / (2 * SLOPE_STEP)};
        });
        double[][] t = new double[2][n];
        for (int i = 0; i < n; i++) {
            t[0][i] = rows.get(i)[0];
            t[1][i] = rows.get(i)[1];
        }
        return t;
    }

    public static NeuronResult run(NeuronDesign d, long seed, RunPool pool) {
        long t0 = System.nanoTime();
        int n = d.gridPoints();
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = d.x(i);
        }
        double[][] table = table(d, pool);
        double[] y = table[0];
        double[] dydx = table[1];

        // Interpolation check: simulate the midpoints and compare with the cubic Hermite the network will use.
        double h = xs[1] - xs[0];
        List<Double> mids = pool.map(n - 1, i -> NeuronSimulator.outputT0(d, NeuronVariant.NOMINAL, xs[i] + h / 2));
        double interpErr = 0;
        for (int i = 0; i < n - 1; i++) {
            double herm = 0.5 * (y[i] + y[i + 1]) + h / 8 * (dydx[i] - dydx[i + 1]);
            interpErr = Math.max(interpErr, Math.abs(herm - mids.get(i)));
        }

        List<CurveFit> fits = CurveFitter.fitAll(xs, y);
        CurveFit celu = fits.stream().filter(f -> f.candidate() == Candidate.CELU).findFirst().orElseThrow();

        // 300 K, nominal device: cycle-to-cycle spread per input.
        double[] sx = new double[STAT_POINTS];
        for (int i = 0; i < STAT_POINTS; i++) {
            sx[i] = -d.xMax() + 2 * d.xMax() * i / (STAT_POINTS - 1);
        }
        int cycles = d.cycles();
        List<Double> c2c = pool.map(STAT_POINTS * cycles, k -> NeuronSimulator.outputThermal(d,
                NeuronVariant.NOMINAL, sx[k / cycles], RunPool.seed(seed, 1, k)));
        double[] mean = new double[STAT_POINTS];
        double[] std = new double[STAT_POINTS];
        double pooled = 0;
        for (int i = 0; i < STAT_POINTS; i++) {
            double[] v = new double[cycles];
            for (int c = 0; c < cycles; c++) {
                v[c] = c2c.get(i * cycles + c);
            }
            mean[i] = Stats.mean(v);
            std[i] = Stats.std(v);
            pooled += std[i] * std[i] / STAT_POINTS;
        }
        pooled = Math.sqrt(pooled);

        // 300 K, fabricated devices: cycle-averaged curves, one CeLU fit each.
        int devices = d.devices();
        List<NeuronVariant> variants = new ArrayList<>();
        for (int k = 0; k < devices; k++) {
            variants.add(NeuronVariant.sample(d, RunPool.seed(seed, 2, k)));
        }
        int per = STAT_POINTS * cycles;
        List<Double> d2d = pool.map(devices * per, k -> NeuronSimulator.outputThermal(d, variants.get(k / per),
                sx[(k % per) / cycles], RunPool.seed(seed, 3, k)));
        double[][] curves = new double[devices][STAT_POINTS];
        double[] scales = new double[devices];
        double[] alphas = new double[devices];
        double[] offsets = new double[devices];
        List<CurveFit> deviceFits = pool.map(devices, k -> {
            double[] c = curves[k];
            for (int i = 0; i < STAT_POINTS; i++) {
                double s = 0;
                for (int r = 0; r < cycles; r++) {
                    s += d2d.get(k * per + i * cycles + r);
                }
                c[i] = s / cycles;
            }
            return CurveFitter.fit(Candidate.CELU, sx, c);
        });
        for (int k = 0; k < devices; k++) {
            scales[k] = deviceFits.get(k).parameter("scale");
            alphas[k] = deviceFits.get(k).parameter("alpha");
            offsets[k] = deviceFits.get(k).parameter("output_offset");
        }
        NeuronNoise noise = new NeuronNoise(pooled, pooled / (y[n - 1] - y[0]), Stats.std(scales) / Stats.mean(scales),
                Stats.std(alphas) / Stats.mean(alphas), Stats.std(offsets), devices, cycles, sx, std);

        Map<String, Double> params = d.parameters();
        params.put("table_interpolation_max_error", interpErr);
        Provenance prov = new Provenance(d.material().name() + " on " + d.material().heavyMetal().name(), params,
                "llg-solver collective (q, phi) model: T = 0 table with Hipparchus DP853 (abs 1e-15 m, rel 1e-10),"
                        + " slopes by central difference (h = " + SLOPE_STEP + "); " + d.temperature()
                        + " K statistics with stochastic Heun (dt = " + d.dt() + " s, Langevin forces from"
                        + " fluctuation-dissipation on the wall cross-section)",
                d.temperature(), seed, DeviceFit.CODE_VERSION);
        List<FitSummary> summaries = fits.stream().map(CurveFit::summary).toList();
        NeuronModel model = new NeuronModel(d.name(), description(d), prov, d.unitCurrentDensity(), d.pulseWidth(),
                d.outputUnit(), d.energyPerUnitPulse(), xs[0], xs[n - 1], y, dydx, NeuronModel.isMonotonic(y),
                new CeluParams(celu.parameter("scale"), celu.parameter("alpha"), celu.parameter("input_offset"),
                        celu.parameter("output_offset")),
                summaries, CurveFitter.bestByAic(fits).candidate().label(),
                CurveFitter.bestByBic(fits).candidate().label(), noise);
        return new NeuronResult(model, fits, sx, mean, std, curves, interpErr, (System.nanoTime() - t0) / 1e9);
    }

    static String description(NeuronDesign d) {
        return String.format(java.util.Locale.ROOT,
                "Domain-wall neuron, %s on %s (t_F = %.1f nm), track %.0f nm wide. Reset: wall at the foot of a"
                        + " saturating barrier (depth %.0f nm, graded anisotropy ending in a hard end). Input: one"
                        + " %.2f ns current pulse (%.0f ps edges) of signed density x * %.4g A/m^2 in the heavy"
                        + " metal; x > 0 drives the wall into the free track, x < 0 into the barrier. Output: wall"
                        + " displacement at the end of the pulse in units of %.0f nm, read as the anomalous Hall"
                        + " resistance of a Hall cross over the wall's range.",
                d.material().name(), d.material().heavyMetal().name(), d.material().thickness() * 1e9,
                d.trackWidth() * 1e9, d.barrierDepth() * 1e9, d.pulseWidth() * 1e9, d.edgeTime() * 1e12,
                d.unitCurrentDensity(), d.outputUnit() * 1e9);
    }
}
