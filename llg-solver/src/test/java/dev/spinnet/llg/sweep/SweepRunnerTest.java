package dev.spinnet.llg.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {

    /** 8 short collective-model runs on GdCo: 2 currents x 4 temperatures, 0.2 ns pulses. */
    static SweepSpec small() {
        SweepSettings s = SweepSettings.defaults().withPulse(2e-11, 2e-11, 1e-11, 1e-10);
        return SweepSpec.of("gdco", "cc", List.of(Axis.parse("j", "2e11,8e11"),
                Axis.parse("temperature", "290:350:4"), Axis.parse("pulse_width", "2e-10")), s);
    }

    static SweepRunner.Options opts(int threads, boolean traces, boolean resume, int limit) {
        return new SweepRunner.Options(threads, traces, resume, limit, null);
    }

    static byte[] csv(Path dir) throws IOException {
        return Files.readAllBytes(dir.resolve(SweepRunner.CSV));
    }

    @Test
    void csvIsIdenticalForOneAndTwoThreadsAndRowsMakeSense(@TempDir Path tmp) throws IOException {
        SweepSpec spec = small();
        SweepRunner.Outcome one = SweepRunner.run(spec, tmp.resolve("one"), opts(1, true, false, 0));
        SweepRunner.Outcome two = SweepRunner.run(spec, tmp.resolve("two"), opts(2, true, false, 0));
        assertTrue(one.complete() && two.complete());
        assertEquals(8, one.computed());
        assertEquals(0, one.failed());
        assertArrayEquals(csv(tmp.resolve("one")), csv(tmp.resolve("two")));
        for (int r = 0; r < 8; r++) {
            String name = String.format("run-%06d.csv", r);
            assertArrayEquals(Files.readAllBytes(tmp.resolve("one/traces").resolve(name)),
                    Files.readAllBytes(tmp.resolve("two/traces").resolve(name)), name);
        }
        List<String> lines = Files.readAllLines(tmp.resolve("one").resolve(SweepRunner.CSV));
        assertEquals("run,j_A_per_m2,temperature_K,pulse_width_s,q_final_m,displacement_m,mean_velocity_m_per_s,"
                + "peak_velocity_m_per_s,phi_final_rad,in_track,t_end_s,status", lines.get(0));
        assertEquals(9, lines.size());
        for (int r = 0; r < 8; r++) {
            String[] f = lines.get(r + 1).split(",");
            assertEquals(Integer.toString(r), f[0]);
            assertEquals("ok", f[11]);
            assertEquals("1", f[9]);
            double disp = Double.parseDouble(f[5]);
            double vMean = Double.parseDouble(f[6]);
            assertTrue(disp > 0 && vMean > 0, lines.get(r + 1)); // theta_SH j > 0 and D > 0 push the wall to +x
            assertEquals(0.5e-6 + disp, Double.parseDouble(f[4]), 1e-15);
        }
        // at the larger current the wall moves further than at the smaller one, at every temperature
        for (int k = 0; k < 4; k++) {
            assertTrue(Double.parseDouble(lines.get(5 + k).split(",")[5])
                    > Double.parseDouble(lines.get(1 + k).split(",")[5]));
        }
        String trace = Files.readString(tmp.resolve("one/traces/run-000000.csv"));
        assertTrue(trace.startsWith("time_s,position_m,velocity_m_per_s,angle_rad,current_A_per_m2\n"));
        assertTrue(Files.readString(tmp.resolve("one").resolve(SweepRunner.SPEC)).contains("hash=" + spec.hash()));
        assertEquals(9, Files.readAllLines(tmp.resolve("one").resolve(SweepRunner.TIMING)).size());
    }

    @Test
    void resumeAfterInterruptionGivesTheSameCsvWithoutDuplicates(@TempDir Path tmp) throws IOException {
        SweepSpec spec = small();
        Path full = tmp.resolve("full");
        SweepRunner.run(spec, full, opts(2, false, false, 0));
        Path part = tmp.resolve("part");
        SweepRunner.Outcome first = SweepRunner.run(spec, part, opts(2, false, false, 3));
        assertFalse(first.complete());
        assertEquals(3, first.computed());
        assertEquals(4, Files.readAllLines(part.resolve(SweepRunner.CSV)).size());
        // a kill -9 in the middle of a row: a torn last line
        String row3 = new String(csv(full), StandardCharsets.UTF_8).split("\n")[4];
        Files.writeString(part.resolve(SweepRunner.CSV), row3.substring(0, row3.length() / 2),
                StandardOpenOption.APPEND);
        // without --resume the directory is refused
        assertThrows(IllegalArgumentException.class, () -> SweepRunner.run(spec, part, opts(2, false, false, 0)));
        SweepRunner.Outcome second = SweepRunner.run(spec, part, opts(1, false, true, 2));
        assertEquals(3, second.kept());
        assertEquals(2, second.computed());
        SweepRunner.Outcome third = SweepRunner.run(spec, part, opts(2, false, true, 0));
        assertEquals(5, third.kept());
        assertEquals(3, third.computed());
        assertTrue(third.complete());
        assertArrayEquals(csv(full), csv(part));
        Set<String> runs = new HashSet<>();
        for (String line : Files.readAllLines(part.resolve(SweepRunner.CSV)).subList(1, 9)) {
            assertTrue(runs.add(line.split(",")[0]), "duplicate row " + line);
        }
        // resuming a finished sweep computes nothing and changes nothing
        SweepRunner.Outcome again = SweepRunner.run(spec, part, opts(2, false, true, 0));
        assertEquals(0, again.computed());
        assertArrayEquals(csv(full), csv(part));
        assertEquals(9, Files.readAllLines(part.resolve(SweepRunner.TIMING)).size());
    }

    @Test
    void resumeRefusesAnotherSpec(@TempDir Path tmp) throws IOException {
        SweepSpec spec = small();
        SweepRunner.run(spec, tmp, opts(2, false, false, 2));
        SweepSpec other = SweepSpec.of("gdco", "cc", spec.axes(), spec.settings().withSeed(7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepRunner.run(other, tmp, opts(2, false, true, 0)));
        assertTrue(e.getMessage().contains("different sweep"), e.getMessage());
    }

    @Test
    void wallLeavingTheTrackStopsTheRun() {
        SweepSettings s = SweepSettings.defaults().withTrack(0.3e-6, 0.1e-6, 1e-7).withPulse(0, 0, 0, 1e-10);
        SweepSpec spec = SweepSpec.of("gdco", "cc", List.of(Axis.parse("j", "1e12"),
                Axis.parse("temperature", "315"), Axis.parse("pulse_width", "5e-9")), s);
        RunResult r = RunSimulator.simulate(spec, 0, false);
        assertEquals("ok", r.status());
        assertFalse(r.inTrack());
        // ~95 m/s at T_A: the end, 0.2 um ahead, is reached after ~2.1 ns of the 5 ns pulse
        assertTrue(r.endTime() > 1.5e-9 && r.endTime() < 3e-9, "stopped early at " + r.endTime());
        assertEquals(0.3e-6, r.finalPosition(), 1e-12);
    }

    @Test
    void llgRunsAreDeterministicWithAndWithoutThermalField(@TempDir Path tmp) throws IOException {
        SweepSettings s = SweepSettings.defaults().withTrack(96e-9, 40e-9, 50e-9).withPulse(0, 0, 0, 5e-12)
                .withNumerics(5e-12, 2e-9, 1e-14);
        List<Axis> axes = List.of(Axis.parse("j", "5e11,1e12"), Axis.parse("temperature", "320"),
                Axis.parse("pulse_width", "2e-11"));
        SweepSpec det = SweepSpec.of("gdco", "llg", axes, s);
        SweepRunner.run(det, tmp.resolve("d1"), opts(1, true, false, 0));
        SweepRunner.run(det, tmp.resolve("d2"), opts(2, true, false, 0));
        assertArrayEquals(csv(tmp.resolve("d1")), csv(tmp.resolve("d2")));
        List<String> lines = Files.readAllLines(tmp.resolve("d1").resolve(SweepRunner.CSV));
        for (String line : lines.subList(1, 3)) {
            String[] f = line.split(",");
            assertEquals("ok", f[11], line);
            assertTrue(Double.parseDouble(f[5]) > 0, line);
        }
        SweepSpec hot = SweepSpec.of("gdco", "llg", axes, s.withThermal(true).withSeed(3));
        SweepRunner.run(hot, tmp.resolve("t1"), opts(1, false, false, 0));
        SweepRunner.run(hot, tmp.resolve("t2"), opts(2, false, false, 0));
        assertArrayEquals(csv(tmp.resolve("t1")), csv(tmp.resolve("t2")));
        assertFalse(new String(csv(tmp.resolve("t1"))).contains("failed"));
    }
}
