package com.example.workshop.docs;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Runs the offline commands of the guides (docs/*.md) and of every README.md as a reader would, where the reader
 * runs them ({@link Doc#workingDirectory()}):
 * each {@code ```bash run} block in bash (it must exit 0), each {@code ```bash run-background} block as a
 * server left running for the guide's next blocks, and each {@code output} block as a check of the
 * output of the block before it. Before a server is stopped, every loopback URL with a path it printed is requested
 * and must not answer with a server error. Ends with "docs: N passed, M failed". Arguments, if any, name the
 * guides to run ({@code docs/module-3-counter.md}); by default all of them.
 *
 * <p>The module guides are also replayed as the hands-on path ({@link GuideReplay}): their marked steps write into
 * a learner's folder of the replay's own, which their commands' {@code my-workshop} names, and after each module
 * guide that folder must be the finished stage.
 */
public final class DocCommands {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration SERVER_START_TIMEOUT = Duration.ofMinutes(3);
    /**
     * A loopback URL with a path, such as the API's: printed once the server serves. A bare endpoint printed
     * earlier (a local DynamoDB's, a proxy's) is neither a sign the server is ready nor a page to request.
     */
    private static final Pattern PAGE_URL = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/[^\\s\"'<>)]*");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}/]+}");

    private final Path root;
    private final GuideReplay replay;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();
    private int passed;

    DocCommands(Path root) {
        this(root, root.resolve("tools/docs-check/target/guide-replay"));
    }

    DocCommands(Path root, Path replayWorkspace) {
        this.root = root.toAbsolutePath().normalize();
        this.replay = new GuideReplay(this.root, replayWorkspace);
    }

    public static void main(String[] args) {
        DocCommands commands = new DocCommands(Path.of(System.getProperty("repo.root", ".")));
        List<String> only = List.of(args);
        for (Doc doc : Doc.all(commands.root)) {
            if (only.isEmpty() || only.contains(doc.name())) {
                commands.runAll(doc);
            }
        }
        commands.failures.forEach(failure -> System.out.println("FAILED " + failure));
        System.out.println("docs: " + commands.passed + " passed, " + commands.failures.size() + " failed");
        System.exit(commands.failures.isEmpty() ? 0 : 1);
    }

    void runAll(Doc doc) {
        Command server = null;
        List<CodeBlock> blocks = doc.blocks();
        if (doc.stage() != null) {
            record(doc.name() + " my-workshop/ as module " + GuideReplay.moduleNumber(doc.stage()) + " starts it",
                    replay.prepare(doc));
        } else if (blocks.stream().anyMatch(block -> block.hasFlag("learner"))) {
            replay.reset(); // another guide's learner steps start a learner's folder of their own
        }
        try {
            for (int i = 0; i < blocks.size(); i++) {
                CodeBlock block = blocks.get(i);
                Optional<CodeBlock> output = i + 1 < blocks.size() && blocks.get(i + 1).hasFlag("output")
                        ? Optional.of(blocks.get(i + 1)) : Optional.empty();
                String where = doc.name() + ":" + block.lineNumber() + " " + firstLine(block.body());
                String script = replay.learner().substitute(block.body());
                if (block.learnerStep().isPresent()) {
                    record(doc.name() + ":" + block.lineNumber() + " " + block.learnerStep().get(), replay.apply(block));
                } else if (block.hasFlag("run")) {
                    record(where, run(doc.workingDirectory(), script, output));
                } else if (block.hasFlag("run-background")) {
                    stopChecked(server, doc);
                    server = new Command(doc.workingDirectory(), script);
                    String failure = server.awaitStart(output);
                    record(where, failure);
                    if (failure != null) {
                        return; // the commands after it would talk to no server, or to another one
                    }
                }
            }
        } finally {
            stopChecked(server, doc);
            if (doc.stage() != null) {
                record(doc.name() + " my-workshop/ is now " + doc.stage(), replay.finish(doc));
            }
        }
    }

    /** Null when the command ran as the guide says, else why not. */
    private String run(Path directory, String script, Optional<CodeBlock> output) {
        Command command = new Command(directory, script);
        if (!command.awaitExit(COMMAND_TIMEOUT)) {
            command.stop();
            return "still running after " + COMMAND_TIMEOUT.toMinutes() + " min:\n" + tail(command.output());
        }
        if (command.exitValue() != 0) {
            return "exited " + command.exitValue() + ":\n" + tail(command.output());
        }
        return output.flatMap(expected -> ExpectedOutput.firstMissingLine(expected.body(), command.output()))
                .map(missing -> "output lacks \"" + missing + "\":\n" + tail(command.output()))
                .orElse(null);
    }

    int passed() {
        return passed;
    }

    List<String> failures() {
        return failures;
    }

    private void stopChecked(Command server, Doc doc) {
        if (server == null) {
            return;
        }
        List<String> urls = server.isAlive() ? List.copyOf(server.printedUrls()) : List.of();
        for (String url : urls) {
            long started = System.nanoTime();
            String failure = requestWithoutServerError(url);
            record(doc.name() + " GET " + url + took(started),
                    failure == null ? null : failure + ", the server printed:\n" + tail(server.output()));
        }
        long stopping = System.nanoTime();
        server.stop();
        System.out.println("       " + doc.name() + " server stopped" + took(stopping));
    }

    private String requestWithoutServerError(String url) {
        String concrete = PATH_PARAMETER.matcher(url).replaceAll("docs-check");
        try {
            var request = HttpRequest.newBuilder(URI.create(concrete)).timeout(Duration.ofSeconds(30)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status < 500 ? null : "answered HTTP " + status;
        } catch (IOException | IllegalArgumentException e) {
            return "request failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void record(String what, String failure) {
        if (failure == null) {
            passed++;
            System.out.println("ok     " + what);
        } else {
            failures.add(what + ": " + failure);
            System.out.println("FAILED " + what + ": " + failure);
        }
    }

    private static String took(long startedNanos) {
        return String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - startedNanos) / 1e9);
    }

    private static String firstLine(String body) {
        return body.lines().findFirst().orElse("");
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** A bash script started in a folder of the repository, its output (stdout and stderr) collected as it comes. */
    private static final class Command {

        private final Process process;
        private final StringBuffer output = new StringBuffer();
        private final Thread collector;

        Command(Path directory, String script) {
            try {
                this.process = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", script)
                        .directory(directory.toFile())
                        .redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.collector = Thread.ofVirtual().start(this::collectOutput);
        }

        String output() {
            return output.toString();
        }

        boolean isAlive() {
            return process.isAlive();
        }

        int exitValue() {
            return process.exitValue();
        }

        /** True when it exited in time; its output is then complete. */
        boolean awaitExit(Duration timeout) {
            try {
                boolean exited = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
                collector.join(Duration.ofSeconds(5));
                return exited;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** For a server: null once it printed a loopback URL and the expected output, else why not. */
        String awaitStart(Optional<CodeBlock> expected) {
            Instant deadline = Instant.now().plus(SERVER_START_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                boolean printedUrl = PAGE_URL.matcher(output).find();
                boolean printedExpected = expected
                        .flatMap(block -> ExpectedOutput.firstMissingLine(block.body(), output()))
                        .isEmpty();
                if (printedUrl && printedExpected) {
                    return null;
                }
                if (!process.isAlive()) {
                    return "exited " + process.exitValue() + " before serving:\n" + tail(output());
                }
                sleep(Duration.ofMillis(200));
            }
            return "printed no loopback URL within " + SERVER_START_TIMEOUT.toSeconds() + " s:\n" + tail(output());
        }

        Set<String> printedUrls() {
            Set<String> urls = new LinkedHashSet<>();
            PAGE_URL.matcher(output).results().forEach(m -> urls.add(m.group()));
            return urls;
        }

        /**
         * Stops it and every process it started: first the command alone, so that a server stops what it started
         * in its own order (stopping its children first had a stage-4 server wait 5 s for its stream poller), then
         * whatever is left, politely first.
         */
        void stop() {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            process.destroy();
            if (!awaitExit(process.toHandle(), Duration.ofSeconds(15))) {
                process.destroyForcibly();
                awaitExit(process.toHandle(), Duration.ofSeconds(10));  // its port is free once it is gone
            }
            List<ProcessHandle> left = tree.stream().filter(ProcessHandle::isAlive).toList();
            left.forEach(ProcessHandle::destroy);
            left.stream().filter(child -> !awaitExit(child, Duration.ofSeconds(10))).forEach(ProcessHandle::destroyForcibly);
        }

        private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
            try {
                handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                return !handle.isAlive();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private void collectOutput() {
            try (InputStream in = process.getInputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                output.append("\n[output closed: ").append(e.getMessage()).append("]");
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
