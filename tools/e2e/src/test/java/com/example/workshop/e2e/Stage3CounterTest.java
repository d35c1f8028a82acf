package com.example.workshop.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stage 3: the visit counter, under concurrent load, and the smoke checks. */
class Stage3CounterTest {

    private static RunningStage stage;

    @BeforeAll
    static void start() {
        stage = RunningStage.start("3");
    }

    @AfterAll
    static void stop() {
        stage.close();
    }

    @Test
    void sixtyFourConcurrentVisitsAreAllCounted() {
        List<Integer> statuses;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Integer>> visits = IntStream.range(0, 64)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> stage.get("/Prod/tags/x").statusCode(), executor))
                    .toList();
            statuses = visits.stream().map(CompletableFuture::join).toList();
        }

        assertEquals(List.of(200), statuses.stream().distinct().toList());
        String counts = stage.get("/Prod/counts/x").body();
        assertTrue(counts.contains("The tag \"x\" has 64 total visits."), counts);
        assertTrue(stage.functionLog.lines().stream().filter(line -> line.contains("Init Duration")).count() > 2,
                "several execution environments served the visits");
    }

    /** Counts, links, escaping and bad tags: the checks `./workshop smoke` runs against a deployed stage 3. */
    @Test
    void itPassesTheSmokeChecks() {
        RunningStage.assertPassesChecks(3, stage.baseUrl());
    }

    /** Before the fix, %FF and %FE both counted as the tag U+FFFD, and %00 went raw into the page. */
    @Test
    void tagsThatAreNotUtf8OrHoldControlCharactersAre400sThatWriteNothing() {
        stage.get("/Prod/tags/before");
        List<Map<String, AttributeValue>> itemsBefore = items();

        for (String path : List.of("/Prod/tags/%FF", "/Prod/tags/%FE", "/Prod/tags/a%00b", "/Prod/counts/%FF")) {
            var response = stage.get(path);
            assertEquals(400, response.statusCode(), path);
            assertTrue(response.body().contains("UTF-8") || response.body().contains("control character"),
                    path + ": " + response.body());
        }
        assertEquals(itemsBefore, items());
    }

    private static List<Map<String, AttributeValue>> items() {
        String table = stage.deployment.tables().get("DynamoDBTable").name();
        return stage.deployment.dynamoDb().client().scan(scan -> scan.tableName(table).consistentRead(true)).items();
    }
}
