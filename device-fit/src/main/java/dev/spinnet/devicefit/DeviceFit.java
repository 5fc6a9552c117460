package dev.spinnet.devicefit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.spinnet.devicefit.neuron.HeatingCheck;
import dev.spinnet.devicefit.neuron.LlgSpotCheck;
import dev.spinnet.devicefit.neuron.NeuronDesign;
import dev.spinnet.devicefit.neuron.NeuronPipeline;
import dev.spinnet.devicefit.neuron.NeuronResult;
import dev.spinnet.devicefit.neuron.NeuronSimulator;
import dev.spinnet.devicefit.neuron.NeuronVariant;
import dev.spinnet.devicefit.plot.Plots;
import dev.spinnet.devicefit.synapse.SynapseDesign;
import dev.spinnet.devicefit.synapse.SynapsePipeline;
import dev.spinnet.devicefit.synapse.SynapseResult;
import dev.spinnet.network.device.DeviceModels;
import dev.spinnet.network.device.FitSummary;
import dev.spinnet.network.device.NeuronModel;
import dev.spinnet.network.device.SynapseModel;

/**
 * The {@code spinnet fit} pipeline: simulates the four devices (ferrimagnetic and ferromagnetic neuron and
 * synapse), fits them and writes {@code <name>.json} and {@code <name>.png} per device.
 */
public final class DeviceFit {
    /** Written into every file's provenance. */
    public static final String CODE_VERSION = "spinnet 0.1.0 device-fit";
    public static final List<String> ALL = List.of("ferri-neuron", "ferro-neuron", "ferri-synapse", "ferro-synapse");
    /** Inputs of the full-LLG spot checks on the free branch. */
    public static final double[] LLG_CHECK_INPUTS = {1.0, 3.0};
    /** Inputs of the Joule-heating spot checks. */
    public static final double[] HEATING_CHECK_INPUTS = {-4.0, -1.0, 1.0, 4.0};

    private DeviceFit() {
    }

    /** Per device: the file written and a one-line summary; plus the total wall time. */
    public record Report(Map<String, String> lines, Map<String, Object> results, double seconds) {
    }

    public static NeuronDesign neuron(String name) {
        return switch (name) {
            case "ferri-neuron" -> NeuronDesign.ferrimagnetic();
            case "ferro-neuron" -> NeuronDesign.ferromagnetic();
            default -> throw new IllegalArgumentException("unknown neuron '" + name + "'");
        };
    }

    public static SynapseDesign synapse(String name) {
        return switch (name) {
            case "ferri-synapse" -> SynapseDesign.ferrimagnetic();
            case "ferro-synapse" -> SynapseDesign.ferromagnetic();
            default -> throw new IllegalArgumentException("unknown synapse '" + name + "'");
        };
    }

    /** Builds every variant design, so that a bad --set fails before anything is simulated or written. */
    public static void checkVariants(List<String> devices, Map<String, String> overrides, String variant) {
        designs(devices, overrides, variant);
    }

    private static Map<String, Record> designs(List<String> devices, Map<String, String> overrides, String variant) {
        if (variant == null && !overrides.isEmpty()) {
            throw new IllegalArgumentException("--set needs --variant TAG, so that a changed design never takes "
                    + "the name of the nominal one");
        }
        Map<String, Record> designs = new LinkedHashMap<>();
        for (String name : devices) {
            Record d = name.endsWith("neuron") ? neuron(name) : synapse(name);
            designs.put(name, variant == null ? d : DesignOverrides.apply(d, overrides, variant));
        }
        return designs;
    }

