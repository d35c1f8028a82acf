package com.example.workshop.e2e;

import com.example.workshop.local.process.PortableMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line in its own JVM, as the `workshop` launcher starts it. */
class WorkshopCommandTest {

    private static final Pattern API_LINE = Pattern.compile("API: (http://127\\.0\\.0\\.1:\\d+/Prod/)");

    private static ProcessBuilder workshop(String... arguments) {
        return workshop(List.of(), arguments);
    }

    private static ProcessBuilder workshop(List<String> jvmOptions, String... arguments) {
        RunningStage.buildStagesOnce();
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dworkshop.root=" + RunningStage.REPOSITORY));
        command.addAll(jvmOptions);
        command.add("com.example.workshop.local.cli.Main");
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command);
    }

    @Test
    void runServesTheStageUntilStoppedAndLeavesNoProcessBehind() throws Exception {
        Process run = workshop("run", "1", "--port", "0", "--fresh").redirectErrorStream(true).start();
        try {
            List<ProcessHandle> children = servingChildren(run);
            run.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hook stops everything
            assertTrue(run.waitFor(30, TimeUnit.SECONDS));
            assertAllExit(children, Duration.ofSeconds(10));
        } finally {
            run.destroyForcibly();
        }
    }

    /**
     * With setpriv the kernel ends the children of a killed run at once. Without it (macOS, WORKSHOP_PORTABLE=1) the
     * execution environments end as their Runtime API goes, and the next run of the stage ends the rest (dynoxide)
     * from the record the killed run left under target/, before it starts its own.
     */
    @Test
    void aKilledRunTakesItsChildProcessesWithItAndLeavesNothingInTmp(@TempDir Path tmp) throws Exception {
        Process run = workshop(List.of("-Djava.io.tmpdir=" + tmp), "run", "1", "--port", "0", "--fresh")
                .redirectErrorStream(true).start();
        List<ProcessHandle> children = servingChildren(run);
        Process nextRun = null;
        try {
            run.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(run.waitFor(10, TimeUnit.SECONDS));
            if (PortableMode.on()) {
                nextRun = workshop("run", "1", "--port", "0").redirectErrorStream(true).start();
                serving(nextRun);
            }
            assertAllExit(children, Duration.ofSeconds(5));
        } finally {
            children.forEach(ProcessHandle::destroyForcibly);
            if (nextRun != null) {
                nextRun.destroy();
                assertTrue(nextRun.waitFor(30, TimeUnit.SECONDS));
            }
        }
        try (var leftovers = Files.list(tmp)) {
            assertEquals(List.of(), leftovers.filter(file -> file.getFileName().toString().startsWith("dynoxide")).toList());
        }
        assertTrue(Files.exists(RunningStage.REPOSITORY.resolve("module-1-hello/target/local/dynoxide.log")),
                "dynoxide's log is beside its database");
    }

    @Test
    void aSecondRunOfTheStageStopsAtOnceNamingTheFirstOnesPidAndLeavesItsDataAlone() throws Exception {
        Process first = workshop("run", "1", "--port", "0").redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(first.getInputStream()));
            awaitBaseUrl(output);
            Thread.ofPlatform().daemon().start(() -> output.lines().forEach(System.out::println));

            Finished second = Finished.run(workshop("run", "1", "--port", "0", "--fresh"));

            assertEquals(1, second.exitValue(), second.stderr());
            assertTrue(second.stderr().startsWith("workshop: module-1-hello is already running locally (pid "
                    + first.pid() + ", "), second.stderr());
            assertTrue(Files.exists(RunningStage.REPOSITORY.resolve("module-1-hello/target/local/dynamodb.db")),
                    "--fresh did not delete the data of the run still going");
        } finally {
            first.destroy();
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void ctrlCStopsItWithoutTakingDynoxidesOwnExitForACrash() throws Exception {
        Process run = workshop("run", "1", "--port", "0", "--fresh").redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        List<ProcessHandle> children = servingChildren(run, output);
        try {
            // Ctrl-C: the terminal sends SIGINT to every process of its foreground group at once
            List<String> kill = new ArrayList<>(List.of("kill", "-INT", Long.toString(run.pid())));
            children.forEach(child -> kill.add(Long.toString(child.pid())));
            assertEquals(0, new ProcessBuilder(kill).inheritIO().start().waitFor());

            assertTrue(run.waitFor(30, TimeUnit.SECONDS));
            assertAllExit(children, Duration.ofSeconds(10));
            assertTrue(output.stream().noneMatch(line -> line.contains("dynoxide exited")), String.join("\n", output));
            assertTrue(output.contains("Stopped module-1-hello."), "the run says it stopped: " + output);
        } finally {
            run.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static List<ProcessHandle> servingChildren(Process run) throws Exception {
        return servingChildren(run, new CopyOnWriteArrayList<>());
    }

    /**
     * Waits for the API line, serves one page (so an execution environment runs), and returns the run's children;
     * the run's further output goes to {@code output}.
     */
    private static List<ProcessHandle> servingChildren(Process run, List<String> output) throws Exception {
        String baseUrl = serving(run, output);

        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl)).build(),
                BodyHandlers.ofString());
        assertEquals(200, response.statusCode());

        List<ProcessHandle> children = run.descendants().toList();
        assertTrue(children.size() >= 2, "dynoxide and an execution environment run: " + children);
        return children;
    }

    /** Waits for the API line and returns the API's base URL; the rest of the run's output goes to the console. */
    private static String serving(Process run) throws IOException {
        return serving(run, new CopyOnWriteArrayList<>());
    }

    private static String serving(Process run, List<String> output) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(run.getInputStream()));
        String baseUrl = awaitBaseUrl(lines);
        Thread.ofPlatform().daemon().start(() -> { // a blocking pipe read: not on a virtual thread
            try {
                lines.lines().forEach(line -> {
                    output.add(line);
                    System.out.println(line);
                });
            } catch (UncheckedIOException closed) {
                // the test stopped the run, which closes its output
            }
        });
        return baseUrl;
    }

    private static void assertAllExit(List<ProcessHandle> processes, Duration within) throws Exception {
        for (ProcessHandle process : processes) {
            String command = process.info().command().orElse("?");
            try {
                process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("still running " + within.toSeconds() + " s later: " + command);
            }
        }
    }

    private static String awaitBaseUrl(BufferedReader output) throws IOException {
        String line;
        while ((line = output.readLine()) != null) {
            System.out.println(line);
            Matcher api = API_LINE.matcher(line);
            if (api.find()) {
                return api.group(1);
            }
        }
        throw new AssertionError("`workshop run` stopped before printing its API line");
    }

    @Test
    void invokePrintsTheResponseOnStdoutAndTheLogOnStderr(@TempDir Path folder) throws Exception {
        Path stdout = folder.resolve("stdout");
        Path stderr = folder.resolve("stderr");
        Process invoke = workshop("invoke", "1", "MainFunction", "--event",
                RunningStage.REPOSITORY.resolve("module-1-hello/events/get-root-with-name.json").toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();

        assertTrue(invoke.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, invoke.exitValue(), Files.readString(stderr));
        assertTrue(Files.readString(stdout).startsWith("{\"statusCode\":200,"), Files.readString(stdout));
        String log = Files.readString(stderr);
        assertTrue(log.contains("[MainFunction] START RequestId: "), log);
        assertTrue(log.contains("[MainFunction] END RequestId: "), log);
        assertTrue(log.contains("[MainFunction] REPORT RequestId: "), log);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void askingForHelpPrintsTheUsageAndSucceeds(String help) throws Exception {
        for (ProcessBuilder command : List.of(workshop(help), launcher(help))) {
            Finished finished = Finished.run(command);

            assertEquals(0, finished.exitValue(), command.command().getFirst() + " ... " + help + ": " + finished.stderr());
            assertTrue(finished.stdout().startsWith("Usage:") && finished.stdout().contains("run <stage"), finished.stdout());
            assertEquals("", finished.stderr());
        }
    }

    @Test
    void aMissingEventFileSaysWhy() throws Exception {
        Finished finished = Finished.run(workshop("invoke", "1", "MainFunction", "--event", "/no/such/event.json"));

        assertEquals(2, finished.exitValue());
        assertTrue(finished.stderr().startsWith(
                "workshop: cannot read the event file /no/such/event.json: no such file\n"), finished.stderr());
    }

    /** The `workshop` script at the repository root, which answers help itself. */
    private static ProcessBuilder launcher(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("bash", RunningStage.REPOSITORY.resolve("workshop").toString()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command);
    }

    private record Finished(int exitValue, String stdout, String stderr) {

        /** Reads stdout and stderr on platform threads of their own: blocking pipe reads must not pin carriers. */
        static Finished run(ProcessBuilder command) throws Exception {
            Process process = command.start();
            try (var readers = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().factory())) {
                var stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), readers);
                var stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), readers);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(command.command().getLast() + ": did not finish within 60 s");
                }
                return new Finished(process.exitValue(), stdout.join(), stderr.join());
            }
        }

        private static String readAll(java.io.InputStream stream) {
            try {
                return new String(stream.readAllBytes());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void smokePassesAgainstARunningStageAndSaysSoWithExitCode0() throws Exception {
        Process run = workshop("run", "1", "--port", "0", "--fresh").redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(run.getInputStream()));
            String baseUrl = awaitBaseUrl(output);
            Thread.ofPlatform().daemon().start(() -> output.lines().forEach(System.out::println));

            Process smoke = workshop("smoke", baseUrl, "--stage", "1").redirectErrorStream(true).start();
            String printed = new String(smoke.getInputStream().readAllBytes());

            assertTrue(smoke.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, smoke.exitValue(), printed);
            List<String> lines = printed.lines().toList();
            assertEquals("Smoke checks of stage 1 at " + baseUrl, lines.getFirst());
            assertEquals("smoke: " + (lines.size() - 2) + " passed, 0 failed", lines.getLast());
        } finally {
            run.destroy();
            if (!run.waitFor(30, TimeUnit.SECONDS)) {
                run.destroyForcibly();
            }
        }
    }

    @Test
    void aWrongCallSaysHowToCallIt() throws Exception {
        Process wrong = workshop("run", "9").redirectErrorStream(true).start();
        String output = new String(wrong.getInputStream().readAllBytes());

        assertTrue(wrong.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, wrong.exitValue());
        assertTrue(output.contains("Unknown stage '9'"), output);
        assertTrue(output.contains("./workshop run <stage>"), output);
    }
}
