package com.example.workshop;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The {@code COUNTER} item: {@code TotalViews}, the visits of all tags, raised from the table's stream.
 *
 * <p>Lambda delivers a stream record at least once: after a failed or timed-out invocation it sends the same
 * records again. So the item also keeps, per stream, the sequence number of the last record it has counted, and
 * records up to that one are never counted twice.
 */
final class TotalViews {

    private static final Map<String, AttributeValue> KEY = Map.of("ID", AttributeValue.fromS(Tag.COUNTER_KEY));

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    TotalViews(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** Counts the visits among {@code changes} (in stream order, all of one stream) not counted before. */
    void add(List<StreamChange> changes) {
        String lastCountedAttribute = "LastSequenceNumber " + changes.getFirst().stream();
        Optional<String> lastCounted = read(lastCountedAttribute);
        List<StreamChange> uncounted = changes.stream()
                .filter(change -> lastCounted.map(change::isAfter).orElse(true))
                .toList();
        long visits = uncounted.stream().filter(StreamChange::isVisit).count();
        if (visits > 0) {
            dynamoDb.updateItem(increment(visits, lastCountedAttribute, lastCounted, uncounted.getLast()));
        }
    }

    private Optional<String> read(String lastCountedAttribute) {
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request
                .tableName(tableName)
                .key(KEY)
                .projectionExpression("#last")
                .expressionAttributeNames(Map.of("#last", lastCountedAttribute))
                .consistentRead(true)).item();
        return Optional.ofNullable(item.get(lastCountedAttribute)).map(AttributeValue::s);
    }

    /**
     * Raises the total and moves the mark in one write, on condition that the mark is still where we read it.
     * If another invocation moved it meanwhile the write fails, and Lambda retries the batch from a fresh read.
     */
    private UpdateItemRequest increment(long visits, String lastCountedAttribute, Optional<String> lastCounted,
            StreamChange last) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":visits", AttributeValue.fromN(Long.toString(visits)),
                ":zero", AttributeValue.fromN("0"),
                ":last", AttributeValue.fromS(last.sequenceNumber())));
        lastCounted.ifPresent(sequenceNumber -> values.put(":lastCounted", AttributeValue.fromS(sequenceNumber)));
        return UpdateItemRequest.builder()
                .tableName(tableName)
                .key(KEY)
                .updateExpression("SET #total = if_not_exists(#total, :zero) + :visits, #last = :last")
                .conditionExpression(lastCounted.isPresent() ? "#last = :lastCounted" : "attribute_not_exists(#last)")
                .expressionAttributeNames(Map.of("#total", "TotalViews", "#last", lastCountedAttribute))
                .expressionAttributeValues(values)
                .build();
    }
}
