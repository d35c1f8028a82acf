package com.example.workshop.local.streams;

import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.List;

/** Reads one shard front to back with GetRecords, following NextShardIterator until the shard is closed. */
final class ShardReader {

    /** GetRecords returns at most 1,000 records per call. */
    private static final int MAX_RECORDS_PER_READ = 1000;

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final String shardId;
    private final ShardIteratorType start;
    private String lastSequenceNumber;
    private String iterator;

    /**
     * @param start             where to begin when {@code afterSequenceNumber} is null: TRIM_HORIZON or LATEST
     * @param afterSequenceNumber a checkpoint: begin right after this record
     */
    ShardReader(DynamoDbStreamsClient streams, String streamArn, String shardId, ShardIteratorType start,
                String afterSequenceNumber) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.shardId = shardId;
        this.start = start;
        this.lastSequenceNumber = afterSequenceNumber;
        this.iterator = newIterator();
    }

    String streamArn() {
        return streamArn;
    }

    String shardId() {
        return shardId;
    }

    /** A shard is closed when GetRecords stops handing out a next iterator (not when it shows an EndingSequenceNumber). */
    boolean isClosed() {
        return iterator == null;
    }

    List<Record> read(int limit) {
        if (isClosed()) {
            return List.of();
        }
        GetRecordsResponse response = getRecords(Math.clamp(limit, 1, MAX_RECORDS_PER_READ));
        iterator = response.nextShardIterator();
        if (response.hasRecords() && !response.records().isEmpty()) {
            lastSequenceNumber = response.records().getLast().dynamodb().sequenceNumber();
        }
        return response.records();
    }

    private GetRecordsResponse getRecords(int limit) {
        try {
            return streams.getRecords(request -> request.shardIterator(iterator).limit(limit));
        } catch (ExpiredIteratorException expired) {
            iterator = newIterator();
            return streams.getRecords(request -> request.shardIterator(iterator).limit(limit));
        }
    }

    /** Right after the last record read, if any; iterators also expire after 15 minutes on AWS. */
    private String newIterator() {
        return streams.getShardIterator(request -> {
            request.streamArn(streamArn).shardId(shardId);
            if (lastSequenceNumber == null) {
                request.shardIteratorType(start);
            } else {
                request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(lastSequenceNumber);
            }
        }).shardIterator();
    }
}
