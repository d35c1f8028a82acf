package com.example.workshop.e2e;

import com.example.workshop.local.PackageLog;
import com.example.workshop.local.dynamodb.DynoxideKiller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dynoxide killed ({@code kill -9}) in the middle of concurrent visits: the visits caught by it fail, then the
 * stage serves again on its own, and the stream processor's total ends equal to the sum of the counts.
 */
class Stage4DynoxideCrashTest {

    private static final int VISITS = 160;
    private static final int KILL_AFTER = 40;
    private static final Duration COMES_BACK_WITHIN = Duration.ofSeconds(60);
    private static final Duration STREAM_LAG = Duration.ofSeconds(90);

    @Test
    void theStageServesAgainAndTheTotalIsExact(@TempDir Path folder) throws Exception {
        try (PackageLog engineLog = new PackageLog("com.example.workshop.local.dynamodb");
             RunningStage stage = RunningStage.start("4", folder.resolve("dynamodb.db"))) {
            assertEquals(200, stage.get("/Prod/tags/warm").statusCode());

            List<Integer> statuses = visitsKillingDynoxideMidway(stage);

            assertTrue(eventually(COMES_BACK_WITHIN, () -> stage.get("/Prod/tags/after").statusCode() == 200),
                    "still failing " + COMES_BACK_WITHIN + " after the load; statuses " + statuses + "\n"
                            + engineLog.lines());
            DynamoDbClient dynamoDb = stage.deployment.dynamoDb().client();
            String table = stage.deployment.tables().get("DynamoDBTable").name();
            eventually(STREAM_LAG, () -> totalViews(dynamoDb, table) == sumOfCounts(dynamoDb, table));
            assertEquals(sumOfCounts(dynamoDb, table), totalViews(dynamoDb, table), "TotalViews against the counts");
            assertTrue(engineLog.lines().getFirst().startsWith("WARNING dynoxide exited (exit status 137"),
                    engineLog.lines().toString());
            assertTrue(stage.functionLog.lines().stream().noneMatch(line -> line.startsWith("\tat ")),
                    "a failed request logs one line, not a stack trace");
        }
    }

    private static List<Integer> visitsKillingDynoxideMidway(RunningStage stage) throws Exception {
        AtomicInteger answered = new AtomicInteger();
        List<Future<Integer>> visits = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < VISITS; i++) {
                String tag = "crash-" + i % 5;
                visits.add(clients.submit(() -> {
                    int status = stage.get("/Prod/tags/" + tag).statusCode();
                    answered.incrementAndGet();
                    return status;
                }));
            }
            eventually(COMES_BACK_WITHIN, () -> answered.get() >= KILL_AFTER);
            DynoxideKiller.kill(stage.deployment.dynamoDb().endpoint());
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> visit : visits) {
                statuses.add(visit.get());
            }
            return statuses;
        }
    }

    private static long totalViews(DynamoDbClient dynamoDb, String table) {
        AttributeValue total = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
                .key(Map.of("ID", AttributeValue.fromS("COUNTER")))).item().get("TotalViews");
        return total == null ? 0 : Long.parseLong(total.n());
    }

    private static long sumOfCounts(DynamoDbClient dynamoDb, String table) {
        return dynamoDb.scanPaginator(request -> request.tableName(table).consistentRead(true)).items().stream()
                .filter(item -> item.containsKey("Count"))
                .mapToLong(item -> Long.parseLong(item.get("Count").n()))
                .sum();
    }

    private static boolean eventually(Duration within, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(250);
        }
        return true;
    }
}
