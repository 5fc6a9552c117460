package dev.spinnet.network.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer that dies mid-write (full disk, crash) never damages the file it replaces. */
class AtomicFilesTest {

    private static long temporaries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    @Test
    void failedWriteKeepsTheOldContentAndLeavesNoTemporary(@TempDir Path tmp) throws IOException {
        Path target = tmp.resolve("checkpoint.bin");
        AtomicFiles.writeString(target, "complete old checkpoint");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + target + ": No space left on device", e.getMessage(), "names the file");
        assertEquals("complete old checkpoint", Files.readString(target));
        assertEquals(0, temporaries(tmp));
    }

    @Test
    void staleTemporariesOfAKilledWriterAreRemoved(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve(".checkpoint.bin8123456.tmp"), "half a checkpoint");
        Files.writeString(tmp.resolve("checkpoint.bin"), "ok");
        Files.writeString(tmp.resolve("user-notes.tmp"), "not ours");
        assertEquals(1, AtomicFiles.deleteStale(tmp));
        assertTrue(Files.exists(tmp.resolve("checkpoint.bin")));
        assertTrue(Files.exists(tmp.resolve("user-notes.tmp")));
        assertEquals(0, AtomicFiles.deleteStale(tmp.resolve("absent")));
    }
}
