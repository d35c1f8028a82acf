package com.example.workshop.local.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Turns DynamoDB Streams records, as the SDK reads them, into the event Lambda delivers to a
 * function subscribed to the stream: {@code {"Records":[{"eventID":..,"dynamodb":{..},"eventSourceARN":..}]}},
 * attribute values in their wire form ({@code {"S":"a"}}, {@code {"N":"1"}}, {@code {"B":"<base64>"}}, ...).
 */
public final class DynamodbStreamEventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DynamodbStreamEventJson() {
    }

    /**
     * @param eventSourceArn the stream ARN, which Lambda puts in each record's {@code eventSourceARN}
     * @param awsRegion      the region the function runs in, for each record's {@code awsRegion}
     */
    public static String event(List<Record> records, String eventSourceArn, String awsRegion) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        records.forEach(record -> array.add(record(record, eventSourceArn, awsRegion)));
        return event.toString();
    }

    public static ObjectNode record(Record record, String eventSourceArn, String awsRegion) {
        ObjectNode json = JSON.createObjectNode()
                .put("eventID", record.eventID())
                .put("eventName", record.eventNameAsString())
                .put("eventVersion", "1.1")
                .put("eventSource", "aws:dynamodb")
                .put("awsRegion", awsRegion);
        json.set("dynamodb", streamRecord(record.dynamodb()));
        if (record.userIdentity() != null) {
            json.putObject("userIdentity")
                    .put("principalId", record.userIdentity().principalId())
                    .put("type", record.userIdentity().type());
        }
        return json.put("eventSourceARN", eventSourceArn);
    }

    private static ObjectNode streamRecord(StreamRecord change) {
        ObjectNode json = JSON.createObjectNode();
        if (change.approximateCreationDateTime() != null) {
            json.put("ApproximateCreationDateTime", change.approximateCreationDateTime().getEpochSecond());
        }
        if (change.hasKeys()) {
            json.set("Keys", item(change.keys()));
        }
        if (change.hasNewImage()) {
            json.set("NewImage", item(change.newImage()));
        }
        if (change.hasOldImage()) {
            json.set("OldImage", item(change.oldImage()));
        }
        json.put("SequenceNumber", change.sequenceNumber());
        if (change.sizeBytes() != null) {
            json.put("SizeBytes", change.sizeBytes());
        }
        return json.put("StreamViewType", change.streamViewTypeAsString());
    }

    public static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode json = JSON.createObjectNode();
        item.forEach((name, value) -> json.set(name, attributeValue(value)));
        return json;
    }

    public static ObjectNode attributeValue(AttributeValue value) {
        ObjectNode json = JSON.createObjectNode();
        switch (value.type()) {
            case S -> json.put("S", value.s());
            case N -> json.put("N", value.n());
            case B -> json.put("B", base64(value.b()));
            case BOOL -> json.put("BOOL", value.bool());
            case NUL -> json.put("NULL", true);
            case SS -> value.ss().forEach(json.putArray("SS")::add);
            case NS -> value.ns().forEach(json.putArray("NS")::add);
            case BS -> {
                ArrayNode set = json.putArray("BS");
                value.bs().forEach(bytes -> set.add(base64(bytes)));
            }
            case M -> json.set("M", item(value.m()));
            case L -> {
                ArrayNode list = json.putArray("L");
                value.l().forEach(element -> list.add(attributeValue(element)));
            }
            default -> throw new IllegalArgumentException("Attribute value of unknown type: " + value);
        }
        return json;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
