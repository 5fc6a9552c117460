package dev.spinnet.validation.pipeline;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How validate words the regenerated device files against the committed ones. */
class DeviceComparisonTest {
    private static DeviceStage.Result result(boolean json, boolean png, JsonNumericDiff.Result numeric) {
        Map<String, Boolean> identical = new LinkedHashMap<>();
        identical.put("ferro-neuron.json", json);
        identical.put("ferro-neuron.png", png);
        Map<String, JsonNumericDiff.Result> num = new LinkedHashMap<>();
        if (numeric != null) {
            num.put("ferro-neuron.json", numeric);
        }
        return new DeviceStage.Result(Map.of(), Map.of(), identical, num, Map.of(), Map.of(), Path.of("d"),
                Path.of("c"), 1.0);
    }

    @Test
    void byteIdentical() {
        DeviceStage.Result r = result(true, true, null);
        assertTrue(r.allIdentical());
        assertEquals("byte-identical to", r.comparison());
    }

    @Test
    void lastDigitRounding() {
        DeviceStage.Result r = result(false, true, new JsonNumericDiff.Result(3.8e-13, "$.provenance.x"));
        assertFalse(r.allIdentical());
        assertTrue(r.allEqualToRounding());
        assertEquals("equal to rounding (largest relative difference 3.8e-13, ferro-neuron.json $.provenance.x) to",
                r.comparison());
    }

    @Test
    void onlyAPlotDiffers() {
        DeviceStage.Result r = result(true, false, null);
        assertTrue(r.allEqualToRounding());
        assertEquals("equal (device files byte-identical, a plot differs) to", r.comparison());
    }

    @Test
    void realChangeOrStructure() {
        assertEquals("DIFFER from", result(false, false, new JsonNumericDiff.Result(1e-3, "$.a")).comparison());
        assertEquals("DIFFER from", result(false, true,
                new JsonNumericDiff.Result(Double.POSITIVE_INFINITY, "$.b")).comparison());
        // a regenerated file with no committed counterpart has no numeric comparison
        assertEquals("DIFFER from", result(false, true, null).comparison());
    }
}
