package com.example.workshop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The table's stream: adds the visits of each batch of changes to {@code TotalViews} of the {@code COUNTER} item.
 *
 * <p>A record it cannot read is reported back as a batch item failure, with every record after it: Lambda then
 * retries from that record, and the records before it, counted here, are not sent again.
 */
public class StreamProcessorHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final TotalViews totalViews;

    /** Used by Lambda: the execution environment's client and the table named in the template. */
    public StreamProcessorHandler() {
        this(DynamoDb.client(), System.getenv("TABLE_NAME"));
    }

    public StreamProcessorHandler(DynamoDbClient dynamoDb, String tableName) {
        this.totalViews = new TotalViews(dynamoDb, tableName);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<DynamodbStreamRecord> records = event.getRecords();
        List<StreamChange> changes = readUntilUnreadable(records);
        if (changes.stream().anyMatch(StreamChange::isVisit)) {
            totalViews.add(changes);
        }
        return new StreamsEventResponse(failures(records.subList(changes.size(), records.size())));
    }

    private static List<StreamChange> readUntilUnreadable(List<DynamodbStreamRecord> records) {
        List<StreamChange> changes = new ArrayList<>();
        for (DynamodbStreamRecord record : records) {
            Optional<StreamChange> change = StreamChange.of(record);
            if (change.isEmpty()) {
                break;
            }
            changes.add(change.get());
        }
        return changes;
    }

    /** Identified by sequence number; a record without one makes Lambda retry the whole batch. */
    private static List<BatchItemFailure> failures(List<DynamodbStreamRecord> unprocessed) {
        return unprocessed.stream()
                .map(record -> new BatchItemFailure(record.getDynamodb() == null ? null
                        : record.getDynamodb().getSequenceNumber()))
                .toList();
    }
}
