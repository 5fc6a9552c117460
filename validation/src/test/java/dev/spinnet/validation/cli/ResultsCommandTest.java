package dev.spinnet.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCommandTest {

    @Test
    void printsTheSpreadOfEveryConfigurationRecordedForSeveralSeeds(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("results.json");
        Files.writeString(f, """
                {
                  "cifar10_allspin_ferri_e16_canonical_test_accuracy" : 92.36,
                  "cifar10_allspin_ferri_e16_seed2_canonical_test_accuracy" : 92.53,
                  "cifar10_allspin_ferri_e16_seed3_canonical_test_accuracy" : 92.24,
                  "cifar10_allspin_ferri_e16_seed3_canonical_train_seconds" : 4018.0,
                  "mnist_float_test_accuracy" : 99.5,
                  "_meta" : {
                    "cifar10_allspin_ferri_e16_canonical_test_accuracy" : { "machine" : "zen5" },
                    "cifar10_allspin_ferri_e16_seed2_canonical_test_accuracy" : { "machine" : "zen5" },
                    "cifar10_allspin_ferri_e16_seed3_canonical_test_accuracy" : { "machine" : "icelake" }
                  }
                }
                """);
        Object[] r = SweepCommandTest.cli("results", "--file", f.toString());
        String out = r[1].toString();
        assertEquals(0, r[0], r[2].toString());
        assertTrue(out.startsWith("cifar10_allspin_ferri_e16_canonical_test_accuracy\n"), out);
        assertTrue(out.contains("seeds 1, 2, 3: 92.36, 92.53, 92.24"), out);
        // mean 92.3767, sample std 0.14572, t(0.975, 2) * s / sqrt(3) = 0.36199
        assertTrue(out.contains("n 3, mean 92.38, sample std 0.146, 95 % CI of the mean +- 0.362 (t, 2 dof)"), out);
        assertTrue(out.contains("on 2 machines: icelake; zen5"), out);
        assertTrue(!out.contains("mnist"), "one seed is no spread: " + out);

        Object[] none = SweepCommandTest.cli("results", "--file", f.toString(), "--match", "ferro");
        assertEquals(0, none[0]);
        assertTrue(none[1].toString().startsWith("no figure ending in _test_accuracy and containing 'ferro'"),
                none[1].toString());
    }

    @Test
    void comparesTwoConfigurationsWithWelchsTest(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("results.json");
        Files.writeString(f, """
                {
                  "cifar10_allspin_ferri_e16_canonical_test_accuracy" : 92.36,
                  "cifar10_allspin_ferri_e16_seed2_canonical_test_accuracy" : 92.53,
                  "cifar10_allspin_ferri_e16_seed3_canonical_test_accuracy" : 92.24,
                  "cifar10_allspin_ferri_synapsen65_e16_canonical_test_accuracy" : 92.50,
                  "cifar10_allspin_ferri_synapsen65_e16_seed2_canonical_test_accuracy" : 92.62,
                  "cifar10_allspin_ferri_synapsen65_e16_seed3_canonical_test_accuracy" : 92.45
                }
                """);
        Object[] r = SweepCommandTest.cli("results", "--file", f.toString(),
                "--compare", "cifar10_allspin_ferri_e16_canonical",
                "--compare", "cifar10_allspin_ferri_synapsen65_e16_canonical_test_accuracy");
        String out = r[1].toString();
        assertEquals(0, r[0], r[2].toString());
        assertTrue(out.contains("base  cifar10_allspin_ferri_e16_canonical_test_accuracy: n 3, mean 92.38"), out);
        assertTrue(out.contains("other cifar10_allspin_ferri_synapsen65_e16_canonical_test_accuracy: n 3, mean 92.52"),
                out);
        // scipy.stats.ttest_ind(other, base, equal_var=False): t 1.4952, dof 3.2734, p 0.22433;
        // t(0.975, 3.2734) * se 0.098093 = 0.29793
        assertTrue(out.contains("difference (other - base) +0.147, 95 % CI +- 0.298 (Welch t, 3.3 dof), p = 0.224"),
                out);
    }
}
