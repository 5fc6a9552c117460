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
        String family = "";
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                String value = line.substring(line.indexOf(':') + 1).trim();
                if (line.startsWith("model name") && cpu.equals("unknown CPU")) {
                    cpu = value;
                } else if (line.startsWith("cpu family") && family.isEmpty()) {
                    family = " family " + value;
                } else if (line.startsWith("model\t") && !family.contains("model")) {
                    family += " model " + value;
                }
            }
        } catch (IOException | RuntimeException e) {
            cpu = System.getProperty("os.arch");
        }
        // "AMD EPYC" names several generations (Zen 3 without AVX-512, Zen 5 with 512-bit FMA), and
        // the speed figures differ by 2-4x between them: say which one and what vector width ran.
        int vectorBits = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize();
        return cpu + family + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + vectorBits
                + "-bit vectors, JDK " + System.getProperty("java.version");
    }

    /**
     * Checks, before a long run starts, that {@code dir} exists as a writable directory or could be created
     * (its nearest existing ancestor is a writable directory). Nothing is created here: a run refused later
     * (bad data, bad device file) must leave no empty output directory behind.
     */
    static void requireWritableDir(Path dir) {
        Path p = dir.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalArgumentException("cannot create output directory " + dir + ": no existing parent");
        }
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException("cannot create output directory " + dir + ": " + p + " is a file");
        }
        if (!Files.isWritable(p)) {
            throw new IllegalArgumentException("output directory " + dir + " is not writable (" + p + ")");
        }
    }

    /** Creates the output directory once the run is about to write; a failure is a one-line error. */
    static void createOutputDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create output directory " + dir + ": " + e);
        }
    }
}
