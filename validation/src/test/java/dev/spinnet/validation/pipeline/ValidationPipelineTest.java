package dev.spinnet.validation.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.spinnet.network.data.TrainTest;
import dev.spinnet.network.train.Models;
import dev.spinnet.network.layer.Relu;
import dev.spinnet.validation.report.HeadlessChromium;
import dev.spinnet.validation.report.PageChecks;

/** The --full wiring (MNIST + CIFAR-10, every stage) at tiny sizes on synthetic data, and the quick plan. */
class ValidationPipelineTest {
    static final Path DEVICES = Path.of("..", "data", "devices");

    @Test
    void fullPlanAtTinySizesWritesACompleteReport(@TempDir Path tmp) throws Exception {
        ValidationPlan full = ValidationPlan.full(DEVICES, 2, 1);
        assertEquals(List.of("mnist", "cifar10"), full.datasets().stream().map(DatasetPlan::dataset).toList());
        assertFalse(full.trainOnCommitted(), "--full trains with the regenerated devices");
        ValidationPlan tiny = full.with(List.of(full.datasets().get(0).shrunk(120, 60, new int[] {4, 8, 16}),
                full.datasets().get(1).withEpochs(1).shrunk(120, 60, new int[] {8, 8, 8})), false);
        TrainTest mnist = SyntheticData.of(1, 28, 120, 60, 1);
        TrainTest cifar = SyntheticData.of(3, 32, 120, 60, 2);
        Path out = tmp.resolve("validate-full");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Validation.Outcome o = Validation.run(tiny, d -> d.equals("mnist") ? mnist : cifar, out, "test", "test machine",
                new PrintStream(log, true, StandardCharsets.UTF_8));
        String text = log.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        assertTrue(text.contains("validate [1/5] physics"), text);
        assertTrue(text.contains("epoch  1/"), "per-epoch lines are shown: " + text);
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "only the committed folder remains");
        }
        JsonNode j = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("full", j.get("mode").asText());
        assertEquals(j.get("physics").get("checks_total").asInt(), j.get("physics").get("checks_passed").asInt());
        assertEquals(8, j.get("devices").get("byte_identical_to_committed").size());
        assertEquals(2, j.get("training").size());
        for (JsonNode d : j.get("training")) {
            assertEquals(AblationRow.values().length, d.get("ablation").size());
            for (JsonNode row : d.get("ablation")) {
                double acc = row.get("test_accuracy_percent").asDouble();
                assertTrue(acc >= 0 && acc <= 100, row.toString());
            }
            JsonNode ferri = d.get("ablation").get(AblationRow.ALLSPIN_FERRI.ordinal());
            assertTrue(ferri.get("pulses_and_energy").get("update_pulses").asLong() > 0, "pulses are counted");
            assertTrue(ferri.get("pulses_and_energy").get("update_energy_J").asDouble() > 0);
            assertTrue(d.get("receptive_fields").size() >= 3);
        }
        assertTrue(Files.exists(out.resolve("devices/ferri-neuron.json")));
        assertTrue(Files.exists(out.resolve("physics/sweep/results.csv")));
        for (String f : new String[] {"mnist-training-accuracy.png", "cifar10-first-layer-filters.png",
                "mnist-feature-maps-stage-1.png", "physics-velocity-vs-temperature.png", "device-ferri-synapse.png",
                "mnist-confusion-allspin-ferri.png"}) {
            assertTrue(Files.size(out.resolve("figures").resolve(f)) > 0, f);
        }
        int figures = o.report().figures().size();
        Path chromium = HeadlessChromium.find();
        Assumptions.assumeTrue(chromium != null, "chromium is not installed");
        PageChecks.assertPageSound(HeadlessChromium.dumpDom(chromium, out.resolve("index.html"), tmp), figures);
    }

    @Test
    void quickPlanIsMnistOneEpochOnCommittedDevices() {
        ValidationPlan q = ValidationPlan.quick(DEVICES, 2, 1);
        assertEquals(1, q.datasets().size());
        DatasetPlan d = q.datasets().get(0);
        assertEquals("mnist", d.dataset());
        assertEquals("quick", d.preset());
        assertEquals(ValidationPlan.QUICK_EPOCHS, d.config(1).epochs());
        assertTrue(q.trainOnCommitted());
    }

    @Test
    void receptiveFieldsFollowKernelsAndPooling() {
        // MNIST CNN: conv5 -> pool2 -> act (5 px), conv3 -> pool2 -> act (5 + 2*2 + 1*2 = 11 px), dense (whole 28 px)
        List<Interpretability.Stage> s = Interpretability.stages(Models.mnist(4, 4, 8, new Relu(), 1));
        assertEquals(3, s.size());
        assertEquals(6, s.get(0).receptiveField());
        assertEquals(2, s.get(0).jump());
        assertEquals(6 + 2 * 2 + 2, s.get(1).receptiveField());
        assertEquals(4, s.get(1).jump());
        assertTrue(s.get(2).wholeImage());
        assertEquals(28, s.get(2).receptiveField());
    }
}
