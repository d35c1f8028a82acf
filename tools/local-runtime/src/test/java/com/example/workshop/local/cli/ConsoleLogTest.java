package com.example.workshop.local.cli;

import com.example.workshop.local.deploy.StageBuild;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The runtime's log on the console: the lines a person has seen so far, and the JVM's handlers given back. */
class ConsoleLogTest {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void theAccessLogBuildAndNotesPrintAsTheyAreTheServicesWithTheirLevel() {
        List<Handler> before = List.of(Logger.getLogger("").getHandlers());
        try (ConsoleLog unused = ConsoleLog.on(new PrintStream(console, true, StandardCharsets.UTF_8))) {
            System.getLogger("com.example.workshop.local.apigateway.RestApi").log(Level.INFO, "[API] GET /Prod/ 200 12 ms (MainFunction)");
            System.getLogger("com.example.workshop.local.deploy.LocalDeployment").log(Level.INFO, "Note: SnapStart has no effect locally");
            System.getLogger("com.example.workshop.local.iam.DynamoDbIamProxy").log(Level.INFO, "IAM proxy for DynamoDB listening on {0}", "x");
            System.getLogger("com.example.workshop.local.streams.ShardConsumer").log(Level.ERROR, "SKIPPING 2 records");
        }

        assertEquals(List.of("[API] GET /Prod/ 200 12 ms (MainFunction)", "Note: SnapStart has no effect locally",
                "INFO: IAM proxy for DynamoDB listening on x", "SEVERE: SKIPPING 2 records"), lines());
        assertEquals(before, List.of(Logger.getLogger("").getHandlers()));
    }

    @Test
    void checkShowsTheBuildAndWarningsIndentedNotTheRequestsNorTheServicesInfo() {
        try (ConsoleLog unused = ConsoleLog.forCheck(new PrintStream(console, true, StandardCharsets.UTF_8))) {
            System.getLogger(StageBuild.class.getName()).log(Level.INFO, "Building my-workshop ...");
            System.getLogger("com.example.workshop.local.apigateway.RestApi").log(Level.INFO, "[API] GET /Prod/ 200 12 ms (MainFunction)");
            System.getLogger("com.example.workshop.local.streams.ShardConsumer").log(Level.INFO, "batch of 2: OK");
            System.getLogger("com.example.workshop.local.iam.CallAuthorizer").log(Level.WARNING, "ACCESS DENIED");
        }

        assertEquals(List.of("  Building my-workshop ...", "  WARNING: ACCESS DENIED"), lines());
        assertEquals(java.util.logging.Level.INFO, Logger.getLogger("").getLevel(), "the JVM's level is given back");
    }

    private List<String> lines() {
        return console.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
