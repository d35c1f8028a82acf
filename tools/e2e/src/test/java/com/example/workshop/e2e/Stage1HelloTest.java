package com.example.workshop.e2e;

import com.example.workshop.local.process.PortableMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stage 1 served as `./workshop run 1` serves it: the hello function echoes the event API Gateway built. */
class Stage1HelloTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningStage stage;

    @BeforeAll
    static void start() {
        stage = RunningStage.start("1");
    }

    @AfterAll
    static void stop() {
        stage.close();
    }

    @Test
    void itPassesTheSmokeChecksUnderProdAndAtTheRoot() {
        RunningStage.assertPassesChecks(1, stage.baseUrl());
        RunningStage.assertPassesChecks(1, stage.root() + "/");
    }

    @Test
    void atTheRootTheEventIsTheOneOfProd() throws Exception {
        JsonNode event = JSON.readTree(stage.get("/?name=Lambda").body()).get("event");

        assertEquals("Prod", event.at("/requestContext/stage").asText());
        assertEquals("/Prod/", event.at("/requestContext/path").asText());
    }

    @Test
    void theEventHasEveryFieldOfARealApiGatewayEvent() throws Exception {
        JsonNode echoed = JSON.readTree(stage.get("/Prod/").body()).get("event");
        JsonNode real = JSON.readTree(RunningStage.REPOSITORY.resolve("module-1-hello/events/get-root.json").toFile());

        assertTrue(fieldsWithValues(echoed).containsAll(fieldsWithValues(real)),
                "missing: " + missing(fieldsWithValues(real), fieldsWithValues(echoed)));
        assertTrue(echoed.get("queryStringParameters").isNull());
        assertTrue(echoed.get("pathParameters").isNull());
        assertTrue(echoed.get("body").isNull());
    }

    @Test
    void eachInvocationIsLoggedAsLambdaLogsIt() {
        stage.get("/Prod/");

        assertTrue(stage.functionLog.lines().stream().anyMatch(line -> line.startsWith("START RequestId: ")));
        assertTrue(stage.functionLog.lines().stream().anyMatch(line -> line.matches(
                "REPORT RequestId: \\S+\tDuration: [\\d.]+ ms\tBilled Duration: \\d+ ms\tMemory Size: 512 MB"
                        + (PortableMode.on() ? "" : "\tMax Memory Used: [1-9]\\d* MB") + "\t.*")));
        assertTrue(stage.platformLog.lines().stream().anyMatch(line -> line.matches("INFO \\[API] GET /Prod/ 200 \\d+ ms \\(MainFunction\\)")),
                stage.platformLog.lines().toString());
    }

    /** Paths of the fields that hold a value (not null), e.g. requestContext.identity.sourceIp. */
    private static Set<String> fieldsWithValues(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths) {
        node.properties().forEach(entry -> {
            String path = prefix + entry.getKey();
            if (entry.getValue().isObject() && !Set.of("headers", "multiValueHeaders").contains(entry.getKey())) {
                collect(entry.getValue(), path + ".", paths);
            } else if (!entry.getValue().isNull()) {
                paths.add(path);
            }
        });
    }

    private static Set<String> missing(Set<String> expected, Set<String> actual) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        return missing;
    }
}
