package com.example.workshop.bench;

import com.example.workshop.local.template.ApiEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark 3: warm invoke latency per route through the local runtime, one client, and how much of it is the
 * runtime (API, Runtime API, IAM proxy hop) rather than the handler: HTTP time minus the REPORT Duration.
 */
final class WarmLatencySuite {

    private static final int WARMUP_REQUESTS = 50;

    private final Options options;
    private final Report report;

    WarmLatencySuite(Options options, Report report) {
        this.options = options;
        this.report = report;
    }

    void run(DeployedStage stage, String module) {
        Table table = new Table("Warm invoke latency through the local runtime (" + module + ")",
                ("One client, %d sequential GETs per route after %d warm-up requests, execution environments warm. "
                        + "HTTP = request sent to response read (one kept-alive connection, see KeepAliveClient); handler = REPORT Duration (event "
                        + "handed to the runtime client until its response arrived, so the handler's DynamoDB call "
                        + "through the IAM proxy is in it); overhead = HTTP - handler, paired per request. ms.")
                        .formatted(options.warmRequests(), WARMUP_REQUESTS),
                "route", "HTTP p50", "HTTP p99", "handler p50", "overhead p50", "overhead p99", "overhead share (p50)");
        for (ApiEvent route : stage.deployment().routesInTemplate()) {
            URI uri = stage.uri(concrete(route.path()));
            List<Double> http = timeRequests(stage, uri, route.functionLogicalId());
            List<Double> handler = awaitDurations(stage, route.functionLogicalId(), http.size());
            List<Double> overhead = new ArrayList<>();
            for (int i = 0; i < http.size(); i++) {
                overhead.add(http.get(i) - handler.get(i));
            }
            String subject = route.method().toUpperCase() + " " + route.path();
            Stats h = report.add("warm", subject, "http", "ms", http).stats();
            Stats d = report.add("warm", subject, "handler", "ms", handler).stats();
            Stats o = report.add("warm", subject, "overhead", "ms", overhead).stats();
            System.out.printf("warm %-20s http %s | handler p50 %.2f | overhead p50 %.2f%n", subject, h, d.median(), o.median());
            table.row(subject, h.median(), h.p99(), d.median(), o.median(), o.p99(),
                    String.format(java.util.Locale.ROOT, "%.0f%%", 100 * o.median() / h.median()));
            report.check("runtime overhead < 1 ms p50 warm (" + subject + ")",
                    "%.2f ms of %.2f ms".formatted(o.median(), h.median()), o.median() < 1.0);
        }
        report.add(table);
    }

    private List<Double> timeRequests(DeployedStage stage, URI uri, String function) {
        try (KeepAliveClient client = new KeepAliveClient(uri)) {
            for (int i = 0; i < WARMUP_REQUESTS; i++) {
                client.get(uri);
            }
            stage.drainDurations(function);
            List<Double> http = new ArrayList<>();
            for (int i = 0; i < options.warmRequests(); i++) {
                long start = System.nanoTime();
                client.get(uri);
                http.add((System.nanoTime() - start) / 1e6);
            }
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** REPORT lines are written just after the response is handed back: wait for the last ones. */
    private static List<Double> awaitDurations(DeployedStage stage, String function, int expected) {
        List<Double> durations = new ArrayList<>();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (durations.size() < expected && System.nanoTime() < deadline) {
            durations.addAll(stage.drainDurations(function));
            if (durations.size() < expected) {
                Sleep.millis(10);
            }
        }
        if (durations.size() != expected) {
            throw new IllegalStateException(function + ": " + durations.size() + " REPORT lines for " + expected + " requests");
        }
        return durations;
    }

    static String concrete(String path) {
        return path.replaceFirst("^/", "").replaceAll("\\{[^}]+}", "bench");
    }
}
