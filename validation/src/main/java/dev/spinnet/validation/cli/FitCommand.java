package dev.spinnet.validation.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.spinnet.devicefit.DeviceFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spinnet fit}: regenerates the device-model files from the physics. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Simulate the ferrimagnetic and ferromagnetic domain-wall neuron and synapse (collective model,"
                + " 300 K statistics, full-LLG and Joule-heating spot checks), fit them and write <device>.json and <device>.png.",
                "The committed data/devices files are what this command writes with the default seed."})
public final class FitCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: data/devices)")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "seed of every random choice (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--devices", defaultValue = "all",
            description = "all or a comma list of ferri-neuron, ferro-neuron, ferri-synapse, ferro-synapse (default: ${DEFAULT-VALUE})")
    String devices;

    @Option(names = "--threads", defaultValue = "2", description = "simulation threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--no-spot-checks", description = "skip the neurons' full-LLG and Joule-heating spot checks")
    boolean noSpotChecks;

    @Option(names = "--record", description = "merge fit_all_devices_seconds into benchmarks/results.json (needs --devices all)")
    boolean record;

    @Option(names = "--set", paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "design variant: replace a numeric design parameter (SI units, as in the record's javadoc,"
                    + " e.g. barrierDepth=20e-9); repeatable; needs --variant")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--variant", paramLabel = "TAG",
            description = "name of the design variant given by --set: files are written as <device>-<TAG>.json")
    String variant;

    @Override
    public Integer call() throws Exception {
        List<String> list = DeviceFit.parseDevices(devices);
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        if (record && !list.equals(DeviceFit.ALL)) {
            throw new IllegalArgumentException("--record times the whole pipeline: use it with --devices all");
        }
        if (variant != null && overrides.isEmpty()) {
            throw new IllegalArgumentException("--variant " + variant + " without --set: the design would be the nominal one");
        }
        if (variant != null && record) {
            throw new IllegalArgumentException("--record times the nominal pipeline: not with --variant");
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new IllegalArgumentException("--set " + e.getKey() + ": expected NAME=VALUE");
            }
        }
        Path outDir = out != null ? out : CliSupport.projectRoot().resolve("data").resolve("devices");
        CliSupport.requireWritableDir(outDir);
        // Every variant is built (and its values checked) before the output folder is touched.
        DeviceFit.checkVariants(list, overrides, variant);
        CliSupport.createOutputDir(outDir);
        DeviceFit.Report r = DeviceFit.run(list, overrides, variant, seed, outDir, !noSpotChecks, threads, System.out);
        System.out.println();
        System.out.print(DeviceFit.markdown(r));
        System.out.printf(Locale.ROOT, "%nfit %d device(s) in %.1f s with %d threads%n", list.size(), r.seconds(),
                threads);
        if (record) {
            Map<String, Double> figs = new LinkedHashMap<>();
            figs.put("fit_all_devices_seconds", r.seconds());
            ResultsFile.merge(ResultsFile.defaultPath(), figs, "./spinnet fit --seed " + seed + " --record");
            System.out.println("recorded in " + ResultsFile.defaultPath());
        }
        return 0;
    }
}
