package dev.spinnet.validation.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinnet.network.train.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code benchmarks/results.json}: one flat object of measured figures (SI units or percent),
 * each merged in by the command that measured it, with a sibling "_meta" entry saying when,
 * where and by which command.
 */
public final class ResultsFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsFile() {
    }

    public static Path defaultPath() {
        return CliSupport.projectRoot().resolve("benchmarks").resolve("results.json");
    }

    public static void merge(Path file, Map<String, Double> figures, String command) throws IOException {
        merge(file, figures, Map.of(), command);
    }

    /** As {@link #merge(Path, Map, String)}, with extra metadata (e.g. the data format) stored beside each figure. */
    public static synchronized void merge(Path file, Map<String, Double> figures, Map<String, String> extraMeta,
                                          String command) throws IOException {
        ObjectNode root;
        if (Files.exists(file)) {
            try {
                root = (ObjectNode) JSON.readTree(file.toFile());
            } catch (IOException | ClassCastException e) {
                throw new IOException(file + ": not a JSON object, refusing to overwrite it (" + e.getMessage() + ")");
            }
        } else {
            root = JSON.createObjectNode();
        }
        ObjectNode meta = root.has("_meta") ? (ObjectNode) root.get("_meta") : root.putObject("_meta");
        for (Map.Entry<String, Double> e : figures.entrySet()) {
            root.put(e.getKey(), e.getValue());
            ObjectNode m = meta.putObject(e.getKey());
            m.put("date", java.time.LocalDate.now().toString());
            m.put("machine", CliSupport.machine());
            m.put("command", command);
            extraMeta.forEach(m::put);
        }
        String text = JSON.writeValueAsString(root) + "\n";
        AtomicFiles.writeString(file, text);
    }
}
