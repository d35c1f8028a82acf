package com.example.workshop.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to run and how much of it. {@code --quick} shrinks every count to check the harness in a few minutes.
 *
 * @param chartOnly        only redraw the chart from the last results.json
 * @param suites           among size, cold (per handler), options (start-up options), warm, throughput, stream,
 *                         watch (save to serving), loop (start to first page), check (./workshop check per stage)
 * @param runs             cold starts per variant
 * @param warmups          discarded cold starts per variant, before the measured ones
 * @param warmRequests     requests per route for the warm latency
 * @param throughputMillis how long each concurrency level of the throughput test lasts (bounded by count too)
 * @param burstVisits      the visits of the stream burst
 */
record Options(boolean chartOnly, Set<String> suites, int runs, int warmups, int warmRequests, long throughputMillis, int burstVisits,
               Path repository, Path packages, Path results, Path chart) {

    static final List<String> ALL_SUITES = List.of("size", "cold", "options", "warm", "throughput", "stream",
            SaveToServingSuite.SUITE, "loop", "check");

    static Options parse(String... args) {
        boolean quick = false;
        boolean chartOnly = false;
        Set<String> suites = new LinkedHashSet<>(ALL_SUITES);
        Integer runs = null;
        Path packages = Path.of("tools/benchmarks/target/packages");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--chart-only" -> chartOnly = true;
                case "--only" -> suites = new LinkedHashSet<>(Arrays.asList(value(args, ++i).split(",")));
                case "--runs" -> runs = Integer.parseInt(value(args, ++i));
                case "--packages" -> packages = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --quick, --only " + String.join(",", ALL_SUITES) + ", --runs N, --packages DIR, --chart-only)");
            }
        }
        if (!ALL_SUITES.containsAll(suites)) {
            throw new IllegalArgumentException("--only takes some of " + ALL_SUITES + ", got " + suites);
        }
        return new Options(chartOnly, Set.copyOf(suites), runs != null ? runs : quick ? 3 : 10, 1,
                quick ? 200 : 2000, quick ? 2_000 : 8_000, quick ? 1_000 : 10_000,
                Path.of("").toAbsolutePath(), packages.toAbsolutePath(),
                Path.of("tools/benchmarks/results").toAbsolutePath(), Path.of("docs/images/cold-start.png").toAbsolutePath());
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    boolean runs(String suite) {
        return suites.contains(suite);
    }
}
