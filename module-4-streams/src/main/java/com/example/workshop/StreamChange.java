package com.example.workshop;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;

/**
 * What the stream processor needs from one stream record: where it is in the stream and whether it is a visit.
 *
 * @param stream         the stream's ARN
 * @param sequenceNumber the record's position; increasing along the stream, as a decimal string of 21 to 40 digits
 * @param eventName      INSERT, MODIFY or REMOVE
 * @param id             the changed item's key
 */
record StreamChange(String stream, String sequenceNumber, String eventName, String id) {

    /** The record as a change, or empty when it lacks what is needed to process it. */
    static Optional<StreamChange> of(DynamodbStreamRecord record) {
        StreamRecord change = record.getDynamodb();
        if (change == null || record.getEventSourceARN() == null || record.getEventName() == null
                || change.getSequenceNumber() == null || !change.getSequenceNumber().matches("[0-9]+")) {
            return Optional.empty();
        }
        return idOf(change.getKeys()).map(id -> new StreamChange(
                record.getEventSourceARN(), change.getSequenceNumber(), record.getEventName(), id));
    }

    /** A visit of a tag: its count was created or raised. Changes of the counter itself are not visits. */
    boolean isVisit() {
        return (eventName.equals("INSERT") || eventName.equals("MODIFY")) && !id.equals(Tag.COUNTER_KEY);
    }

    boolean isAfter(String otherSequenceNumber) {
        return new BigInteger(sequenceNumber).compareTo(new BigInteger(otherSequenceNumber)) > 0;
    }

    private static Optional<String> idOf(Map<String, AttributeValue> keys) {
        return Optional.ofNullable(keys).map(k -> k.get("ID")).map(AttributeValue::getS);
    }
}
