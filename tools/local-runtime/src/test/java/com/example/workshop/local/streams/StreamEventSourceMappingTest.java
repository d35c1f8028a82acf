package com.example.workshop.local.streams;

import com.example.workshop.local.PackageLog;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.example.workshop.local.dynamodb.DynamoDbEngine;
import com.example.workshop.local.dynamodb.DynoxideKiller;
import com.example.workshop.local.lambda.InvocationResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromB;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBs;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromNs;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromNul;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromSs;

class StreamEventSourceMappingTest {

    private static final PollingSettings FAST_RETRIES = new PollingSettings(
            PollingSettings.DEFAULT.pollInterval(), Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1));
    private static final AtomicInteger TABLES = new AtomicInteger();

    private static DynamoDbEngine dynamoDb;
    private String table;
    private String streamArn;

    @BeforeAll
    static void startDynoxide() {
        dynamoDb = DynamoDbEngine.dynoxide(null);
    }

    @AfterAll
    static void stopDynoxide() {
        dynamoDb.close();
    }

    /** Each test gets its own table, hence its own stream. */
    @BeforeEach
    void createTable() {
        table = "visits-" + TABLES.incrementAndGet();
        streamArn = dynamoDb.client().createTable(request -> request
                .tableName(table)
                .attributeDefinitions(definition -> definition.attributeName("ID").attributeType(ScalarAttributeType.S))
                .keySchema(key -> key.attributeName("ID").keyType(KeyType.HASH))
                .billingMode("PAY_PER_REQUEST")
                .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription().latestStreamArn();
    }

    @Test
    void deliversVisitsInOrderAsTheDynamodbEventLambdaWouldHandTheHandler() throws Exception {
        visit("/", 1);
        visit("/about", 1);
        visit("/", 2);
        RecordingFunction function = RecordingFunction.succeeding();

        try (var mapping = start(config(StartingPosition.TRIM_HORIZON).withAwsRegion("eu-west-1"), function)) {
            RecordingFunction.Invocation invocation = function.next();

            List<DynamodbEvent.DynamodbStreamRecord> records = invocation.event().getRecords();
            assertEquals(List.of("/", "/about", "/"), invocation.keys());
            assertEquals(List.of("INSERT", "INSERT", "MODIFY"), records.stream().map(r -> r.getEventName()).toList());
            DynamodbEvent.DynamodbStreamRecord modify = records.get(2);
            assertEquals("1", modify.getDynamodb().getOldImage().get("Visits").getN());
            assertEquals("2", modify.getDynamodb().getNewImage().get("Visits").getN());
            assertEquals(Map.of("ID", new AttributeValue().withS("/")), modify.getDynamodb().getKeys());
            assertEquals("NEW_AND_OLD_IMAGES", modify.getDynamodb().getStreamViewType());
            assertEquals(streamArn, modify.getEventSourceARN());
            assertEquals("eu-west-1", modify.getAwsRegion());
            assertEquals("aws:dynamodb", modify.getEventSource());
            assertEquals("1.1", modify.getEventVersion());
            Instant created = modify.getDynamodb().getApproximateCreationDateTime().toInstant();
            assertTrue(Duration.between(created, Instant.now()).abs().toMinutes() < 1, "creation time " + created);
            assertTrue(invocation.payload().matches(".*\"ApproximateCreationDateTime\":\\d+,.*"), invocation.payload());
            assertIncreasing(records.stream().map(r -> r.getDynamodb().getSequenceNumber()).toList());
        }
    }

    @Test
    void everyAttributeTypeKeepsItsWireForm() throws Exception {
        dynamoDb.client().putItem(request -> request.tableName(table).item(Map.of(
                "ID", fromS("/types"),
                "Bytes", fromB(SdkBytes.fromByteArray(new byte[]{1, 2, 3})),
                "Tags", fromSs(List.of("java", "sam")),
                "Counts", fromNs(List.of("1", "2.5")),
                "Blobs", fromBs(List.of(SdkBytes.fromByteArray(new byte[]{9}))),
                "Nested", fromM(Map.of("Inner", fromN("42"))),
                "History", fromL(List.of(fromS("a"),
                        fromL(List.of()))),
                "Active", fromBool(true),
                "Nothing", fromNul(true))));
        RecordingFunction function = RecordingFunction.succeeding();

        try (var mapping = start(config(StartingPosition.TRIM_HORIZON), function)) {
            RecordingFunction.Invocation invocation = function.next();

            Map<String, AttributeValue> image = invocation.event().getRecords().getFirst().getDynamodb().getNewImage();
            assertEquals(ByteBuffer.wrap(new byte[]{1, 2, 3}), image.get("Bytes").getB());
            assertEquals(List.of("java", "sam"), image.get("Tags").getSS().stream().sorted().toList());
            assertEquals(List.of("1", "2.5"), image.get("Counts").getNS().stream().sorted().toList());
            assertEquals(List.of(ByteBuffer.wrap(new byte[]{9})), image.get("Blobs").getBS());
            assertEquals("42", image.get("Nested").getM().get("Inner").getN());
            assertEquals("a", image.get("History").getL().get(0).getS());
            assertEquals(List.of(), image.get("History").getL().get(1).getL());
            assertEquals(true, image.get("Active").getBOOL());
            assertEquals(true, image.get("Nothing").isNULL());
            assertTrue(invocation.payload().contains("\"Bytes\":{\"B\":\"AQID\"}"), invocation.payload());
        }
    }

    @Test
    void batchSizeCapsEachInvocation() throws Exception {
        visits(7);
        RecordingFunction function = RecordingFunction.succeeding();

        try (var mapping = start(config(StartingPosition.TRIM_HORIZON).withBatchSize(3), function)) {
            assertEquals(List.of(List.of("/1", "/2", "/3"), List.of("/4", "/5", "/6"), List.of("/7")),
                    function.batchesUntil(7));
        }
    }

    @Test
    void batchingWindowWaitsToFillABatch() throws Exception {
        RecordingFunction function = RecordingFunction.succeeding();
        var config = config(StartingPosition.LATEST).withBatchSize(10).withMaximumBatchingWindow(Duration.ofSeconds(1));

        try (var mapping = start(config, function)) {
            for (int page = 1; page <= 3; page++) {
                visit("/" + page, 1);
                Thread.sleep(100);
            }
            assertEquals(List.of(List.of("/1", "/2", "/3")), function.batchesUntil(3));
        }
    }

    @Test
    void latestSkipsWhatWasWrittenBeforeTheMappingStarted() throws Exception {
        visit("/before", 1);
        RecordingFunction function = RecordingFunction.succeeding();

        try (var mapping = start(config(StartingPosition.LATEST), function)) {
            visit("/after", 1);
            assertEquals(List.of(List.of("/after")), function.batchesUntil(1));
        }
    }

    @Test
    void reportedItemFailureIsRetriedFromItsSequenceNumberWithoutRedeliveringEarlierRecords() throws Exception {
        visits(5);
        AtomicInteger calls = new AtomicInteger();
        RecordingFunction function = new RecordingFunction(invocation -> calls.incrementAndGet() == 1
                ? batchItemFailure(invocation.event().getRecords().get(2).getDynamodb().getSequenceNumber())
                : InvocationResult.success("request", "{\"batchItemFailures\":[]}"));

        try (var mapping = start(config(StartingPosition.TRIM_HORIZON).withReportBatchItemFailures(true), function)) {
            assertEquals(List.of("/1", "/2", "/3", "/4", "/5"), function.next().keys());
            assertEquals(List.of("/3", "/4", "/5"), function.next().keys());
            function.assertNoMoreInvocations(Duration.ofMillis(300));
        }
    }

    @Test
    void unknownItemIdentifierFailsTheWholeBatch() throws Exception {
        visits(2);
        AtomicInteger calls = new AtomicInteger();
        RecordingFunction function = new RecordingFunction(invocation -> calls.incrementAndGet() == 1
                ? batchItemFailure("not-a-sequence-number")
                : InvocationResult.success("request", "{}"));

        try (var mapping = start(config(StartingPosition.TRIM_HORIZON).withReportBatchItemFailures(true), function)) {
            assertEquals(List.of("/1", "/2"), function.next().keys());
            assertEquals(List.of("/1", "/2"), function.next().keys());
        }
    }

    @Test
    void bisectsAFailingBatchUntilThePoisonRecordIsAloneThenSkipsItLoudly() throws Exception {
        visits(4);
        RecordingFunction function = new RecordingFunction(invocation -> invocation.keys().contains("/3")
                ? InvocationResult.unhandledError("request", "{\"errorMessage\":\"poison\"}")
                : InvocationResult.success("request", "null"));
        var config = config(StartingPosition.TRIM_HORIZON).withBisectBatchOnFunctionError(true).withMaximumRetryAttempts(0);

        try (var log = new PackageLog("com.example.workshop.local.streams"); var mapping = start(config, function)) {
            List<List<String>> batches = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batches.add(function.next().keys());
            }
            assertEquals(List.of(List.of("/1", "/2", "/3", "/4"), List.of("/1", "/2"), List.of("/3", "/4"),
                    List.of("/3"), List.of("/4")), batches);
            assertTrue(log.lines().stream().anyMatch(line -> line.startsWith("SEVERE") && line.contains("SKIPPING 1 records")),
                    "log: " + log.lines());
        }
    }

    @Test
    void afterMaximumRetryAttemptsTheRecordsAreSkippedWithTheirSequenceNumbersLogged() throws Exception {
        visits(2);
        RecordingFunction function = new RecordingFunction(invocation -> invocation.keys().contains("/1")
                ? InvocationResult.unhandledError("request", "{\"errorMessage\":\"boom\"}")
                : InvocationResult.success("request", "null"));

        try (var log = new PackageLog("com.example.workshop.local.streams");
             var mapping = start(config(StartingPosition.TRIM_HORIZON).withMaximumRetryAttempts(2), function)) {
            List<String> firstTry = function.next().keys();
            String sequenceNumbers = function.next().event().getRecords().stream()
                    .map(r -> r.getDynamodb().getSequenceNumber()).toList().toString();
            function.next();
            visit("/3", 1);

            assertEquals(List.of("/1", "/2"), firstTry);
            assertEquals(List.of(List.of("/3")), function.batchesUntil(1));
            assertTrue(log.lines().stream().anyMatch(line -> line.startsWith("SEVERE")
                    && line.contains("SKIPPING 2 records after 2 retries") && line.contains(sequenceNumbers)),
                    "log: " + log.lines());
        }
    }

    @Test
    void aRestartWithTheSameCheckpointsCarriesOnWhereTheLastRunStopped(@TempDir Path folder) throws Exception {
        Path checkpointFile = folder.resolve("streams.properties");
        visits(2);
        RecordingFunction firstRun = RecordingFunction.succeeding();
        try (var mapping = start(config(StartingPosition.TRIM_HORIZON), firstRun, Checkpoints.file(checkpointFile))) {
            assertEquals(List.of(List.of("/1", "/2")), firstRun.batchesUntil(2));
        }
        visit("/3", 1);
        RecordingFunction secondRun = RecordingFunction.succeeding();

        try (var mapping = start(config(StartingPosition.TRIM_HORIZON), secondRun, Checkpoints.file(checkpointFile))) {
            assertEquals(List.of(List.of("/3")), secondRun.batchesUntil(1));
        }
    }

    @Test
    void streamLagFromWriteToInvocation() throws Exception {
        RecordingFunction function = RecordingFunction.succeeding();
        List<Long> lagsMicros = new ArrayList<>();

        try (var mapping = start(config(StartingPosition.LATEST), function)) {
            for (int page = 1; page <= 20; page++) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(PollingSettings.DEFAULT.pollInterval().toMillis()));
                long written = System.nanoTime();
                visit("/" + page, 1);
                RecordingFunction.Invocation invocation = function.next();
                assertEquals(List.of("/" + page), invocation.keys());
                lagsMicros.add((invocation.nanoTime() - written) / 1000);
            }
        }
        System.out.printf("stream lag write -> invoke: p50 %d ms, max %d ms (poll interval %d ms)%n",
                percentile(lagsMicros, 50) / 1000, percentile(lagsMicros, 100) / 1000,
                PollingSettings.DEFAULT.pollInterval().toMillis());
    }

    @Test
    void aBatchThatFailedWhileDynamoDbWasDownIsDeliveredAgainWithoutSpendingARetry(@TempDir Path folder) throws Exception {
        try (PackageLog log = new PackageLog("com.example.workshop.local.streams"); DynamoDbEngine engine = DynamoDbEngine.dynoxide(folder.resolve("db"))) {
            String arn = engine.client().createTable(request -> request
                    .tableName("outage")
                    .attributeDefinitions(definition -> definition.attributeName("ID").attributeType(ScalarAttributeType.S))
                    .keySchema(key -> key.attributeName("ID").keyType(KeyType.HASH))
                    .billingMode("PAY_PER_REQUEST")
                    .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
                    .tableDescription().latestStreamArn();
            engine.client().putItem(request -> request.tableName("outage").item(Map.of("ID", fromS("/1"))));
            AtomicBoolean first = new AtomicBoolean(true);
            RecordingFunction function = new RecordingFunction(invocation -> {
                if (first.getAndSet(false)) {
                    killDynoxide(engine);
                    return InvocationResult.unhandledError("request", "{\"errorType\":\"SdkClientException\","
                            + "\"errorMessage\":\"Unable to execute HTTP request: Connection refused\"}");
                }
                return InvocationResult.success("request", "null");
            });
            EventSourceMappingConfig noRetries = EventSourceMappingConfig.of("StreamProcessorFunction", arn,
                    StartingPosition.TRIM_HORIZON).withMaximumRetryAttempts(0);

            try (var mapping = StreamEventSourceMapping.start(engine.streamsClient(), noRetries, function,
                    Checkpoints.inMemory(), FAST_RETRIES, engine.status())) {
                assertEquals(List.of("/1"), function.next().keys(), "failed while dynoxide was down");
                assertEquals(List.of("/1"), function.next().keys(), "delivered again once it served");
            }
            assertTrue(log.lines().stream().noneMatch(line -> line.contains("SKIPPING")), log.lines().toString());
            assertTrue(log.lines().stream().anyMatch(line -> line.contains("while DynamoDB was down; not counted as a retry")),
                    log.lines().toString());
        }
    }

    private static void killDynoxide(DynamoDbEngine engine) {
        try {
            DynoxideKiller.kill(engine);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private StreamEventSourceMapping start(EventSourceMappingConfig config, RecordingFunction function) {
        return start(config, function, Checkpoints.inMemory());
    }

    private StreamEventSourceMapping start(EventSourceMappingConfig config, RecordingFunction function,
                                           Checkpoints checkpoints) {
        return StreamEventSourceMapping.start(dynamoDb.streamsClient(), config, function, checkpoints, FAST_RETRIES);
    }

    private EventSourceMappingConfig config(StartingPosition position) {
        return EventSourceMappingConfig.of("StreamProcessorFunction", streamArn, position);
    }

    private void visits(int pages) {
        IntStream.rangeClosed(1, pages).forEach(page -> visit("/" + page, 1));
    }

    private void visit(String page, int visits) {
        dynamoDb.client().putItem(request -> request.tableName(table)
                .item(Map.of("ID", fromS(page), "Visits", fromN(String.valueOf(visits)))));
    }

    private static InvocationResult batchItemFailure(String itemIdentifier) {
        return InvocationResult.success("request",
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + itemIdentifier + "\"}]}");
    }

    private static void assertIncreasing(List<String> sequenceNumbers) {
        for (int i = 1; i < sequenceNumbers.size(); i++) {
            assertTrue(new BigInteger(sequenceNumbers.get(i - 1)).compareTo(new BigInteger(sequenceNumbers.get(i))) < 0,
                    "sequence numbers out of order: " + sequenceNumbers);
        }
    }

    private static long percentile(List<Long> values, int percentile) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100));
    }
}
