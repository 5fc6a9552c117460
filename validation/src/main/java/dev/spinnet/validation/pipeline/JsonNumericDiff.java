package dev.spinnet.validation.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Compares two JSON documents of the same shape number by number. Regenerated device files can differ
 * from the committed ones in the last digits of a few diagnostics on another machine: the Java spec lets
 * Math.exp, Math.sin and the like differ by an ulp between platforms and between interpreted and
 * JIT-compiled code. (Seen: the ferro neuron's LLG spot check regenerated on an Intel Ice Lake against
 * the Zen 5 file, 7e-15 relative.) This tells such rounding apart from a real change.
 */
public final class JsonNumericDiff {
    /** Relative difference at or below which two numbers count as equal to rounding. */
    public static final double ROUNDING = 1e-9;

    /**
     * @param maxRelative largest |a - b| / max(|a|, |b|) over all numbers; +Infinity where the
     *                    documents differ in anything but numbers (structure, strings, a number's presence)
     * @param worstPath   JSON path of that number, or of the first non-numeric difference
     */
    public record Result(double maxRelative, String worstPath) {
        public boolean equalToRounding() {
            return maxRelative <= ROUNDING;
        }
    }

    private JsonNumericDiff() {
    }

    public static Result compare(Path a, Path b) throws IOException {
        ObjectMapper m = new ObjectMapper();
        return compare(m.readTree(a.toFile()), m.readTree(b.toFile()));
    }

    public static Result compare(JsonNode a, JsonNode b) {
        Result[] worst = {new Result(0, "")};
        walk(a, b, "$", worst);
        return worst[0];
    }

    private static void walk(JsonNode a, JsonNode b, String path, Result[] worst) {
        if (worst[0].maxRelative() == Double.POSITIVE_INFINITY) {
            return;
        }
        if (a.isNumber() && b.isNumber()) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            double scale = Math.max(Math.abs(x), Math.abs(y));
            double rel = x == y ? 0 : Math.abs(x - y) / scale;
            if (rel > worst[0].maxRelative()) {
                worst[0] = new Result(rel, path);
            }
            return;
        }
        if (a.getNodeType() != b.getNodeType() || a.size() != b.size()) {
            worst[0] = new Result(Double.POSITIVE_INFINITY, path);
            return;
        }
        if (a.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = a.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = b.get(e.getKey());
                if (other == null) {
                    worst[0] = new Result(Double.POSITIVE_INFINITY, path + "." + e.getKey());
                    return;
                }
                walk(e.getValue(), other, path + "." + e.getKey(), worst);
            }
        } else if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                walk(a.get(i), b.get(i), path + "[" + i + "]", worst);
            }
        } else if (!a.equals(b)) {
            worst[0] = new Result(Double.POSITIVE_INFINITY, path);
        }
    }
}
