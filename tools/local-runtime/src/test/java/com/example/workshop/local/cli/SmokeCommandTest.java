package com.example.workshop.local.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `./workshop smoke` must fail, clearly, against anything that is not the stage it checks. */
class SmokeCommandTest {

    private static HttpServer okToEverything;

    @BeforeAll
    static void start() throws IOException {
        okToEverything = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        okToEverything.createContext("/", exchange -> {
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        okToEverything.start();
    }

    @AfterAll
    static void stop() {
        okToEverything.stop(0);
    }

    @Test
    void everyStageFailsAgainstAServerThatAnswersOkToEverything() {
        String url = "http://127.0.0.1:" + okToEverything.getAddress().getPort() + "/Prod/";
        for (int stage = 1; stage <= 4; stage++) {
            Run run = smoke(url, Integer.toString(stage));

            assertEquals(1, run.exitCode(), run.output());
            List<String> checks = run.lines().subList(1, run.lines().size() - 1);
            assertTrue(checks.stream().allMatch(line -> line.startsWith("FAIL  ")), run.output());
            assertEquals("smoke: 0 passed, " + checks.size() + " failed", run.lines().getLast());
        }
    }

    @Test
    void eachLineSaysWhatWasSentExpectedAndGot() {
        String url = "http://127.0.0.1:" + okToEverything.getAddress().getPort() + "/Prod";

        Run run = smoke(url, "module-4-streams");

        assertEquals("Smoke checks of stage 4 at " + url + "/", run.lines().getFirst());
        assertEquals("FAIL  hello | sent GET /Prod/ | expected status 200, message = \"Hello, world!\" | got a body that is"
                + " not JSON: \"ok\"", run.lines().get(1));
        assertTrue(run.output().contains("FAIL  reserved tag refused | sent GET /Prod/tags/COUNTER | expected status 400,"
                + " Content-Type text/plain | got status 200, body \"ok\""), run.output());
    }

    @Test
    void noServerIsAFailedCheckNotACrash() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Run run = smoke("http://127.0.0.1:" + closedPort + "/Prod/", "1");

        assertEquals(1, run.exitCode());
        assertTrue(run.lines().subList(1, run.lines().size() - 1).stream()
                .allMatch(line -> line.endsWith("| got no answer (connection refused)")), run.output());
    }

    @Test
    void aWrongUrlOrStageIsExplained() {
        assertEquals("--stage takes 1 to 4 (or a folder such as module-3-counter), got '5'",
                assertThrows(UsageException.class, () -> smoke("http://127.0.0.1:1/Prod/", "5")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> smoke("abc123.execute-api.us-east-1.amazonaws.com", "1"))
                .getMessage().startsWith("expected the API's base URL, such as https://"));
    }

    private static Run smoke(String url, String stage) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode = SmokeCommand.run(url, stage, Duration.ofSeconds(5), new PrintStream(output, true, StandardCharsets.UTF_8));
        return new Run(exitCode, output.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }
}
