package dev.spinnet.validation.cli;

import static dev.spinnet.validation.cli.TrainCommandTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spinnet validate: bad input gives one line and exit 2, and writes nothing; a forgotten --resume is refused. */
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

    @Test
    void checkpointsOfAnInterruptedRunNeedResume(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        SyntheticData.writeMnist(data, 40, 20);
        Path out = tmp.resolve("report");
        Path left = Files.createDirectories(tmp.resolve(".report.checkpoints"));
        Files.writeString(left.resolve("run.properties"), "plan=quick\n");
        assertOneLineError(SweepCommandTest.cli("validate", "--data", data.toString(), "--devices",
                Path.of("..", "data", "devices").toString(), "--out", out.toString()), "add --resume to continue it");
        assertTrue(Files.exists(left.resolve("run.properties")), "the interrupted run's checkpoints are kept");
        assertFalse(Files.exists(out));
    }
}
