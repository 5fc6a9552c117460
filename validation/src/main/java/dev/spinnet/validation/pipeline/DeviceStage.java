package dev.spinnet.validation.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.spinnet.devicefit.DeviceFit;
import dev.spinnet.devicefit.neuron.NeuronResult;
import dev.spinnet.devicefit.synapse.SynapseResult;
import dev.spinnet.network.device.FitSummary;
import dev.spinnet.network.device.NeuronModel;
import dev.spinnet.network.device.SynapseModel;
import dev.spinnet.validation.report.Cell;
import dev.spinnet.validation.report.Figure;
import dev.spinnet.validation.report.Section;
import dev.spinnet.validation.report.Table;

/**
 * Device fits: device-fit's pipeline ({@link DeviceFit#run}) regenerates the four device files and plots into the
 * run's folder, and each file is compared byte for byte with the committed one; a device file that differs is
 * compared number by number too ({@link JsonNumericDiff}), so that last-digit rounding on another machine is told
 * apart from a real change.
 */
public final class DeviceStage {

    /**
     * @param identical per file name (e.g. "ferri-neuron.json"): byte-identical to the committed file
     * @param numeric   per device file (.json) that exists in both folders but is not byte-identical: its
     *                  number-by-number comparison
     */
    public record Result(Map<String, NeuronModel> neurons, Map<String, SynapseModel> synapses,
                         Map<String, Boolean> identical, Map<String, JsonNumericDiff.Result> numeric,
                         Map<String, Long> sizes, Map<String, byte[]> plots, Path dir, Path committed,
                         double seconds) {
        public boolean allIdentical() {
            return identical.values().stream().allMatch(Boolean::booleanValue);
        }

        /**
         * Every device file byte-identical or equal to rounding ({@link JsonNumericDiff#ROUNDING}); the plots are
         * drawn from the files' numbers, so they are not required to match byte for byte then.
         */
        public boolean allEqualToRounding() {
            return identical.entrySet().stream().filter(e -> e.getKey().endsWith(".json"))
                    .allMatch(e -> e.getValue() || (numeric.containsKey(e.getKey())
                            && numeric.get(e.getKey()).equalToRounding()));
        }

        /** One phrase for logs and summaries: how the regenerated files compare with the committed ones. */
        public String comparison() {
            if (allIdentical()) {
                return "byte-identical to";
            }
            if (allEqualToRounding()) {
                var worst = numeric.entrySet().stream().max(Map.Entry.comparingByValue(
                        java.util.Comparator.comparingDouble(JsonNumericDiff.Result::maxRelative)));
                if (worst.isEmpty()) {
                    // every .json byte-identical: only a plot differs (e.g. another machine's font rendering)
                    return "equal (device files byte-identical, a plot differs) to";
                }
                return String.format(Locale.ROOT, "equal to rounding (largest relative difference %.1e, %s %s) to",
                        worst.get().getValue().maxRelative(), worst.get().getKey(), worst.get().getValue().worstPath());
            }
            return "DIFFER from";
        }
    }

    private DeviceStage() {
    }

