package com.example.workshop.local.e2e;

import com.example.workshop.local.process.PortableMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.List;
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
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dworkshop.root=" + RunningStage.REPOSITORY,
                "com.example.workshop.local.cli.Main"));
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
    void aKilledRunTakesItsChildProcessesWithIt() throws Exception {
        Process run = workshop("run", "1", "--port", "0", "--fresh").redirectErrorStream(true).start();
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
    }

    /** Waits for the API line, serves one page (so an execution environment runs), and returns the run's children. */
    private static List<ProcessHandle> servingChildren(Process run) throws Exception {
        String baseUrl = serving(run);

        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl)).build(),
                BodyHandlers.ofString());
        assertEquals(200, response.statusCode());

        List<ProcessHandle> children = run.descendants().toList();
        assertTrue(children.size() >= 2, "dynoxide and an execution environment run: " + children);
        return children;
    }

    /** Waits for the API line and returns the API's base URL; the rest of the run's output goes to the console. */
    private static String serving(Process run) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(run.getInputStream()));
        String baseUrl = awaitBaseUrl(output);
        Thread.ofPlatform().daemon().start(() -> { // a blocking pipe read: not on a virtual thread
            try {
                output.lines().forEach(System.out::println);
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
