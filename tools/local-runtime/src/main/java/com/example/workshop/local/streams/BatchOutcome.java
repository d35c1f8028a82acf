package com.example.workshop.local.streams;

import com.example.workshop.local.lambda.InvocationResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.util.List;

/** What Lambda makes of one invocation with a batch of stream records. */
sealed interface BatchOutcome {

    /** Every record is done: the checkpoint moves past the batch. */
    record Succeeded() implements BatchOutcome {
    }

    /** ReportBatchItemFailures named records: those before {@code firstFailed} are done, the rest is retried. */
    record FailedFrom(int firstFailed) implements BatchOutcome {
    }

    /** The whole batch is retried; {@code functionError} tells whether bisecting applies. */
    record Failed(String reason, boolean functionError) implements BatchOutcome {
    }

    ObjectMapper JSON = new ObjectMapper();

    static BatchOutcome of(InvocationResult result, List<Record> batch, boolean reportBatchItemFailures) {
        if (!result.succeeded()) {
            return new Failed("function error: " + result.errorSummary(), true);
        }
        return reportBatchItemFailures ? fromBatchItemFailures(result.payload(), batch) : new Succeeded();
    }

    /**
     * Lambda's rules: a null or empty response, or a null or empty {@code batchItemFailures} list, is a success;
     * an itemIdentifier that is null, empty or not a sequence number of the batch fails the whole batch.
     */
    private static BatchOutcome fromBatchItemFailures(String payload, List<Record> batch) {
        JsonNode failures = parse(payload).path("batchItemFailures");
        if (failures.isMissingNode() || failures.isNull() || failures.isEmpty() && failures.isArray()) {
            return new Succeeded();
        }
        if (!failures.isArray()) {
            return new Failed("batchItemFailures is not a list: " + failures, false);
        }
        int firstFailed = batch.size();
        for (JsonNode failure : failures) {
            int index = indexOf(failure.path("itemIdentifier").asText(""), batch);
            if (index < 0) {
                return new Failed("invalid itemIdentifier in " + failure, false);
            }
            firstFailed = Math.min(firstFailed, index);
        }
        return new FailedFrom(firstFailed);
    }

    private static JsonNode parse(String payload) {
        try {
            return payload == null || payload.isBlank() ? JSON.nullNode() : JSON.readTree(payload);
        } catch (JsonProcessingException notJson) {
            return JSON.nullNode();
        }
    }

    private static int indexOf(String sequenceNumber, List<Record> batch) {
        for (int i = 0; i < batch.size(); i++) {
            if (!sequenceNumber.isEmpty() && sequenceNumber.equals(batch.get(i).dynamodb().sequenceNumber())) {
                return i;
            }
        }
        return -1;
    }
}
