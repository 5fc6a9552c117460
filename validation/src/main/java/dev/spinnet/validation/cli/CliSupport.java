package dev.spinnet.validation.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Small helpers shared by the subcommands. */
final class CliSupport {
    private CliSupport() {
    }

    static Path projectRoot() {
        String home = System.getProperty("spinnet.home");
        return home != null ? Paths.get(home) : Paths.get("").toAbsolutePath();
    }

    /** "AMD EPYC, 2 cores, JDK 25.0.1" - the machine line recorded with every figure. */
    static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            cpu = System.getProperty("os.arch");
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
                + System.getProperty("java.version");
    }

    /** Checks that a directory can be created and written before a long run starts. */
    static void requireWritableDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create output directory " + dir + ": " + e.getMessage());
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("output directory " + dir + " is not writable");
        }
    }
}
