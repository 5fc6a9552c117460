package dev.spinnet.devicefit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Regenerates the two ferrimagnetic devices in full (300 K statistics included, default seed, no LLG check) and
 * compares every number of the files with the committed ones. Tables, fits and pulse calibration agree to
 * 1e-6 relative (last-digit differences of Math functions between JDKs, e.g. 17 here, 25 in the launcher);
 * the spread statistics to 1 %: they come from per-device fits to noisy curves, which stop at the optimiser's
 * tolerance, so those last digits move a little more, still far from anything physical.
 */
class FullRegenerationTest {
    @TempDir
    Path dir;

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ferrimagneticDevicesRegenerate() throws IOException {
        List<String> devices = List.of("ferri-neuron", "ferri-synapse");
        DeviceFit.run(devices, 1, dir, false, 2, null);
        for (String d : devices) {
            JsonNode fresh = JSON.readTree(dir.resolve(d + ".json").toFile());
            JsonNode committed = JSON.readTree(CommittedFilesTest.DIR.resolve(d + ".json").toFile());
            compare(d, "", committed, fresh);
            assertTrue(Files.size(dir.resolve(d + ".png")) > 10_000, d + ".png written");
        }
    }

    /** Same structure, same strings, numbers equal to 1e-6 relative; the committed file's LLG-check keys aside. */
    static void compare(String file, String at, JsonNode committed, JsonNode fresh) {
        if (committed.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = committed.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                if (key.startsWith("llg_check_") || key.startsWith("heating_check_") || (key.equals("solver") && at.equals(".provenance"))) {
                    continue; // the spot checks are skipped here (the LLG one is the slow part)
                }
                JsonNode f = fresh.get(key);
                assertTrue(f != null, file + ": missing " + at + "." + key);
                compare(file, at + "." + key, e.getValue(), f);
            }
        } else if (committed.isArray()) {
            assertEquals(committed.size(), fresh.size(), file + at + " length");
            for (int i = 0; i < committed.size(); i++) {
                compare(file, at + "[" + i + "]", committed.get(i), fresh.get(i));
            }
        } else if (committed.isNumber()) {
            double a = committed.asDouble();
            double b = fresh.asDouble();
            boolean statistic = at.contains("noise") || at.contains("to_device") || at.contains("to_cycle");
            double rel = statistic ? 1e-2 : 1e-6;
            assertEquals(a, b, a == 0 ? 1e-9 : rel * Math.abs(a), file + at);
        } else {
            assertEquals(committed.asText(), fresh.asText(), file + at);
        }
    }
}
