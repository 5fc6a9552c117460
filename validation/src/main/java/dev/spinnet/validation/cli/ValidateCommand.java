package dev.spinnet.validation.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.spinnet.network.data.Datasets;
import dev.spinnet.network.data.TrainTest;
import dev.spinnet.network.kernel.Parallel;
import dev.spinnet.validation.pipeline.DatasetPlan;
import dev.spinnet.validation.pipeline.Validation;
import dev.spinnet.validation.pipeline.ValidationPlan;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spinnet validate}: physics to accuracy in one run, with an HTML + JSON report. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Run the whole chain - analytic physics checks and a sweep, device fits and files, all-spin"
                + " training with its ablations, test accuracy - and write DIR/index.html (figures embedded),"
                + " DIR/report.json and DIR/figures/*.png. The folder appears only when the run succeeds.",
                "Training checkpoints every epoch into .DIR.checkpoints beside DIR; a run that stops keeps them, and"
                        + " the same command with --resume continues it.",
                "--quick (default): MNIST quick preset, 1 epoch per ablation row, committed device files (minutes).",
                "--full: MNIST and CIFAR-10 at full preset length with the regenerated device files (hours)."})
public final class ValidateCommand implements Callable<Integer> {
    static final class Mode {
        @Option(names = "--quick", description = "minutes: MNIST only, short runs (default)")
        boolean quick;

        @Option(names = "--full", description = "hours: MNIST and CIFAR-10 at full preset length")
        boolean full;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Mode mode;

    @Option(names = "--out", paramLabel = "DIR", description = "report folder (default: runs/validate-quick or runs/validate-full)")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", description = "dataset root (else $SPINNET_DATA, data/datasets, ../shared/datasets)")
    Path data;

    @Option(names = "--devices", paramLabel = "DIR", description = "committed device files (default: data/devices)")
    Path devices;

    @Option(names = "--seed", defaultValue = "1", description = "seed of every random choice (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--resume", description = "continue an interrupted run of the same command from its checkpoints:"
            + " finished training rows are kept, the interrupted one goes on from its last epoch")
    boolean resume;

    @Override
    public Integer call() throws Exception {
        boolean full = mode != null && mode.full;
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (nThreads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + nThreads);
        }
        Path dev = devices != null ? devices : CliSupport.projectRoot().resolve("data").resolve("devices");
        if (!Files.isDirectory(dev)) {
            throw new IllegalArgumentException("--devices: " + dev + " is not a folder of device files");
        }
        ValidationPlan plan = full ? ValidationPlan.full(dev, nThreads, seed) : ValidationPlan.quick(dev, nThreads, seed);
        Path outDir = out != null ? out : CliSupport.projectRoot().resolve("runs").resolve("validate-" + plan.mode());
        Parallel.setThreads(nThreads);
        String command = "./spinnet validate --" + plan.mode() + (out != null ? " --out " + out : "")
                + (seed != 1 ? " --seed " + seed : "") + (threads != null ? " --threads " + threads : "")
                + (resume ? " --resume" : "");
        System.out.printf(Locale.ROOT, "validate: %s run, %d threads, report -> %s%n", plan.mode(), nThreads, outDir);
        // Every dataset is found and read before the long stages start: a missing one fails at once.
        Map<String, TrainTest> loaded = new LinkedHashMap<>();
        for (DatasetPlan d : plan.datasets()) {
            loaded.put(d.dataset(), Datasets.load(d.dataset(), data));
        }
        Validation.Outcome o = Validation.run(plan, loaded::get, outDir, command, CliSupport.machine(), resume,
                System.out);
        System.out.println(o.report().summary());
        System.out.printf(Locale.ROOT, "validate: done in %.1f s; open %s%n", o.seconds(),
                o.folder().resolve("index.html"));
        return 0;
    }
}
