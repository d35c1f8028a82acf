package com.example.workshop.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A stage served by {@link ServeStage} in a JVM of its own, so that JVM can be given its own options (such as
 * the virtual-thread scheduler's). Its output is kept, not printed: {@link #output()} shows it when a test fails.
 */
final class StageInItsOwnJvm implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(4);

    /**
     * One carrier thread, and room for one more while a blocking file operation holds the first: a small
     * machine's scheduler at its smallest. A call that keeps a carrier blocked (a read of a child's pipe, say)
     * then freezes the stage every time, not only on the machines and at the moments where it happens to.
     */
    static final List<String> SMALLEST_SCHEDULER = List.of(
            "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=2");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> baseUrl = new CompletableFuture<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StageInItsOwnJvm(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("stage-output").start(this::keepOutput);
    }

    /** Starts the stage with its data in {@code databaseFile} and waits until its API answers. */
    static StageInItsOwnJvm start(String stage, Path databaseFile, List<String> jvmOptions) {
        RunningStage.buildStagesOnce();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServeStage.class.getName(),
                stage, databaseFile.toString()));
        try {
            StageInItsOwnJvm started = new StageInItsOwnJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
            started.awaitApi();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void keepOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.startsWith(ServeStage.API_LINE_PREFIX)) {
                    baseUrl.complete(line.substring(ServeStage.API_LINE_PREFIX.length()));
                }
            }
        } catch (IOException ended) {
            // the process is gone
        }
        baseUrl.completeExceptionally(new AssertionError("the stage stopped before serving:\n" + output()));
    }

    private void awaitApi() {
        try {
            baseUrl.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            close();
            throw new AssertionError("the stage did not serve within " + STARTUP + ":\n" + output());
        } catch (Exception e) {
            close();
            throw new AssertionError(e.getCause() == null ? e : e.getCause());
        }
    }

    /** e.g. http://127.0.0.1:41234/Prod/ */
    String baseUrl() {
        return baseUrl.join();
    }

    /** GET of {@code path} below the base URL; a timeout or a refused connection is thrown, not waited out. */
    HttpResponse<String> get(String path, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(timeout).build();
        return http.send(request, BodyHandlers.ofString());
    }

    /** Everything the stage printed so far, one line each. */
    String output() {
        return String.join("\n", output);
    }

    List<String> outputLines() {
        return List.copyOf(output);
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // ServeStage stops when its standard input closes
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
