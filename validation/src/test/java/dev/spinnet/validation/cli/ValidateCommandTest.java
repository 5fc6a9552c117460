package dev.spinnet.validation.cli;

import static dev.spinnet.validation.cli.TrainCommandTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spinnet validate: bad input gives one line and exit 2, and writes nothing. */
class ValidateCommandTest {

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
