package com.example.workshop.bench;

import com.example.workshop.local.cli.LocalDeployment;
import com.example.workshop.local.cli.Stage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stage deployed by the local runtime exactly as {@code local-runtime run} deploys it (tables on a fresh in-memory
 * dynoxide, functions behind the IAM proxy, API, stream subscriptions), plus what the benchmarks read from it:
 * each function's REPORT durations, in order.
 */
final class LocalStack implements AutoCloseable {

    static final int MAX_ENVIRONMENTS = 8;
    private static final Pattern DURATION = Pattern.compile("\\tDuration: ([0-9.]+) ms");

    private final LocalDeployment deployment;
    private final Map<String, LinkedBlockingQueue<Double>> durations;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private LocalStack(LocalDeployment deployment, Map<String, LinkedBlockingQueue<Double>> durations) {
        this.deployment = deployment;
        this.durations = durations;
    }

    static LocalStack start(Path repository, String module, boolean subscribeStreams) {
        Map<String, LinkedBlockingQueue<Double>> durations = new ConcurrentHashMap<>();
        LocalDeployment.Options options = new LocalDeployment.Options(null, 0, subscribeStreams, MAX_ENVIRONMENTS,
                (function, line) -> {
                    Matcher matcher = DURATION.matcher(line);
                    if (line.startsWith("REPORT") && matcher.find()) {
                        durations.computeIfAbsent(function, f -> new LinkedBlockingQueue<>())
                                .add(Double.parseDouble(matcher.group(1)));
                    }
                },
                line -> { });
        return new LocalStack(LocalDeployment.start(Stage.resolve(repository, module), options), durations);
    }

    LocalDeployment deployment() {
        return deployment;
    }

    URI uri(String path) {
        return URI.create(deployment.api().baseUrl() + path);
    }

    /** GET, failing on anything but 200. */
    void get(URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
