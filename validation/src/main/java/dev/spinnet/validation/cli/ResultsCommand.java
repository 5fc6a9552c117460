package dev.spinnet.validation.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinnet.validation.run.SeedSpread;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code spinnet results}: the figures of {@code benchmarks/results.json} recorded for several seeds of one
 * configuration, with their mean, sample standard deviation and 95 % confidence interval, so that a mean quoted
 * in BENCHMARKS.md is a command's output rather than arithmetic done by hand.
 */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = {"Seed statistics of the recorded figures: every configuration of benchmarks/results.json",
                "recorded for several seeds (keys that differ only in _seedN; seed 1 has no seed part), with the",
                "figure per seed, mean, sample standard deviation, 95 %% Student-t confidence interval of the mean,",
                "and the machines the seeds ran on. With --compare BASE --compare OTHER: Welch's test of the",
                "difference of the two configurations' means."})
public final class ResultsCommand implements Callable<Integer> {
    @Option(names = "--file", paramLabel = "FILE", description = "results file (default: benchmarks/results.json)")
    Path file;

    @Option(names = "--figure", paramLabel = "SUFFIX", defaultValue = "_test_accuracy",
            description = "the figure: keys ending with this (default: ${DEFAULT-VALUE})")
    String figure;

    @Option(names = "--match", paramLabel = "TEXT", defaultValue = "",
            description = "only keys containing this text (e.g. cifar10_allspin)")
    String match;

    @Option(names = "--min-seeds", paramLabel = "N", defaultValue = "2",
            description = "only configurations recorded for at least N seeds (default: ${DEFAULT-VALUE})")
    int minSeeds;

    @Option(names = "--compare", paramLabel = "KEY",
            description = "give twice (base, then other): compare the two configurations with these keys, as the"
                    + " listing prints them (the figure suffix may be left off): difference of means, its 95 %% CI"
                    + " and p-value (Welch's t-test)")
    List<String> compare;

    @Override
    public Integer call() throws IOException {
        Path f = file != null ? file : ResultsFile.defaultPath();
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException("results file " + f + " not found");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(f.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(f + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(f + ": not a JSON object of recorded figures");
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNumber()) {
                figures.put(e.getKey(), e.getValue().asDouble());
            }
        }
        if (compare != null) {
            return compare(figures, f);
        }
        List<SeedSpread.Group> groups = SeedSpread.of(figures, figure, match, minSeeds);
        JsonNode meta = root.path("_meta");
        if (groups.isEmpty()) {
            System.out.printf(Locale.ROOT, "no figure ending in %s%s recorded for %d or more seeds in %s%n", figure,
                    match.isEmpty() ? "" : " and containing '" + match + "'", minSeeds, f);
            return 0;
        }
        for (SeedSpread.Group g : groups) {
            TreeSet<String> machines = new TreeSet<>();
            for (String k : g.keys().values()) {
                String m = meta.path(k).path("machine").asText("");
                machines.add(m.isEmpty() ? "unknown machine" : m);
            }
            String seeds = g.bySeed().keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
            String values = g.bySeed().values().stream().map(v -> String.format(Locale.ROOT, "%.4g", v))
                    .collect(Collectors.joining(", "));
            System.out.println(g.key());
            System.out.printf(Locale.ROOT, "  seeds %s: %s%n", seeds, values);
            if (g.n() >= 2) {
                System.out.printf(Locale.ROOT, "  n %d, mean %.4g, sample std %.3g, 95 %% CI of the mean +- %.3g"
                                + " (t, %d dof), range %.4g to %.4g%n", g.n(), g.mean(), g.std(), g.ci95(), g.n() - 1,
                        g.min(), g.max());
            }
            System.out.println("  on " + (machines.size() == 1 ? "one machine: " : machines.size() + " machines: ")
                    + String.join("; ", machines));
        }
        return 0;
    }

    private int compare(Map<String, Double> figures, Path f) {
        if (compare.size() != 2) {
            throw new IllegalArgumentException("--compare needs exactly two keys (base, then other), got "
                    + compare.size());
        }
        Map<String, SeedSpread.Group> byKey = new LinkedHashMap<>();
        SeedSpread.of(figures, figure, "", 1).forEach(g -> byKey.put(g.key(), g));
        SeedSpread.Group[] pair = new SeedSpread.Group[2];
        for (int i = 0; i < 2; i++) {
            String k = compare.get(i).endsWith(figure) ? compare.get(i) : compare.get(i) + figure;
            pair[i] = byKey.get(SeedSpread.configurationOf(k));
            if (pair[i] == null) {
                throw new IllegalArgumentException("--compare: no configuration " + k + " in " + f
                        + " (spinnet results --min-seeds 1 lists them)");
            }
        }
        SeedSpread.Comparison c = SeedSpread.compare(pair[0], pair[1]);
        System.out.printf(Locale.ROOT, "base  %s: n %d, mean %.4g, sample std %.3g%n", c.base().key(),
                c.base().n(), c.base().mean(), c.base().std());
        System.out.printf(Locale.ROOT, "other %s: n %d, mean %.4g, sample std %.3g%n", c.other().key(),
                c.other().n(), c.other().mean(), c.other().std());
        if (Double.isNaN(c.pValue())) {
            System.out.printf(Locale.ROOT, "difference (other - base) %+.3g; neither varies over its seeds, so"
                    + " no test%n", c.difference());
        } else {
            System.out.printf(Locale.ROOT, "difference (other - base) %+.3g, 95 %% CI +- %.3g (Welch t, %.1f dof),"
                    + " p = %.3g%n", c.difference(), c.ci95(), c.dof(), c.pValue());
        }
        return 0;
    }
}
