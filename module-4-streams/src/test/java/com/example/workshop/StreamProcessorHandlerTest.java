package com.example.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;

/** Batches with nothing to count: the handler makes no DynamoDB call, so these prove nothing is written. */
class StreamProcessorHandlerTest {

    private final UnreachableDynamoDb dynamoDb = new UnreachableDynamoDb();
    private final StreamProcessorHandler processor = new StreamProcessorHandler(dynamoDb.client(), "unused");

    @AfterEach
    void closeClient() {
        dynamoDb.close();
    }

    @ParameterizedTest
    @Event(value = "events/stream-empty-batch.json", type = DynamodbEvent.class)
    void ignoresChangesOfTheCounterAndRemovals(DynamodbEvent event) {
        StreamsEventResponse response = processor.handleRequest(event, null);

        assertTrue(response.getBatchItemFailures().isEmpty());
        assertEquals(List.of(), dynamoDb.calls(), "DynamoDB calls made");
    }

    @ParameterizedTest
    @Event(value = "events/stream-poison-record.json", type = DynamodbEvent.class)
    void reportsAnUnreadableRecordAndAllAfterItAsFailures(DynamodbEvent event) {
        DynamodbEvent startingWithThePoisonRecord = new DynamodbEvent();
        startingWithThePoisonRecord.setRecords(event.getRecords().subList(1, 3));

        StreamsEventResponse response = processor.handleRequest(startingWithThePoisonRecord, null);

        assertEquals(List.of("4421584500000000017450439991", "4421584500000000017450440091"),
                response.getBatchItemFailures().stream().map(BatchItemFailure::getItemIdentifier).toList());
        assertEquals(List.of(), dynamoDb.calls(), "DynamoDB calls made");
    }
}
