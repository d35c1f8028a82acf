package com.example.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.example.workshop.testing.LocalDynamoDb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stream processor on real stream records: visits go through {@link RecordVisitHandler}, the records are read
 * back from the table's stream, and the batch is handed to the processor as Lambda would.
 */
class StreamProcessorDynamoDbTest {

    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.fromTemplate("template.yaml");

    private static TableStream stream;

    private final String tableName = dynamo.tableName("DynamoDBTable");
    private final RecordVisitHandler recordVisit = new RecordVisitHandler(dynamo.client(), tableName);
    private final StreamProcessorHandler processor = new StreamProcessorHandler(dynamo.client(), tableName);

    @BeforeAll
    static void openStream() {
        stream = new TableStream(dynamo.streamsClient(), dynamo.streamArn("DynamoDBTable"));
    }

    /** Each test reads only the records it caused. */
    @BeforeEach
    void skipEarlierRecords() {
        stream.nextBatch();
    }

    @Test
    void addsTheVisitsAndIgnoresTheCounterAndRemovals() {
        visit("news");
        process(stream.nextBatch());
        long before = totalViews();

        visit("news");
        visit("news");
        visit("weather");
        dynamo.client().deleteItem(delete -> delete.tableName(tableName).key(key("weather")));
        DynamodbEvent batch = stream.nextBatch();

        assertEquals(List.of("COUNTER", "news", "news", "weather", "weather"), ids(batch));
        assertEquals(List.of(), process(batch));
        assertEquals(before + 3, totalViews());
    }

    @Test
    void aBatchWithoutVisitsWritesNothing() {
        visit("quiet");
        process(stream.nextBatch());
        dynamo.client().deleteItem(delete -> delete.tableName(tableName).key(key("quiet")));
        DynamodbEvent counterChangeAndRemoval = stream.nextBatch();
        Map<String, AttributeValue> counterBefore = counterItem();

        assertEquals(List.of(), process(counterChangeAndRemoval));

        assertEquals(counterBefore, counterItem());
        assertTrue(stream.nextBatch().getRecords().isEmpty(), "no write, so no new stream record");
    }

    @Test
    void aBatchDeliveredTwiceCountsOnce() {
        long before = totalViews();
        visit("again");
        visit("again");
        DynamodbEvent batch = stream.nextBatch();

        process(batch);
        process(batch);

        assertEquals(before + 2, totalViews());
    }

    @Test
    void afterAnUnreadableRecordTheRetryCountsTheRest() {
        long before = totalViews();
        visit("first");
        visit("second");
        visit("third");
        List<DynamodbStreamRecord> records = stream.nextBatch().getRecords();
        var keys = records.get(1).getDynamodb().getKeys();
        records.get(1).getDynamodb().setKeys(null);

        List<String> failures = process(batchOf(records));

        assertEquals(sequenceNumbers(records.subList(1, 3)), failures);
        assertEquals(before + 1, totalViews(), "only the record before the unreadable one");

        records.get(1).getDynamodb().setKeys(keys);
        assertEquals(List.of(), process(batchOf(records.subList(1, 3))), "Lambda retries from the failed record");
        assertEquals(before + 3, totalViews());
    }

    @ParameterizedTest
    @Event(value = "events/stream-poison-record.json", type = DynamodbEvent.class)
    void thePoisonRecordFixtureIsReportedWithTheRecordsAfterIt(DynamodbEvent event) {
        long before = totalViews();

        List<String> failures = process(event);

        assertEquals(sequenceNumbers(event.getRecords().subList(1, 3)), failures);
        assertEquals(before + 1, totalViews());
    }

    @ParameterizedTest
    @Event(value = "events/get-counts.json", type = APIGatewayProxyRequestEvent.class)
    void theCountsPageShowsTheTotal(APIGatewayProxyRequestEvent view) {
        visit("technology");
        process(stream.nextBatch());

        String page = new ViewCountsHandler(dynamo.client(), tableName).handleRequest(view, null).getBody();

        assertTrue(page.contains("<h1>The tag \"technology\" has 1 total visits.</h1>"), page);
        assertTrue(page.contains("<h2>You have " + totalViews() + " visits across all pages.</h2>"), page);
    }

    private void visit(String tag) {
        APIGatewayProxyRequestEvent visit = new APIGatewayProxyRequestEvent().withPathParameters(Map.of("tag", tag));
        assertEquals(200, recordVisit.handleRequest(visit, null).getStatusCode());
    }

    /** Runs the processor; returns the sequence numbers it reported as failed. */
    private List<String> process(DynamodbEvent batch) {
        StreamsEventResponse response = processor.handleRequest(batch, null);
        return response.getBatchItemFailures().stream().map(BatchItemFailure::getItemIdentifier).toList();
    }

    private Map<String, AttributeValue> counterItem() {
        return dynamo.client().getItem(get -> get.tableName(tableName).key(key(Tag.COUNTER_KEY)).consistentRead(true))
                .item();
    }

    private long totalViews() {
        AttributeValue total = counterItem().get("TotalViews");
        return total == null ? 0 : Long.parseLong(total.n());
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("ID", AttributeValue.fromS(id));
    }

    private static DynamodbEvent batchOf(List<DynamodbStreamRecord> records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }

    private static List<String> ids(DynamodbEvent batch) {
        return batch.getRecords().stream().map(record -> record.getDynamodb().getKeys().get("ID").getS()).toList();
    }

    private static List<String> sequenceNumbers(List<DynamodbStreamRecord> records) {
        return records.stream().map(record -> record.getDynamodb().getSequenceNumber()).toList();
    }
}
