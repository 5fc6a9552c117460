package dev.spinnet.validation.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SeedSpreadTest {

    @Test
    void seedOneIsTheKeyWithoutASeedPart() {
        assertEquals(1, SeedSpread.seedOf("cifar10_allspin_ferri_lr0.1_canonical_test_accuracy"));
        assertEquals(12, SeedSpread.seedOf("cifar10_allspin_ferri_lr0.1_seed12_canonical_test_accuracy"));
        assertEquals(3, SeedSpread.seedOf("mnist_float_seed3_test_accuracy"));
        assertEquals("cifar10_x_e16_canonical_test_accuracy",
                SeedSpread.configurationOf("cifar10_x_e16_seed2_canonical_test_accuracy"));
        // "seeds" or "_seed" without a number is not a seed part.
        assertEquals(1, SeedSpread.seedOf("cifar10_seeds_test_accuracy"));
        assertEquals("cifar10_seedx_test_accuracy", SeedSpread.configurationOf("cifar10_seedx_test_accuracy"));
    }

    @Test
    void groupsSeedsOfOneConfigurationAndLeavesOthersApart() {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("cifar10_a_e16_canonical_test_accuracy", 1.0);
        f.put("cifar10_a_e16_seed2_canonical_test_accuracy", 2.0);
        f.put("cifar10_a_e16_seed3_canonical_test_accuracy", 3.0);
        f.put("cifar10_a_e16_seed3_canonical_train_seconds", 4000.0);
        f.put("cifar10_a_canonical_test_accuracy", 90.0);          // another configuration (10 epochs), one seed
        f.put("cifar10_a_e16_seed2_test_accuracy", 80.0);          // JPEG copy: another configuration
        f.put("cifar10_a_e16_canonical_noisy_test_accuracy", 92.2);
        f.put("cifar10_a_e16_canonical_noisy_test_accuracy_std", 0.03);
        f.put("cifar10_a_e16_seed3_canonical_noisy_test_accuracy", 92.1);

        List<SeedSpread.Group> g = SeedSpread.of(f, "_test_accuracy", "", 2);
        assertEquals(2, g.size());
        SeedSpread.Group a = g.get(0);
        assertEquals("cifar10_a_e16_canonical_noisy_test_accuracy", a.key());
        assertEquals(List.of(1, 3), List.copyOf(a.bySeed().keySet()));
        SeedSpread.Group b = g.get(1);
        assertEquals("cifar10_a_e16_canonical_test_accuracy", b.key());
        assertEquals(3, b.n());
        assertEquals(2.0, b.mean(), 1e-12);
        assertEquals(1.0, b.std(), 1e-12);              // sample std of 1, 2, 3
        assertEquals(1.0, b.min(), 0);
        assertEquals(3.0, b.max(), 0);
        // t(0.975, 2 dof) = 4.302653 (tables); half-width t * s / sqrt(3).
        assertEquals(4.302653 / Math.sqrt(3), b.ci95(), 1e-5);

        assertEquals(1, SeedSpread.of(f, "_test_accuracy", "noisy", 2).size());
        assertEquals(4, SeedSpread.of(f, "_test_accuracy", "", 1).size());
        assertEquals(List.of(), SeedSpread.of(f, "_test_accuracy", "", 4));
        assertEquals(1, SeedSpread.of(f, "_train_seconds", "", 1).size());
    }

    @Test
    void oneSeedHasNoSpread() {
        SeedSpread.Group g = SeedSpread.of(Map.of("m_test_accuracy", 99.0), "_test_accuracy", "", 1).get(0);
        assertEquals(99.0, g.mean(), 0);
        assertTrue(Double.isNaN(g.std()));
        assertTrue(Double.isNaN(g.ci95()));
    }

    @Test
    void refusesMeaninglessArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeedSpread.of(Map.of(), "_test_accuracy", "", 0));
        assertTrue(e.getMessage().contains("--min-seeds"));
        assertThrows(IllegalArgumentException.class, () -> SeedSpread.of(Map.of(), "", "", 2));
    }

    private static SeedSpread.Group group(String key, double... values) {
        Map<String, Double> f = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            f.put(key + (i == 0 ? "" : "_seed" + (i + 1)) + "_test_accuracy", values[i]);
        }
        return SeedSpread.of(f, "_test_accuracy", "", 1).get(0);
    }

    @Test
    void welchComparisonMatchesScipyAndIsAntisymmetric() {
        SeedSpread.Group base = group("a", 92.36, 92.53, 92.24);
        SeedSpread.Group other = group("b", 92.50, 92.62, 92.45, 92.71);
        SeedSpread.Comparison c = SeedSpread.compare(base, other);
        // scipy.stats.ttest_ind([92.50, 92.62, 92.45, 92.71], [92.36, 92.53, 92.24], equal_var=False):
        // t 1.8842, dof 3.8199, p 0.13599; scipy.stats.t.ppf(0.975, 3.8199) = 2.8288
        assertEquals(92.57 - 92.376666666666667, c.difference(), 1e-12);
        assertEquals(3.8199, c.dof(), 1e-4);
        assertEquals(1.8842, c.difference() / c.stdError(), 1e-4);
        assertEquals(0.13599, c.pValue(), 1e-5);
        assertEquals(2.8288 * c.stdError(), c.ci95(), 1e-3);

        SeedSpread.Comparison back = SeedSpread.compare(other, base);
        assertEquals(-c.difference(), back.difference(), 1e-12);
        assertEquals(c.pValue(), back.pValue(), 1e-12);
        assertEquals(c.ci95(), back.ci95(), 1e-12);
    }

    @Test
    void comparisonWithoutSpreadHasNoTestAndOneSeedIsRefused() {
        SeedSpread.Comparison flat = SeedSpread.compare(group("a", 1, 1), group("b", 2, 2, 2));
        assertEquals(1.0, flat.difference(), 0);
        assertEquals(0.0, flat.ci95(), 0);
        assertTrue(Double.isNaN(flat.pValue()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeedSpread.compare(group("a", 1, 2), group("b", 3)));
        assertTrue(e.getMessage().contains("b_test_accuracy is recorded for 1 seed"), e.getMessage());
    }
}
