package dev.spinnet.validation.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

    /** Runs the CLI with stdout and stderr captured: {exit code, stdout, stderr}. */
    static Object[] cli(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = SpinnetCli.execute(args);
            return new Object[] {code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static String[] sweep(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("sweep", "--material", "gdco", "--model", "cc", "--j", "2e11,6e11",
                "--pulse-width", "1e-10", "--temperature", "300:330:3", "--relax", "5e-11", "--out", out.toString()));
        a.addAll(Arrays.asList(extra));
        return a.toArray(new String[0]);
    }

    @Test
    void writesTheCsvAndResumes(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a");
        Object[] r = cli(sweep(a, "--threads", "2", "--param", "damping=0.1,0.2"));
        assertEquals(0, r[0], r[2].toString());
        assertTrue(r[1].toString().contains("sweep: 12 runs"), r[1].toString());
        assertTrue(r[2].toString().contains("12/12"), r[2].toString());
        List<String> lines = Files.readAllLines(a.resolve("results.csv"));
        assertEquals(13, lines.size());
        assertEquals("run,j_A_per_m2,pulse_width_s,temperature_K,damping,q_final_m,displacement_m,"
                + "mean_velocity_m_per_s,peak_velocity_m_per_s,phi_final_rad,in_track,t_end_s,status", lines.get(0));
        assertTrue(lines.get(1).startsWith("0,2.0E11,1.0E-10,300.0,0.1,"), lines.get(1));

        Path b = tmp.resolve("b");
        Object[] p1 = cli(sweep(b, "--threads", "1", "--param", "damping=0.1,0.2", "--limit", "5", "--no-progress"));
        assertEquals(0, p1[0]);
        assertTrue(p1[1].toString().contains("--resume"), p1[1].toString());
        assertEquals("", p1[2]);
        Object[] refused = cli(sweep(b, "--param", "damping=0.1,0.2"));
        assertEquals(2, refused[0]);
        assertTrue(refused[2].toString().startsWith("spinnet: error: "), refused[2].toString());
        Object[] p2 = cli(sweep(b, "--threads", "2", "--param", "damping=0.1,0.2", "--resume", "--traces"));
        assertEquals(0, p2[0], p2[2].toString());
        assertTrue(p2[1].toString().contains("5 kept, 7 computed"), p2[1].toString());
        assertArrayEquals(Files.readAllBytes(a.resolve("results.csv")), Files.readAllBytes(b.resolve("results.csv")));
        assertTrue(Files.exists(b.resolve("traces/run-000011.csv")));
        Object[] other = cli(sweep(b, "--param", "damping=0.1,0.3", "--resume"));
        assertEquals(2, other[0]);
        assertTrue(other[2].toString().contains("different sweep"), other[2].toString());
    }

    @Test
    void badInputGivesOneLineAndNoOutput(@TempDir Path tmp) {
        String[][] bad = {
            {"--j", "NaN"},
            {"--j", ""},
            {"--j", "1e11:1e12"},
            {"--pulse-width", "-1e-9"},
            {"--temperature", "abc"},
            {"--param", "bogus=1"},
            {"--param", "damping=-0.1"},
            {"--param", "damping"},
            {"--threads", "0"},
            {"--relax", "NaN"},
            {"--rise", "-1e-9"},
            {"--model", "mumax"},
            {"--limit", "0"},
            {"--thermal"},
            {"--wall-start", "5e-6"},
            {"--temperature", "2000"},
            {"--bogus-flag"},
        };
        int k = 0;
        for (String[] b : bad) {
            Path out = tmp.resolve("o" + k++);
            List<String> args = new ArrayList<>(List.of("sweep", "--material", "gdco", "--out", out.toString(),
                    "--no-progress"));
            args.addAll(Arrays.asList(b));
            Object[] r = cli(args.toArray(new String[0]));
            String err = r[2].toString();
            assertEquals(2, r[0], String.join(" ", b) + ": " + err);
            assertTrue(err.startsWith("spinnet: error: "), err);
            assertEquals(1, err.strip().split("\n").length, err);
            assertFalse(Files.exists(out), "partial output for " + String.join(" ", b));
        }
        Path out = tmp.resolve("m");
        Object[] r = cli("sweep", "--material", "unobtainium", "--out", out.toString());
        assertEquals(2, r[0]);
        assertTrue(r[2].toString().contains("unknown material 'unobtainium'"), r[2].toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void benchLlgRuns() {
        Object[] r = cli("bench-llg", "--what", "rhs", "--seconds", "0.02", "--trials", "1", "--cells", "64");
        assertEquals(0, r[0], r[2].toString());
        assertTrue(r[1].toString().contains("llg_cell_evals_per_second"), r[1].toString());
        Object[] bad = cli("bench-llg", "--what", "gpu");
        assertEquals(2, bad[0]);
    }
}
