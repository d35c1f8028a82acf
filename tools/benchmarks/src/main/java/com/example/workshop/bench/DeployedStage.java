package com.example.workshop.bench;

import com.example.workshop.local.deploy.LocalDeployment;
import com.example.workshop.local.deploy.Stage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A stage deployed by the local runtime exactly as {@code local-runtime run} deploys it (tables on a fresh in-memory
 * dynoxide, functions behind the IAM proxy, API, stream subscriptions), plus what the benchmarks read from it:
 * each function's REPORT durations, in order.
 */
final class DeployedStage implements AutoCloseable {

    static final int MAX_ENVIRONMENTS = 8;
    private static final Pattern DURATION = Pattern.compile("\\tDuration: ([0-9.]+) ms");

    private static final int LOG_TAIL = 60;
    /** The runtime's access log, build and notes would drown the measurements; its warnings still show. */
    private static final List<Logger> QUIETED = List.of("apigateway", "http", "deploy", "watch").stream()
            .map(concern -> Logger.getLogger("com.example.workshop.local." + concern)).toList();

    static {
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
    }

    private final LocalDeployment deployment;
    private final Map<String, LinkedBlockingQueue<Double>> durations;
    private final Deque<String> logTail;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private DeployedStage(LocalDeployment deployment, Map<String, LinkedBlockingQueue<Double>> durations,
                       Deque<String> logTail) {
        this.deployment = deployment;
        this.durations = durations;
        this.logTail = logTail;
    }

    static DeployedStage start(Path repository, String module, boolean subscribeStreams) {
        Map<String, LinkedBlockingQueue<Double>> durations = new ConcurrentHashMap<>();
        Deque<String> logTail = new ArrayDeque<>();
        LocalDeployment.Options options = new LocalDeployment.Options(null, 0, subscribeStreams, MAX_ENVIRONMENTS,
                (function, line) -> {
                    synchronized (logTail) {
                        logTail.addLast("[" + function + "] " + line);
                        if (logTail.size() > LOG_TAIL) {
                            logTail.removeFirst();
                        }
                    }
                    Matcher matcher = DURATION.matcher(line);
                    if (line.startsWith("REPORT") && matcher.find()) {
                        durations.computeIfAbsent(function, f -> new LinkedBlockingQueue<>())
                                .add(Double.parseDouble(matcher.group(1)));
                    }
                });
        return new DeployedStage(LocalDeployment.start(Stage.resolve(repository, module), options), durations, logTail);
    }

    LocalDeployment deployment() {
        return deployment;
    }

    URI uri(String path) {
        return URI.create(deployment.api().baseUrl() + path);
    }

    /**
     * Raises the concurrency to {@link #MAX_ENVIRONMENTS} one client at a time, so every execution environment is
     * started, each alone, before anything is measured: cold starts stay out of the load figures.
     *
     * @return the requests sent
     */
    int startEnvironmentsOneByOne(Runnable request) {
        int sent = 0;
        for (int clients = 1; clients <= DeployedStage.MAX_ENVIRONMENTS; clients++) {
            sent += Load.run(clients, 120_000, clients * 4, request).requests();
        }
        return sent;
    }

    /** GET, failing on anything but 200. */
    void get(URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                        + response.body() + "\nlast function log lines:\n" + logTail());
            }
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logTail() {
        synchronized (logTail) {
            return String.join("\n", logTail);
        }
    }

    /** The REPORT durations of {@code function} since the last call. */
    List<Double> drainDurations(String function) {
        List<Double> drained = new ArrayList<>();
        LinkedBlockingQueue<Double> queue = durations.get(function);
        if (queue != null) {
            queue.drainTo(drained);
        }
        return drained;
    }

    @Override
    public void close() {
        deployment.close();
    }
}