    public static Result run(Path dir, Path committed, long seed, boolean spotChecks, int threads, PrintStream log)
            throws IOException {
        Files.createDirectories(dir);
        DeviceFit.Report r = DeviceFit.run(DeviceFit.ALL, seed, dir, spotChecks, threads, log);
        Map<String, NeuronModel> neurons = new LinkedHashMap<>();
        Map<String, SynapseModel> synapses = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : r.results().entrySet()) {
            if (e.getValue() instanceof NeuronResult nr) {
                neurons.put(e.getKey(), nr.model());
            } else if (e.getValue() instanceof SynapseResult sr) {
                synapses.put(e.getKey(), sr.model());
            }
        }
        Map<String, Boolean> identical = new LinkedHashMap<>();
        Map<String, JsonNumericDiff.Result> numeric = new LinkedHashMap<>();
        Map<String, Long> sizes = new LinkedHashMap<>();
        Map<String, byte[]> plots = new LinkedHashMap<>();
        for (String name : DeviceFit.ALL) {
            for (String ext : new String[] {".json", ".png"}) {
                Path fresh = dir.resolve(name + ext);
                Path old = committed.resolve(name + ext);
                sizes.put(name + ext, Files.size(fresh));
                boolean same = Files.exists(old) && Arrays.equals(Files.readAllBytes(fresh), Files.readAllBytes(old));
                identical.put(name + ext, same);
                if (!same && ext.equals(".json") && Files.exists(old)) {
                    try {
                        numeric.put(name + ext, JsonNumericDiff.compare(fresh, old));
                    } catch (IOException e) {
                        // a committed file that is not JSON simply differs
                        numeric.put(name + ext, new JsonNumericDiff.Result(Double.POSITIVE_INFINITY, "(not JSON)"));
                    }
                }
            }
            plots.put(name, Files.readAllBytes(dir.resolve(name + ".png")));
        }
        return new Result(neurons, synapses, identical, numeric, sizes, plots, dir, committed, r.seconds());
    }

    public static Section section(Result r, String trainedWith) {
        Section s = new Section("devices", "Devices: simulated curves, fits and metrics");
        s.text(String.format(Locale.ROOT, "device-fit's pipeline simulated and fitted all four devices in %.1f s and"
                + " wrote them to devices/ in this run's folder. %s Training used %s.", r.seconds(), r.allIdentical()
                ? "Every regenerated file is byte-identical to the committed one in " + r.committed() + "."
                : r.allEqualToRounding()
                ? "Every regenerated device file equals the committed one in " + r.committed() + " to rounding (relative"
                + " difference <= " + JsonNumericDiff.ROUNDING + " in every number; Java's Math functions may differ by an"
                + " ulp between machines and between interpreted and compiled code; see the table)."
                : "Not every regenerated file matches the committed one in " + r.committed() + " (see the table).",
                trainedWith));
        Table same = new Table("Regenerated device files against the committed ones", "file", "size (bytes)",
                "byte-identical to committed", "largest relative difference (where not byte-identical)");
        r.identical().forEach((f, ok) -> {
            JsonNumericDiff.Result d = r.numeric().get(f);
            String diff = ok ? "" : d == null ? "-" : d.maxRelative() == Double.POSITIVE_INFINITY
                    ? "not only numbers: " + d.worstPath()
                    : String.format(Locale.ROOT, "%.1e at %s", d.maxRelative(), d.worstPath());
            same.row(Cell.text(f), Cell.count(r.sizes().get(f)), Cell.text(ok ? "yes" : "NO"), Cell.text(diff));
        });
        s.table(same);
        Table nt = new Table("Neurons: transfer-curve fits (T = 0 table) and spreads (300 K)", "neuron",
                "best fit (AIC)", "CeLU R^2", "CeLU RMS (out. units)", "CeLU max error", "CeLU AIC", "CeLU scale",
                "CeLU alpha", "c2c sigma (out. units)", "d2d scale (%)", "d2d alpha (%)", "j_unit (A/m^2)",
                "energy per unit pulse (J)");
        r.neurons().forEach((name, m) -> {
            FitSummary celu = m.fits().stream().filter(f -> f.model().equals("celu")).findFirst().orElseThrow();
            nt.row(Cell.text(name), Cell.text(m.bestByAic()), Cell.number(celu.r2(), "%.6f"),
                    Cell.number(celu.rms(), "%.4f"), Cell.number(celu.maxError(), "%.4f"), Cell.number(celu.aic(), "%.1f"),
                    Cell.number(m.celu().scale(), "%.3f"), Cell.number(m.celu().alpha(), "%.3f"),
                    Cell.number(m.noise().cycleToCycleSigma(), "%.3f"),
                    Cell.number(100 * m.noise().deviceToDeviceScale(), "%.1f"),
                    Cell.number(100 * m.noise().deviceToDeviceAlpha(), "%.1f"),
                    Cell.number(m.inputUnitCurrentDensity(), "%.3g"), Cell.number(m.energyPerUnitPulseJ(), "%.3g"));
        });
        s.table(nt);
        Table st = new Table("Synapses: conductance against pulse number, linearity, symmetry, states, spreads, energy",
                "synapse", "states (300 K)", "pulses per branch", "NL up", "NL down", "max dev. up", "max dev. down",
                "asymmetry", "c2c sigma (%)", "d2d sigma (%)", "on/off", "pulse (A/m^2)", "pulse width (ps)",
                "energy per pulse (J)");
        r.synapses().forEach((name, m) -> st.row(Cell.text(name), Cell.count(m.distinguishableStates()),
                Cell.count(m.pulsesPerBranch()), Cell.number(m.potentiationNl().nl(), "%.3f"),
                Cell.number(m.depressionNl().nl(), "%.3f"), Cell.number(m.potentiationNl().maxDeviation(), "%.3f"),
                Cell.number(m.depressionNl().maxDeviation(), "%.3f"), Cell.number(m.asymmetry(), "%.3f"),
                Cell.number(100 * m.cycleToCycleSigma(), "%.2f"), Cell.number(100 * m.deviceToDeviceSigma(), "%.2f"),
                Cell.number(m.onOffRatio(), "%.2f"), Cell.number(m.pulseAmplitude(), "%.3g"),
                Cell.number(m.pulseWidthS() * 1e12, "%.0f"), Cell.number(m.energyPerPulseJ(), "%.3g")));
        s.table(st);
        r.plots().forEach((name, png) -> s.figure(new Figure("device-" + name + ".png", name.endsWith("neuron")
                ? name + ": transfer curve (collective model, T = 0) with every candidate fit (CeLU among them) and"
                + " the 300 K mean +- sigma"
                : name + ": conductance against pulse number, potentiation then depression, T = 0 and 300 K", png)));
        return s;
    }

    public static Map<String, Object> json(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fit_seconds", r.seconds());
        m.put("committed_dir", r.committed().toString());
        m.put("byte_identical_to_committed", r.identical());
        Map<String, Object> rel = new LinkedHashMap<>();
        r.numeric().forEach((f, d) -> rel.put(f, Double.isInfinite(d.maxRelative()) ? "not only numbers: "
                + d.worstPath() : d.maxRelative()));
        m.put("max_relative_difference_to_committed", rel);
        m.put("equal_to_rounding", r.allEqualToRounding());
        List<Map<String, Object>> neurons = new ArrayList<>();
        r.neurons().forEach((name, n) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", name);
            e.put("best_by_aic", n.bestByAic());
            e.put("celu", n.celu());
            e.put("fits", n.fits());
            e.put("noise", n.noise());
            e.put("input_unit_current_density_A_per_m2", n.inputUnitCurrentDensity());
            e.put("energy_per_unit_pulse_J", n.energyPerUnitPulseJ());
            neurons.add(e);
        });
        m.put("neurons", neurons);
        List<Map<String, Object>> synapses = new ArrayList<>();
        r.synapses().forEach((name, sm) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", name);
            e.put("distinguishable_states", sm.distinguishableStates());
            e.put("pulses_per_branch", sm.pulsesPerBranch());
            e.put("potentiation_nl", sm.potentiationNl());
            e.put("depression_nl", sm.depressionNl());
            e.put("asymmetry", sm.asymmetry());
            e.put("cycle_to_cycle_sigma", sm.cycleToCycleSigma());
            e.put("device_to_device_sigma", sm.deviceToDeviceSigma());
            e.put("on_off_ratio", sm.onOffRatio());
            e.put("energy_per_pulse_J", sm.energyPerPulseJ());
            e.put("potentiation_S", sm.potentiation());
            e.put("depression_S", sm.depression());
            synapses.add(e);
        });
        m.put("synapses", synapses);
        return m;
    }
}
