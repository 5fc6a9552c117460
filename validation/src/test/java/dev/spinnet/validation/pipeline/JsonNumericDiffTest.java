package dev.spinnet.validation.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonNumericDiffTest {
    private static final ObjectMapper M = new ObjectMapper();

    private static JsonNumericDiff.Result diff(String a, String b) throws Exception {
        JsonNode x = M.readTree(a);
        JsonNode y = M.readTree(b);
        return JsonNumericDiff.compare(x, y);
    }

    @Test
    void lastDigitRoundingIsEqualToRounding() throws Exception {
        // the ferro neuron's LLG spot check as regenerated on an Intel Ice Lake against the Zen 5 file
        JsonNumericDiff.Result r = diff("{\"p\":{\"llg\":0.7532563451950841,\"n\":[1,2]},\"name\":\"ferro\"}",
                "{\"p\":{\"llg\":0.7532563451950894,\"n\":[1,2]},\"name\":\"ferro\"}");
        assertTrue(r.equalToRounding());
        assertEquals("$.p.llg", r.worstPath());
        assertEquals(7.0e-15, r.maxRelative(), 1e-15);
    }

    @Test
    void identicalDocumentsHaveNoDifference() throws Exception {
        JsonNumericDiff.Result r = diff("{\"a\":[0.5,{\"b\":-3}],\"s\":\"x\"}", "{\"a\":[0.5,{\"b\":-3}],\"s\":\"x\"}");
        assertEquals(0, r.maxRelative());
    }

    @Test
    void realChangesAreNotRounding() throws Exception {
        JsonNumericDiff.Result r = diff("{\"t\":[1.0,2.0,3.0]}", "{\"t\":[1.0,2.0001,3.0]}");
        assertFalse(r.equalToRounding());
        assertEquals("$.t[1]", r.worstPath());
        assertEquals(1e-4 / 2.0001, r.maxRelative(), 1e-12);
    }

    @Test
    void structureAndStringChangesAreNotRounding() throws Exception {
        assertEquals(Double.POSITIVE_INFINITY, diff("{\"a\":1}", "{\"b\":1}").maxRelative());
        assertEquals(Double.POSITIVE_INFINITY, diff("{\"a\":[1,2]}", "{\"a\":[1,2,3]}").maxRelative());
        assertEquals(Double.POSITIVE_INFINITY, diff("{\"a\":\"x\"}", "{\"a\":\"y\"}").maxRelative());
        assertEquals(Double.POSITIVE_INFINITY, diff("{\"a\":1}", "{\"a\":\"1\"}").maxRelative());
        assertEquals("$.a", diff("{\"a\":\"x\"}", "{\"a\":\"y\"}").worstPath());
    }
}
