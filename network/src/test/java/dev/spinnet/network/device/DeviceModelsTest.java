package dev.spinnet.network.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.spinnet.network.layer.LookupActivation;

class DeviceModelsTest {
    @TempDir
    Path dir;

    static Provenance prov() {
        return new Provenance("GdCo on Pt", Map.of("track_width_m", 2e-7), "collective model", 300, 1, "test");
    }

    static NeuronModel neuron() {
        int n = 9;
        double[] y = new double[n];
        double[] s = new double[n];
        CeluParams c = new CeluParams(1.0, 0.8, 0.0, 0.0);
        for (int i = 0; i < n; i++) {
            double x = -2 + 4.0 * i / (n - 1);
            y[i] = c.apply(x);
            s[i] = x > 0 ? 1 : Math.exp(x / 0.8);
        }
        FitSummary f = new FitSummary("celu", Map.of("alpha", 0.8), 1.0, 0.0, 0.0, -100, -90);
        return new NeuronModel("test-neuron", "a test", prov(), 1e11, 1e-9, 5e-8, 1e-15, -2, 2, y, s, true, c, List.of(f),
                "celu", "celu", new NeuronNoise(0.01, 0.002, 0.03, 0.02, 0.01, 4, 8,
                        new double[] {-2, 0, 2}, new double[] {0.005, 0.01, 0.02}));
    }

    static SynapseModel synapse() {
        double[] up = {1e-4, 1.1e-4, 1.2e-4, 1.3e-4};
        double[] down = {1.3e-4, 1.2e-4, 1.1e-4, 1e-4};
        BranchNonlinearity nl = new BranchNonlinearity(0.0, 0.0, 0.0);
        return new SynapseModel("test-synapse", "a test", prov(), 1e-4, 1.3e-4, 1e12, 3e-10, 1e-13, up, down, 4, nl,
                nl, 0.0, 0.01, 0.02, 1.3, 4, 8);
    }

    @Test
    void neuronRoundTrip() throws IOException {
        Path f = dir.resolve("n.json");
        NeuronModel m = neuron();
        DeviceModels.write(f, m);
        NeuronModel r = DeviceModels.readNeuron(f);
        assertArrayEquals(m.y(), r.y(), 0.0);
        assertArrayEquals(m.dydx(), r.dydx(), 0.0);
        assertEquals(m.celu(), r.celu());
        assertArrayEquals(m.noise().sigma(), r.noise().sigma(), 0.0);
        assertEquals(0.015, r.noise().sigmaAt(1.0), 1e-12);
        assertEquals(m.provenance(), r.provenance());
        assertEquals(m.fits(), r.fits());
        assertEquals(DeviceModels.toJson(m), DeviceModels.toJson(r));
    }

    @Test
    void synapseRoundTrip() throws IOException {
        Path f = dir.resolve("s.json");
        SynapseModel m = synapse();
        DeviceModels.write(f, m);
        SynapseModel r = DeviceModels.readSynapse(f);
        assertArrayEquals(m.potentiation(), r.potentiation(), 0.0);
        assertEquals(DeviceModels.toJson(m), DeviceModels.toJson(r));
        assertEquals(3, r.pulsesPerBranch());
    }

