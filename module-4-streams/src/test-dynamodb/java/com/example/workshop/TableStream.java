package com.example.workshop;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads the table's stream the way Lambda's event source mapping does, and hands out what was written since the
 * last read as the {@link DynamodbEvent} Lambda would deliver.
 */
final class TableStream {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private BigInteger lastRead = BigInteger.valueOf(-1);

    TableStream(DynamoDbStreamsClient streams, String streamArn) {
        this.streams = streams;
        this.streamArn = streamArn;
    }

    /** The records written since the last call, as one batch. */
    DynamodbEvent nextBatch() {
        List<Record> records = readAll().stream().filter(record -> sequenceNumber(record).compareTo(lastRead) > 0).toList();
        if (!records.isEmpty()) {
            lastRead = sequenceNumber(records.getLast());
        }
        return toLambdaEvent(records);
    }

    private List<Record> readAll() {
        List<Record> records = new ArrayList<>();
        for (Shard shard : streams.describeStream(request -> request.streamArn(streamArn)).streamDescription().shards()) {
            String iterator = streams.getShardIterator(request -> request
                    .streamArn(streamArn)
                    .shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            records.addAll(readShard(iterator));
        }
        return records;
    }

    /** An open shard hands out iterators forever: stop at the first empty page. */
    private List<Record> readShard(String iterator) {
        List<Record> records = new ArrayList<>();
        while (iterator != null) {
            GetRecordsResponse page = streams.getRecords(GetRecordsRequest.builder().shardIterator(iterator).build());
            if (page.records().isEmpty()) {
                break;
            }
            records.addAll(page.records());
            iterator = page.nextShardIterator();
        }
        return records;
    }

    /** The Streams API and the Lambda event use the same field names; Lambda adds the stream's ARN. */
    private DynamodbEvent toLambdaEvent(List<Record> records) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ArrayNode lambdaRecords = event.putArray("Records");
        for (Record record : records) {
            ObjectNode lambdaRecord = (ObjectNode) SdkJson.toJson(record);
            lambdaRecord.put("eventSourceARN", streamArn);
            lambdaRecords.add(lambdaRecord);
        }
        return LambdaEventSerializers.serializerFor(DynamodbEvent.class, getClass().getClassLoader())
                .fromJson(event.toString());
    }

    private static BigInteger sequenceNumber(Record record) {
        return new BigInteger(record.dynamodb().sequenceNumber());
    }
}
