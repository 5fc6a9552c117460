package dev.spinnet.validation.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code spinnet} launcher: one picocli subcommand per job. */
@Command(name = "spinnet", mixinStandardHelpOptions = true, version = "spinnet 0.1.0",
        description = "Multiscale simulator: ferrimagnetic domain-wall physics to all-spin neural networks.",
        subcommands = {TrainCommand.class, DataCommand.class, BenchCommand.class, SweepCommand.class,
                LlgBenchCommand.class, FitCommand.class, ValidateCommand.class, ResultsCommand.class,
                CommandLine.HelpCommand.class})
public final class SpinnetCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code; bad input gives one line on stderr. */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new SpinnetCli());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("spinnet: error: " + oneLine(ex));
            return 2;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("spinnet: error: " + oneLine(ex) + " (see '"
                    + cmd.getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // Not bad input but a too-small heap: say so in one line and how to give more.
            System.err.println("spinnet: error: out of memory (" + oneLine(e) + "); give the JVM more heap with "
                    + "SPINNET_HEAP=-Xmx<size>, or use fewer --threads or a smaller preset");
            return 3;
        }
    }

    static String oneLine(Throwable ex) {
        String m = ex.getMessage();
        if (m == null || m.isBlank()) {
            m = ex.getClass().getSimpleName();
        }
        return m.replace('\n', ' ');
    }
}
