package dev.spinnet.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spinnet validate: bad input gives one line and exit 2, and writes nothing. */
class ValidateCommandTest {

    private static void assertOneLineError(Object[] r, String fragment) {
        assertEquals(2, r[0]);
        String err = r[2].toString().trim();
        assertTrue(err.startsWith("spinnet: error: "), err);
        assertFalse(err.contains("\n"), "error must be one line: " + err);
        assertTrue(err.contains(fragment), err);
    }

    @Test
    void badFlagsAreOneLineErrorsAndWriteNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("report");
        String o = out.toString();
        assertOneLineError(SweepCommandTest.cli("validate", "--quick", "--full", "--out", o), "mutually exclusive");
        assertOneLineError(SweepCommandTest.cli("validate", "--threads", "0", "--out", o), "--threads");
        assertOneLineError(SweepCommandTest.cli("validate", "--seed", "x", "--out", o), "--seed");
        assertOneLineError(SweepCommandTest.cli("validate", "--fast"), "--fast");
        assertOneLineError(SweepCommandTest.cli("validate", "--devices", tmp.resolve("none").toString(), "--out", o),
                "--devices");
        assertOneLineError(SweepCommandTest.cli("validate", "--data", tmp.resolve("none").toString(), "--devices",
                Path.of("..", "data", "devices").toString(), "--out", o), "mnist: not found");
        assertFalse(Files.exists(out), "a refused run must not create its report folder");
    }
}