    /** Parses "all" or a comma list of device names. */
    public static List<String> parseDevices(String spec) {
        if (spec == null || spec.equals("all")) {
            return ALL;
        }
        if (spec.isBlank()) {
            // an empty --devices is a mistake (e.g. an unset shell variable), not a request for a full fit
            throw new IllegalArgumentException("--devices is empty, expected all or a comma list of "
                    + String.join(", ", ALL));
        }
        List<String> out = new ArrayList<>();
        for (String s : spec.split(",")) {
            String t = s.trim();
            if (!ALL.contains(t)) {
                throw new IllegalArgumentException("--devices: unknown device '" + t + "', expected all or a comma list of "
                        + String.join(", ", ALL));
            }
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    public static Report run(List<String> devices, long seed, Path outDir, boolean spotChecks, int threads,
            PrintStream log) throws IOException {
        return run(devices, Map.of(), null, seed, outDir, spotChecks, threads, log);
    }

    /**
     * The pipeline on design variants: with a {@code variant} tag, each device's design gets the
     * {@code overrides} (parameter name to value, {@link DesignOverrides}) and is written as
     * {@code <device>-<variant>.json}. Every variant is built, and so checked, before anything is simulated.
     */
    public static Report run(List<String> devices, Map<String, String> overrides, String variant, long seed,
            Path outDir, boolean spotChecks, int threads, PrintStream log) throws IOException {
        Map<String, Record> designs = designs(devices, overrides, variant);
        long t0 = System.nanoTime();
        Map<String, String> lines = new LinkedHashMap<>();
        Map<String, Object> results = new LinkedHashMap<>();
        try (RunPool pool = new RunPool(threads)) {
            for (Record design : designs.values()) {
                String name = design instanceof NeuronDesign n ? n.name() : ((SynapseDesign) design).name();
                Path json = outDir.resolve(name + ".json");
                Path png = outDir.resolve(name + ".png");
                String line;
                if (design instanceof NeuronDesign d) {
                    NeuronResult r = NeuronPipeline.run(d, seed, pool);
                    NeuronModel m = r.model();
                    if (spotChecks) {
                        int nx = LLG_CHECK_INPUTS.length;
                        List<Double> both = pool.map(2 * nx, k -> k < nx ? LlgSpotCheck.outputLlg(d, LLG_CHECK_INPUTS[k])
                                : NeuronSimulator.outputT0(d, NeuronVariant.NOMINAL, LLG_CHECK_INPUTS[k - nx]));
                        Map<String, Double> p = new LinkedHashMap<>(m.provenance().parameters());
                        for (int k = 0; k < nx; k++) {
                            String key = String.format(Locale.ROOT, "llg_check_x%.0f_", LLG_CHECK_INPUTS[k]);
                            p.put(key + "output_llg", both.get(k));
                            p.put(key + "output_collective", both.get(nx + k));
                            p.put(key + "relative_difference", both.get(k) / both.get(nx + k) - 1);
                        }
                        // Joule heating, left out of the tables: its effect at the ends of the input range.
                        double[] hx = HEATING_CHECK_INPUTS;
                        List<double[]> heat = pool.map(hx.length, k -> HeatingCheck.output(d, hx[k]));
                        for (int k = 0; k < hx.length; k++) {
                            String key = String.format(Locale.ROOT, "heating_check_x%+.0f_", hx[k]);
                            double cold = NeuronSimulator.outputT0(d, NeuronVariant.NOMINAL, hx[k]);
                            p.put(key + "output", heat.get(k)[0]);
                            p.put(key + "output_without_heating", cold);
                            p.put(key + "peak_temperature_K", heat.get(k)[1]);
                        }
                        m = withParameters(m, p);
                        r = new NeuronResult(m, r.fits(), r.statInputs(), r.thermalMean(), r.thermalStd(),
                                r.deviceCurves(), r.interpolationMaxError(), r.seconds());
                    }
                    DeviceModels.write(json, m);
                    Plots.neuron(r, png);
                    FitSummary celu = m.fits().stream().filter(f -> f.model().equals("celu")).findFirst().orElseThrow();
                    line = String.format(Locale.ROOT,
                            "%s: celu R^2 %.6f rms %.4f max %.4f (alpha %.3f, scale %.3f); best AIC %s, BIC %s;"
                                    + " c2c sigma %.3f, d2d scale %.1f %%; j_unit %.3g A/m^2; %.1f s",
                            name, celu.r2(), celu.rms(), celu.maxError(), m.celu().alpha(), m.celu().scale(),
                            m.bestByAic(), m.bestByBic(), m.noise().cycleToCycleSigma(),
                            100 * m.noise().deviceToDeviceScale(), m.inputUnitCurrentDensity(), r.seconds());
                    results.put(name, r);
                } else {
                    SynapseDesign d = (SynapseDesign) design;
                    SynapseResult r = SynapsePipeline.run(d, seed, pool);
                    SynapseModel m = r.model();
                    DeviceModels.write(json, m);
                    Plots.synapse(r, png);
                    line = String.format(Locale.ROOT,
                            "%s: %d states, NL up %.3f down %.3f, asymmetry %.3f, c2c %.2f %%, d2d %.2f %%,"
                                    + " on/off %.2f, %.3g J/pulse (%.3g A/m^2, %.0f ps); %.1f s",
                            name, m.distinguishableStates(), m.potentiationNl().nl(), m.depressionNl().nl(),
                            m.asymmetry(), 100 * m.cycleToCycleSigma(), 100 * m.deviceToDeviceSigma(),
                            m.onOffRatio(), m.energyPerPulseJ(), m.pulseAmplitude(), m.pulseWidthS() * 1e12,
                            r.seconds());
                    results.put(name, r);
                }
                lines.put(name, line);
                if (log != null) {
                    log.println(line);
                    log.println("  wrote " + json + " and " + png.getFileName());
                }
            }
        }
        return new Report(lines, results, (System.nanoTime() - t0) / 1e9);
    }

    /** Markdown tables of the results (neurons: every fit; synapses: the metrics), for the README. */
    public static String markdown(Report r) {
        StringBuilder sb = new StringBuilder();
        boolean header = false;
        for (Object o : r.results().values()) {
            if (o instanceof NeuronResult nr) {
                if (!header) {
                    sb.append("| neuron | fit | k | R^2 | RMS | max error | AIC | BIC |\n");
                    sb.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
                    header = true;
                }
                for (FitSummary f : nr.model().fits()) {
                    sb.append(String.format(Locale.ROOT, "| %s | %s%s | %d | %.6f | %.4f | %.4f | %.1f | %.1f |%n",
                            nr.model().name(), f.model(), f.model().equals(nr.model().bestByAic()) ? " (best AIC)" : "",
                            f.parameters().size(), f.r2(), f.rms(), f.maxError(), f.aic(), f.bic()));
                }
            }
        }
        sb.append("\n| neuron | j_unit (A/m^2) | energy per unit pulse (J) | CeLU scale | CeLU alpha | c2c sigma (out. units) | d2d scale | d2d alpha | d2d offset | LLG / collective - 1 |\n");
        sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Object o : r.results().values()) {
            if (o instanceof NeuronResult nr) {
                NeuronModel m = nr.model();
                StringBuilder llg = new StringBuilder();
                for (double x : LLG_CHECK_INPUTS) {
                    Double v = m.provenance().parameters().get(String.format(Locale.ROOT,
                            "llg_check_x%.0f_relative_difference", x));
                    llg.append(llg.length() == 0 ? "" : ", ").append(v == null ? "-"
                            : String.format(Locale.ROOT, "x=%.0f: %+.2f %%", x, 100 * v));
                }
                sb.append(String.format(Locale.ROOT, "| %s | %.3g | %.3g | %.3f | %.3f | %.3f | %.1f %% | %.1f %% | %.3f | %s |%n",
                        m.name(), m.inputUnitCurrentDensity(), m.energyPerUnitPulseJ(), m.celu().scale(),
                        m.celu().alpha(), m.noise().cycleToCycleSigma(), 100 * m.noise().deviceToDeviceScale(),
                        100 * m.noise().deviceToDeviceAlpha(), m.noise().deviceToDeviceOffset(),
                        llg));
            }
        }
        sb.append("\n| synapse | states (300 K) | NL up | NL down | max dev. up/down | asymmetry | c2c sigma | d2d sigma | on/off | pulse | energy/pulse |\n");
        sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Object o : r.results().values()) {
            if (o instanceof SynapseResult sr) {
                SynapseModel m = sr.model();
                sb.append(String.format(Locale.ROOT,
                        "| %s | %d of %d | %.3f | %.3f | %.3f / %.3f | %.3f | %.2f %% | %.2f %% | %.2f | %.3g A/m^2, %.0f ps | %.3g J |%n",
                        m.name(), m.distinguishableStates(), m.pulsesPerBranch() + 1, m.potentiationNl().nl(),
                        m.depressionNl().nl(), m.potentiationNl().maxDeviation(), m.depressionNl().maxDeviation(),
                        m.asymmetry(), 100 * m.cycleToCycleSigma(), 100 * m.deviceToDeviceSigma(), m.onOffRatio(),
                        m.pulseAmplitude(), m.pulseWidthS() * 1e12, m.energyPerPulseJ()));
            }
        }
        return sb.toString();
    }

    private static NeuronModel withParameters(NeuronModel m, Map<String, Double> p) {
        var prov = new dev.spinnet.network.device.Provenance(m.provenance().material(), p, m.provenance().solver()
                + "; full 1D two-sublattice LLG (DP45) spot check on the free branch; Joule-heating spot check"
                + " (collective model with lumped heating, c_v 3e6 J/(m^3 K), cooling time 1 ns)", m.provenance().temperatureK(),
                m.provenance().seed(), m.provenance().codeVersion());
        return new NeuronModel(m.name(), m.description(), prov, m.inputUnitCurrentDensity(), m.pulseWidthS(),
                m.outputUnitM(), m.energyPerUnitPulseJ(), m.x0(), m.x1(), m.y(), m.dydx(), m.monotonic(), m.celu(), m.fits(),
                m.bestByAic(), m.bestByBic(), m.noise());
    }
}
