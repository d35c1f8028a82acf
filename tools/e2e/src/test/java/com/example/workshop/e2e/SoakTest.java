package com.example.workshop.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Stage 4 for a while, as a class of learners uses it: bursts of concurrent visits and count pages, each
 * followed by an idle gap longer than the virtual-thread scheduler's keep-alive. At the end every tag's count
 * is exactly the visits it got, and the stream processor's total is their sum.
 *
 * <p>Not part of the default build: {@code mvn -pl tools/e2e verify -Psoak} runs it alone, for
 * {@code -Dsoak.minutes=10} (the default; fractions such as 0.5 work), with {@code -Dsoak.idleSeconds=35},
 * {@code -Dsoak.clients=4} and {@code -Dsoak.burst=200} (requests per burst) to change its shape. Each route is
 * visited once first, one after the other, so the first burst does not start every function cold at once on a
 * two-core machine (it still scales them out).
 */
@Tag("soak")
class SoakTest {

    private static final double MINUTES = Double.parseDouble(System.getProperty("soak.minutes", "10"));
    private static final Duration IDLE_GAP = Duration.ofSeconds(Long.getLong("soak.idleSeconds", 35));
    private static final int CLIENTS = Integer.getInteger("soak.clients", 4);
    private static final int BURST = Integer.getInteger("soak.burst", 200);
    private static final int TAGS = 10;
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(90);
    private static final Duration STREAM_LAG = Duration.ofMinutes(2);
    private static final Pattern TAG_COUNT = Pattern.compile("has (\\d+) total visits");
    private static final Pattern TOTAL = Pattern.compile("You have (\\d+) visits across all pages");

    private final Map<String, AtomicLong> visitsByTag = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> latenciesNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();

    @Test
    @Timeout(value = 2, unit = java.util.concurrent.TimeUnit.HOURS)
    void burstsAndIdleGapsKeepExactCountsAndTotal(@TempDir Path folder) throws Exception {
        Instant started = Instant.now();
        Instant deadline = started.plusMillis((long) (MINUTES * 60_000));
        int idleGaps = 0;
        try (StageInItsOwnJvm stage = StageInItsOwnJvm.start("4", folder.resolve("dynamodb.db"),
                StageInItsOwnJvm.SMALLEST_SCHEDULER)) {
            for (String path : List.of("", "tags/soak-0", "counts/soak-0")) {
                request(stage, path);
            }
            burst(stage);
            while (Instant.now().plus(IDLE_GAP).isBefore(deadline)) {
                Thread.sleep(IDLE_GAP);
                idleGaps++;
                burst(stage);
            }
            Map<String, Long> counts = countsShown(stage);
            long total = awaitTotal(stage, expectedSum());
            System.out.println(summary(Duration.between(started, Instant.now()), idleGaps, counts, total));
            assertEquals(List.of(), List.copyOf(errors), "failed requests; the stage printed:\n" + stage.output());
            assertEquals(expected(), counts, "counts shown");
            assertEquals(expectedSum(), total, "TotalViews against the sum of the counts");
        }
    }

    /** {@link #BURST} requests from {@link #CLIENTS} clients at once; one in four reads a count page. */
    private void burst(StageInItsOwnJvm stage) throws Exception {
        AtomicInteger left = new AtomicInteger(BURST);
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                running.add(clients.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        request(stage, ThreadLocalRandom.current());
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }
    }

    private void request(StageInItsOwnJvm stage, ThreadLocalRandom random) {
        String tag = "soak-" + random.nextInt(TAGS);
        request(stage, (random.nextInt(4) != 0 ? "tags/" : "counts/") + tag);
    }

    private void request(StageInItsOwnJvm stage, String path) {
        boolean visit = path.startsWith("tags/");
        String tag = path.substring(path.indexOf('/') + 1);
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = stage.get(path, ANSWER_WITHIN);
            latenciesNanos.add(System.nanoTime() - start);
            if (response.statusCode() != 200) {
                errors.add("GET /Prod/" + path + ": " + response.statusCode() + " " + response.body());
            } else if (visit) {
                visitsByTag.computeIfAbsent(tag, any -> new AtomicLong()).incrementAndGet();
            }
        } catch (Exception e) {
            errors.add("GET /Prod/" + path + ": " + e);
        } finally {
            requests.incrementAndGet();
        }
    }

    private Map<String, Long> expected() {
        Map<String, Long> expected = new TreeMap<>();
        visitsByTag.forEach((tag, visits) -> expected.put(tag, visits.get()));
        return expected;
    }

    private long expectedSum() {
        return visitsByTag.values().stream().mapToLong(AtomicLong::get).sum();
    }

    private Map<String, Long> countsShown(StageInItsOwnJvm stage) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (String tag : visitsByTag.keySet()) {
            counts.put(tag, number(TAG_COUNT, stage.get("counts/" + tag, ANSWER_WITHIN).body()));
        }
        return counts;
    }

    private static long awaitTotal(StageInItsOwnJvm stage, long sum) throws Exception {
        Instant deadline = Instant.now().plus(STREAM_LAG);
        long total = number(TOTAL, stage.get("counts/soak-0", ANSWER_WITHIN).body());
        while (total != sum && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            total = number(TOTAL, stage.get("counts/soak-0", ANSWER_WITHIN).body());
        }
        return total;
    }

    private static long number(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no " + pattern + " in " + page);
        }
        return Long.parseLong(matcher.group(1));
    }

    private String summary(Duration took, int idleGaps, Map<String, Long> counts, long total) {
        List<Long> sorted = latenciesNanos.stream().sorted().toList();
        return String.format(Locale.ROOT, """
                soak: %.1f min, %d requests (3 warm-up, then %d bursts of %d from %d clients), %d idle gaps of %d s
                soak: latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; errors %d
                soak: counts %s
                soak: TotalViews %d, sum of the counts %d""",
                took.toMillis() / 60_000.0, requests.get(), idleGaps + 1, BURST, CLIENTS, idleGaps, IDLE_GAP.toSeconds(),
                percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100), errors.size(),
                counts, total, expectedSum());
    }

    private static double percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
