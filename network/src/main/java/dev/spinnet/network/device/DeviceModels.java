package dev.spinnet.network.device;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import dev.spinnet.network.train.AtomicFiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reader and writer of device-model files ({@code data/devices/*.json}), schema
 * {@value #SCHEMA} version {@value #SCHEMA_VERSION}; the schema is documented in device-fit/README.md.
 *
 * <p>The network module depends on this file format only, never on the solver that produced it. Reading
 * validates everything the records validate (finite numbers, monotonic tables, positive scales) and every
 * failure is one line naming the file and the field. Writing is atomic (temporary file, then rename), so a
 * reader never sees half a file.
 */
public final class DeviceModels {
    /** Value of the "schema" field. */
    public static final String SCHEMA = "spinnet.device-model";
    /** Version of the layout below; bump it on any incompatible change. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so NaN is reported as a bad field, not bad JSON
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private DeviceModels() {
    }

    /** Reads and validates a neuron or synapse file. */
    public static DeviceModel read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IOException(file + ": no such device-model file");
        } catch (JsonProcessingException e) {
            throw new DeviceFormatException(file + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw new DeviceFormatException(file + ": empty file, expected a " + SCHEMA + " JSON object");
        }
        try {
            return parse(root);
        } catch (DeviceFormatException e) {
            throw new DeviceFormatException(file + ": " + e.getMessage());
        }
    }

    /** Reads a file that must hold a neuron. */
    public static NeuronModel readNeuron(Path file) throws IOException {
        DeviceModel m = read(file);
        if (m instanceof NeuronModel n) {
            return n;
        }
        throw new DeviceFormatException(file + ": kind is synapse, expected neuron");
    }

    /** Reads a file that must hold a synapse. */
    public static SynapseModel readSynapse(Path file) throws IOException {
        DeviceModel m = read(file);
        if (m instanceof SynapseModel s) {
            return s;
        }
        throw new DeviceFormatException(file + ": kind is neuron, expected synapse");
    }

    /** Writes atomically (temp file + rename), creating the directory when needed. */
    public static void write(Path file, DeviceModel model) throws IOException {
        AtomicFiles.writeString(file, toJson(model));
    }

    /** The file text of a model (pretty-printed JSON with a final newline). */
    public static String toJson(DeviceModel model) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("schema_version", SCHEMA_VERSION);
        root.put("kind", model instanceof NeuronModel ? "neuron" : "synapse");
        root.put("name", model.name());
        writeProvenance(root.putObject("provenance"), model.provenance());
        if (model instanceof NeuronModel n) {
            root.put("description", n.description());
            ObjectNode o = root.putObject("neuron");
            o.put("input_unit_current_density_A_per_m2", n.inputUnitCurrentDensity());
            o.put("pulse_width_s", n.pulseWidthS());
            o.put("output_unit_m", n.outputUnitM());
            o.put("energy_per_unit_pulse_J", n.energyPerUnitPulseJ());
            o.put("x0", n.x0());
            o.put("x1", n.x1());
            array(o.putArray("y"), n.y());
            array(o.putArray("dydx"), n.dydx());
            o.put("monotonic", n.monotonic());
            ObjectNode c = o.putObject("celu");
            c.put("scale", n.celu().scale());
            c.put("alpha", n.celu().alpha());
            c.put("input_offset", n.celu().inputOffset());
            c.put("output_offset", n.celu().outputOffset());
            ArrayNode fits = o.putArray("fits");
            for (FitSummary f : n.fits()) {
                ObjectNode fo = fits.addObject();
                fo.put("model", f.model());
                ObjectNode p = fo.putObject("parameters");
                f.parameters().forEach(p::put);
                fo.put("r2", f.r2());
                fo.put("rms", f.rms());
                fo.put("max_error", f.maxError());
                fo.put("aic", f.aic());
                fo.put("bic", f.bic());
            }
            o.put("best_by_aic", n.bestByAic());
            o.put("best_by_bic", n.bestByBic());
            NeuronNoise z = n.noise();
            ObjectNode no = o.putObject("noise");
            no.put("cycle_to_cycle_sigma", z.cycleToCycleSigma());
            no.put("cycle_to_cycle_relative", z.cycleToCycleRelative());
            no.put("device_to_device_scale", z.deviceToDeviceScale());
            no.put("device_to_device_alpha", z.deviceToDeviceAlpha());
            no.put("device_to_device_offset", z.deviceToDeviceOffset());
            no.put("devices", z.devices());
            no.put("cycles", z.cycles());
            array(no.putArray("inputs"), z.inputs());
            array(no.putArray("sigma"), z.sigma());
        } else if (model instanceof SynapseModel s) {
            root.put("description", s.description());
            ObjectNode o = root.putObject("synapse");
            o.put("g_min_S", s.gMinS());
            o.put("g_max_S", s.gMaxS());
            o.put("pulse_amplitude_A_per_m2", s.pulseAmplitude());
            o.put("pulse_width_s", s.pulseWidthS());
            o.put("energy_per_pulse_J", s.energyPerPulseJ());
            array(o.putArray("potentiation_S"), s.potentiation());
            array(o.putArray("depression_S"), s.depression());
            o.put("distinguishable_states", s.distinguishableStates());
            branch(o.putObject("potentiation_nl"), s.potentiationNl());
            branch(o.putObject("depression_nl"), s.depressionNl());
            o.put("asymmetry", s.asymmetry());
            o.put("cycle_to_cycle_sigma", s.cycleToCycleSigma());
            o.put("device_to_device_sigma", s.deviceToDeviceSigma());
            o.put("on_off_ratio", s.onOffRatio());
            o.put("devices", s.devices());
            o.put("cycles", s.cycles());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise device model " + model.name(), e);
        }
    }

    private static void writeProvenance(ObjectNode o, Provenance p) {
        o.put("material", p.material());
        ObjectNode params = o.putObject("parameters");
        p.parameters().forEach(params::put);
        o.put("solver", p.solver());
        o.put("temperature_K", p.temperatureK());
        o.put("seed", p.seed());
        o.put("code_version", p.codeVersion());
    }

    private static void branch(ObjectNode o, BranchNonlinearity b) {
        o.put("nl", b.nl());
        o.put("max_deviation", b.maxDeviation());
        o.put("rms", b.rms());
    }

    private static void array(ArrayNode a, double[] v) {
        for (double x : v) {
            a.add(x);
        }
    }

    // ---------------------------------------------------------------- reading

    static DeviceModel parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new DeviceFormatException("top level must be a JSON object");
        }
        String schema = text(root, "schema");
        if (!SCHEMA.equals(schema)) {
            throw new DeviceFormatException("field 'schema' must be \"" + SCHEMA + "\", got "
                    + DeviceFormatException.quoted(schema));
        }
        JsonNode v = root.get("schema_version");
        if (v == null || !v.isIntegralNumber()) {
            throw new DeviceFormatException("missing or non-integer field 'schema_version'");
        }
        if (v.asInt() != SCHEMA_VERSION) {
            throw new DeviceFormatException("schema_version " + v.asText() + " is not supported (this build reads "
                    + SCHEMA_VERSION + "); regenerate the file with 'spinnet fit'");
        }
        String kind = text(root, "kind");
        String name = text(root, "name");
        String description = text(root, "description");
        Provenance prov = provenance(object(root, "provenance", "provenance"));
        switch (kind) {
            case "neuron": {
                JsonNode o = object(root, "neuron", "neuron");
                JsonNode c = object(o, "celu", "neuron.celu");
                CeluParams celu = new CeluParams(num(c, "scale", "neuron.celu"), num(c, "alpha", "neuron.celu"),
                        num(c, "input_offset", "neuron.celu"), num(c, "output_offset", "neuron.celu"));
                JsonNode fa = o.get("fits");
                if (fa == null || !fa.isArray()) {
                    throw new DeviceFormatException("missing array field 'neuron.fits'");
                }
                List<FitSummary> fits = new ArrayList<>();
                for (int i = 0; i < fa.size(); i++) {
                    JsonNode f = fa.get(i);
                    String at = "neuron.fits[" + i + "]";
                    fits.add(new FitSummary(text(f, "model", at), numberMap(object(f, "parameters", at + ".parameters"),
                            at + ".parameters"), num(f, "r2", at), num(f, "rms", at), num(f, "max_error", at),
                            num(f, "aic", at), num(f, "bic", at)));
                }
                JsonNode z = object(o, "noise", "neuron.noise");
                NeuronNoise noise = new NeuronNoise(num(z, "cycle_to_cycle_sigma", "neuron.noise"),
                        num(z, "cycle_to_cycle_relative", "neuron.noise"),
                        num(z, "device_to_device_scale", "neuron.noise"),
                        num(z, "device_to_device_alpha", "neuron.noise"),
                        num(z, "device_to_device_offset", "neuron.noise"), integer(z, "devices", "neuron.noise"),
                        integer(z, "cycles", "neuron.noise"), numbers(z, "inputs", "neuron.noise"),
                        numbers(z, "sigma", "neuron.noise"));
                return new NeuronModel(name, description, prov,
                        num(o, "input_unit_current_density_A_per_m2", "neuron"), num(o, "pulse_width_s", "neuron"),
                        num(o, "output_unit_m", "neuron"), num(o, "energy_per_unit_pulse_J", "neuron"),
                        num(o, "x0", "neuron"), num(o, "x1", "neuron"), numbers(o, "y", "neuron"),
                        numbers(o, "dydx", "neuron"), bool(o, "monotonic", "neuron"), celu, fits, text(o, "best_by_aic", "neuron"),
                        text(o, "best_by_bic", "neuron"), noise);
            }
            case "synapse": {
                JsonNode o = object(root, "synapse", "synapse");
                return new SynapseModel(name, description, prov, num(o, "g_min_S", "synapse"),
                        num(o, "g_max_S", "synapse"), num(o, "pulse_amplitude_A_per_m2", "synapse"),
                        num(o, "pulse_width_s", "synapse"), num(o, "energy_per_pulse_J", "synapse"),
                        numbers(o, "potentiation_S", "synapse"), numbers(o, "depression_S", "synapse"),
                        integer(o, "distinguishable_states", "synapse"),
                        branch(object(o, "potentiation_nl", "synapse.potentiation_nl"), "synapse.potentiation_nl"),
                        branch(object(o, "depression_nl", "synapse.depression_nl"), "synapse.depression_nl"),
                        num(o, "asymmetry", "synapse"), num(o, "cycle_to_cycle_sigma", "synapse"),
                        num(o, "device_to_device_sigma", "synapse"), num(o, "on_off_ratio", "synapse"),
                        integer(o, "devices", "synapse"), integer(o, "cycles", "synapse"));
            }
            default:
                throw new DeviceFormatException("field 'kind' must be \"neuron\" or \"synapse\", got "
                        + DeviceFormatException.quoted(kind));
        }
    }

    private static Provenance provenance(JsonNode o) {
        return new Provenance(text(o, "material", "provenance"),
                numberMap(object(o, "parameters", "provenance.parameters"), "provenance.parameters"),
                text(o, "solver", "provenance"), num(o, "temperature_K", "provenance"),
                longInteger(o, "seed", "provenance"), text(o, "code_version", "provenance"));
    }

    private static BranchNonlinearity branch(JsonNode o, String at) {
        return new BranchNonlinearity(num(o, "nl", at), num(o, "max_deviation", at), num(o, "rms", at));
    }

    private static String path(String at, String field) {
        return at.isEmpty() ? field : at + "." + field;
    }

    private static JsonNode object(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw new DeviceFormatException("missing object field '" + path + "'");
        }
        return n;
    }

    private static String text(JsonNode o, String field) {
        return text(o, field, "");
    }

    private static String text(JsonNode o, String field, String at) {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual()) {
            throw new DeviceFormatException("missing text field '" + path(at, field) + "'");
        }
        return n.asText();
    }

    private static double num(JsonNode o, String field, String at) {
        JsonNode n = o.get(field);
        if (n == null || !n.isNumber()) {
            throw new DeviceFormatException("missing number field '" + path(at, field) + "'");
        }
        double v = n.asDouble();
        if (!Double.isFinite(v)) {
            throw new DeviceFormatException("field '" + path(at, field) + "' must be a finite number, got " + v);
        }
        return v;
    }

    private static int integer(JsonNode o, String field, String at) {
        JsonNode n = o.get(field);
        if (n == null || !n.isIntegralNumber()) {
            throw new DeviceFormatException("missing integer field '" + path(at, field) + "'");
        }
        return n.asInt();
    }

    private static boolean bool(JsonNode o, String field, String at) {
        JsonNode n = o.get(field);
        if (n == null || !n.isBoolean()) {
            throw new DeviceFormatException("missing boolean field '" + path(at, field) + "'");
        }
        return n.asBoolean();
    }

    private static long longInteger(JsonNode o, String field, String at) {
        JsonNode n = o.get(field);
        if (n == null || !n.isIntegralNumber()) {
            throw new DeviceFormatException("missing integer field '" + path(at, field) + "'");
        }
        return n.asLong();
    }

    private static double[] numbers(JsonNode o, String field, String at) {
        JsonNode n = o.get(field);
        if (n == null || !n.isArray()) {
            throw new DeviceFormatException("missing array field '" + path(at, field) + "'");
        }
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode e = n.get(i);
            if (!e.isNumber()) {
                throw new DeviceFormatException("field '" + path(at, field) + "[" + i + "]' must be a number, got "
                        + e);
            }
            v[i] = e.asDouble();
            if (!Double.isFinite(v[i])) {
                throw new DeviceFormatException("field '" + path(at, field) + "[" + i + "]' must be a finite number, got "
                        + v[i]);
            }
        }
        return v;
    }

    private static Map<String, Double> numberMap(JsonNode o, String at) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            m.put(e.getKey(), num(o, e.getKey(), at));
        }
        return m;
    }
}
