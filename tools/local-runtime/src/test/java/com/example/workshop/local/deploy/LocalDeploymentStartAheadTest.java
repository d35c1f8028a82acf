package com.example.workshop.local.deploy;

import com.example.workshop.local.lambda.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./workshop run} starts the API functions' environments before its API serves the first visit. */
class LocalDeploymentStartAheadTest {

    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    private static final String HANDLER = "com.example.workshop.MainHandler::handleRequest";

    @Test
    void theFirstVisitFindsTheEnvironmentStartedBeforeTheApiWasUpAndReportsItsInit(@TempDir Path data) throws Exception {
        CapturedLog log = new CapturedLog();
        LocalDeployment.Options options = new LocalDeployment.Options(data.resolve("dynamodb.db"), 0, true, 4, log);
        try (LocalDeployment deployment = LocalDeployment.startServing(Stage.resolve(REPOSITORY, "1"), options)) {
            List<Long> startedAhead = functionJvms();

            int status = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(deployment.api().baseUrl())).build(), BodyHandlers.ofString())
                    .statusCode();

            assertEquals(1, startedAhead.size(), "MainFunction's JVM runs once the deployment is up: " + startedAhead);
            assertEquals(200, status);
            assertEquals(startedAhead, functionJvms(), "the first visit used the environment started ahead");
            assertTrue(log.linesStartingWith("REPORT RequestId: ").getFirst().contains("Init Duration"),
                    "the first visit still reports its init");
        }
    }

    private static List<Long> functionJvms() {
        return ProcessHandle.current().descendants()
                .filter(child -> child.info().commandLine().orElse("").contains(HANDLER))
                .map(ProcessHandle::pid).toList();
    }
}