    @Test
    void activationFollowsTheTable() {
        NeuronModel m = neuron();
        LookupActivation a = m.toActivation();
        float[] x = new float[m.points()];
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) m.x(i);
        }
        a.apply(x, out, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(m.y()[i], out[i], 1e-5);
        }
    }

    /** Writes the neuron, applies a text edit, reads back and returns the error message. */
    private String brokenNeuron(String from, String to) throws IOException {
        Path f = dir.resolve("bad.json");
        String text = DeviceModels.toJson(neuron());
        assertTrue(text.contains(from), "test edit must apply: " + from);
        Files.writeString(f, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        Exception e = assertThrows(IllegalArgumentException.class, () -> DeviceModels.read(f));
        String msg = e.getMessage();
        assertTrue(msg.startsWith(f.toString() + ": "), "message names the file: " + msg);
        assertTrue(!msg.contains("\n"), "one line: " + msg);
        return msg;
    }

    /** CI's fuzzer found this: a JSON escape decodes to a line break inside a value the message quotes. */
    @Test
    void lineBreaksInQuotedValuesStayOnOneLine() throws IOException {
        String schema = brokenNeuron("\"schema\" : \"spinnet.device-model\"",
                "\"schema\" : \"spinnet.dev\\nice\\r\\u0000" + "x".repeat(200) + "\"");
        assertTrue(schema.contains("got \"spinnet.dev\\nice\\r\\u0000xxx"), schema);
        assertTrue(schema.endsWith("...\""), "a long value is cut: " + schema);
        assertTrue(schema.length() < 250, "a long value is cut: " + schema);
        String kind = brokenNeuron("\"kind\" : \"neuron\"", "\"kind\" : \"neu\\u2028ron\"");
        assertTrue(kind.contains("got \"neu\\u2028ron\""), kind);
    }

    @Test
    void wrongSchemaVersion() throws IOException {
        String msg = brokenNeuron("\"schema_version\" : 1", "\"schema_version\" : 2");
        assertTrue(msg.contains("schema_version 2 is not supported"), msg);
    }

    @Test
    void missingField() throws IOException {
        String msg = brokenNeuron("\"pulse_width_s\"", "\"pulse_width\"");
        assertTrue(msg.contains("missing number field 'neuron.pulse_width_s'"), msg);
    }

    @Test
    void nanInTable() throws IOException {
        Path f = dir.resolve("nan.json");
        String text = DeviceModels.toJson(neuron());
        int open = text.indexOf('[', text.indexOf("\"dydx\""));
        int comma = text.indexOf(',', open);
        Files.writeString(f, text.substring(0, open + 1) + " NaN" + text.substring(comma));
        Exception e = assertThrows(IllegalArgumentException.class, () -> DeviceModels.read(f));
        assertTrue(e.getMessage().contains("'neuron.dydx[0]' must be a finite number, got NaN"), e.getMessage());
    }

    @Test
    void nonMonotonicTable() throws IOException {
        Path f = dir.resolve("nonmono.json");
        com.fasterxml.jackson.databind.ObjectMapper om = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode root = om.readTree(DeviceModels.toJson(neuron()));
        com.fasterxml.jackson.databind.node.ArrayNode y =
                (com.fasterxml.jackson.databind.node.ArrayNode) root.get("neuron").get("y");
        y.set(5, y.get(3).asDouble() - 1);
        Files.writeString(f, om.writeValueAsString(root));
        Exception e = assertThrows(IllegalArgumentException.class, () -> DeviceModels.read(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("neuron.y must be non-decreasing"), e.getMessage());
    }

    @Test
    void aDeclaredNonMonotonicCurveIsAccepted() throws IOException {
        NeuronModel m = neuron();
        double[] y = m.y();
        y[5] = y[3] - 1;
        NeuronModel bumpy = new NeuronModel(m.name(), m.description(), m.provenance(), m.inputUnitCurrentDensity(),
                m.pulseWidthS(), m.outputUnitM(), m.energyPerUnitPulseJ(), m.x0(), m.x1(), y, m.dydx(), false,
                m.celu(), m.fits(), m.bestByAic(), m.bestByBic(), m.noise());
        Path f = dir.resolve("bumpy.json");
        DeviceModels.write(f, bumpy);
        assertEquals(false, DeviceModels.readNeuron(f).monotonic());
        assertEquals(false, NeuronModel.isMonotonic(y));
        assertEquals(true, NeuronModel.isMonotonic(m.y()));
    }

    @Test
    void nonMonotonicDepressionIsRejectedOnConstruction() {
        double[] up = {1e-4, 1.1e-4, 1.2e-4};
        double[] down = {1.2e-4, 1.25e-4, 1e-4};
        BranchNonlinearity nl = new BranchNonlinearity(0, 0, 0);
        Exception e = assertThrows(DeviceFormatException.class, () -> new SynapseModel("s", "d", prov(), 1e-4,
                1.2e-4, 1, 1e-9, 0, up, down, 3, nl, nl, 0, 0, 0, 1.2, 1, 1));
        assertTrue(e.getMessage().contains("synapse.depression_S must be non-increasing"), e.getMessage());
    }

    @Test
    void wrongKindAndMissingFile() throws IOException {
        Path f = dir.resolve("s.json");
        DeviceModels.write(f, synapse());
        Exception e = assertThrows(IllegalArgumentException.class, () -> DeviceModels.readNeuron(f));
        assertTrue(e.getMessage().contains("kind is synapse, expected neuron"), e.getMessage());
        IOException io = assertThrows(IOException.class, () -> DeviceModels.read(dir.resolve("none.json")));
        assertTrue(io.getMessage().contains("no such device-model file"), io.getMessage());
    }
}
