package dev.spinnet.validation.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * The spread over seeds of figures recorded in {@code benchmarks/results.json}. A recorded key names its seed
 * as {@code _seedN} unless N = 1 (the convention of {@code spinnet train --record}), so keys that differ only in
 * that part are one configuration trained with several seeds. Means are what the goals are judged on; computing
 * them here keeps every mean quoted in a report reproducible from the recorded figures.
 */
public final class SeedSpread {
    private static final Pattern SEED = Pattern.compile("_seed(\\d+)(?=_|$)");

    private SeedSpread() {
    }

    /**
     * One configuration and its figure per seed.
     *
     * @param key    the recorded key without its seed part: the key seed 1 is recorded under
     * @param bySeed figure per seed, seeds ascending
     * @param keys   the recorded key of each seed's figure
     */
    public record Group(String key, SortedMap<Integer, Double> bySeed, SortedMap<Integer, String> keys) {
        public Group {
            bySeed = Collections.unmodifiableSortedMap(new TreeMap<>(bySeed));
            keys = Collections.unmodifiableSortedMap(new TreeMap<>(keys));
        }

        public int n() {
            return bySeed.size();
        }

        private DescriptiveStatistics stats() {
            DescriptiveStatistics s = new DescriptiveStatistics();
            bySeed.values().forEach(s::addValue);
            return s;
        }

        public double mean() {
            return stats().getMean();
        }

        /** Sample standard deviation (n - 1 in the denominator); NaN for one seed. */
        public double std() {
            return n() < 2 ? Double.NaN : stats().getStandardDeviation();
        }

        public double min() {
            return stats().getMin();
        }

        public double max() {
            return stats().getMax();
        }

        /** Half-width of the two-sided 95 % Student-t confidence interval of the mean; NaN for one seed. */
        public double ci95() {
            if (n() < 2) {
                return Double.NaN;
            }
            double t = new TDistribution(null, n() - 1).inverseCumulativeProbability(0.975);
            return t * std() / Math.sqrt(n());
        }
    }

    /**
     * Welch's two-sample comparison of two configurations' seed means: no assumption that their seed spreads are
     * equal, and no pairing by seed (a different device or recipe changes the random draws a seed makes, so the
     * same seed in two configurations is two independent runs).
     *
     * @param base       the configuration compared against
     * @param other      the configuration compared
     * @param difference mean of {@code other} minus mean of {@code base}
     * @param stdError   standard error of the difference
     * @param dof        Welch-Satterthwaite degrees of freedom
     * @param ci95       half-width of the two-sided 95 % confidence interval of the difference
     * @param pValue     two-sided p-value of "the means are equal"
     */
    public record Comparison(Group base, Group other, double difference, double stdError, double dof, double ci95,
                             double pValue) {
    }

    /**
     * Compares two configurations recorded for at least two seeds each. When neither varies over its seeds the
     * test has no scale: the interval is 0 and the p-value NaN.
     */
    public static Comparison compare(Group base, Group other) {
        for (Group g : List.of(base, other)) {
            if (g.n() < 2) {
                throw new IllegalArgumentException(g.key() + " is recorded for " + g.n()
                        + " seed; a comparison needs at least 2 seeds of each configuration");
            }
        }
        double va = base.std() * base.std() / base.n();
        double vb = other.std() * other.std() / other.n();
        double diff = other.mean() - base.mean();
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new Comparison(base, other, diff, 0, Double.NaN, 0, Double.NaN);
        }
        double dof = (va + vb) * (va + vb) / (va * va / (base.n() - 1) + vb * vb / (other.n() - 1));
        TDistribution t = new TDistribution(null, dof);
        double p = 2 * t.cumulativeProbability(-Math.abs(diff / se));
        return new Comparison(base, other, diff, se, dof, t.inverseCumulativeProbability(0.975) * se, p);
    }

    /** Seed of a recorded key: its {@code _seedN} part, or 1 when it has none. */
    public static int seedOf(String key) {
        Matcher m = SEED.matcher(key);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    /** The key of a recorded figure's configuration: the key without its seed part (seed 1's key). */
    public static String configurationOf(String key) {
        Matcher m = SEED.matcher(key);
        return m.find() ? key.substring(0, m.start()) + key.substring(m.end()) : key;
    }

    /**
     * Groups the figures whose key ends with {@code suffix} (e.g. {@code _test_accuracy}) and contains
     * {@code match} by configuration, keeping the groups with at least {@code minSeeds} seeds, in key order.
     */
    public static List<Group> of(Map<String, Double> figures, String suffix, String match, int minSeeds) {
        if (minSeeds < 1) {
            throw new IllegalArgumentException("--min-seeds must be >= 1, got " + minSeeds);
        }
        if (suffix.isEmpty()) {
            throw new IllegalArgumentException("--figure must not be empty");
        }
        SortedMap<String, SortedMap<Integer, Double>> groups = new TreeMap<>();
        SortedMap<String, SortedMap<Integer, String>> keys = new TreeMap<>();
        for (Map.Entry<String, Double> e : figures.entrySet()) {
            String k = e.getKey();
            if (!k.endsWith(suffix) || !k.contains(match) || e.getValue() == null) {
                continue;
            }
            String c = configurationOf(k);
            groups.computeIfAbsent(c, g -> new TreeMap<>()).put(seedOf(k), e.getValue());
            keys.computeIfAbsent(c, g -> new TreeMap<>()).put(seedOf(k), k);
        }
        List<Group> out = new ArrayList<>();
        groups.forEach((k, v) -> {
            if (v.size() >= minSeeds) {
                out.add(new Group(k, v, keys.get(k)));
            }
        });
        return out;
    }
}
