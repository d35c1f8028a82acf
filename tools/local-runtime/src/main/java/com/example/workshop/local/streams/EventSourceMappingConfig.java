package com.example.workshop.local.streams;

import com.example.workshop.local.template.DynamoDbEvent;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of one DynamoDB stream subscription, as a SAM {@code Events: Type: DynamoDB} entry
 * declares them. Defaults are Lambda's: see {@link #of(String, String, StartingPosition)}.
 *
 * @param functionName                the subscribed function, for log lines
 * @param streamArn                   the stream to read ({@code !GetAtt Table.StreamArn})
 * @param startingPosition            TRIM_HORIZON or LATEST
 * @param batchSize                   the most records per invocation, 1 to 10,000
 * @param maximumBatchingWindow       how long to gather records before invoking, 0 to 300 seconds
 * @param maximumRetryAttempts        retries of a failed batch before its records are skipped, -1 (forever) to 10,000
 * @param bisectBatchOnFunctionError  split a batch in two when the function fails, and retry each half
 * @param reportBatchItemFailures     FunctionResponseTypes includes ReportBatchItemFailures
 * @param awsRegion                   the region put in each record's {@code awsRegion}
 */
public record EventSourceMappingConfig(String functionName,
                                       String streamArn,
                                       StartingPosition startingPosition,
                                       int batchSize,
                                       Duration maximumBatchingWindow,
                                       int maximumRetryAttempts,
                                       boolean bisectBatchOnFunctionError,
                                       boolean reportBatchItemFailures,
                                       String awsRegion) {

    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final int RETRY_FOREVER = -1;

    public EventSourceMappingConfig {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(startingPosition, "startingPosition (TRIM_HORIZON or LATEST) is required for a DynamoDB event");
        Objects.requireNonNull(maximumBatchingWindow, "maximumBatchingWindow");
        Objects.requireNonNull(awsRegion, "awsRegion");
        requireBetween("BatchSize", batchSize, 1, 10_000);
        requireBetween("MaximumBatchingWindowInSeconds", maximumBatchingWindow.toSeconds(), 0, 300);
        requireBetween("MaximumRetryAttempts", maximumRetryAttempts, RETRY_FOREVER, 10_000);
    }

    /** Lambda's defaults: BatchSize 100, no batching window, retry forever, no bisect, no partial batch responses. */
    public static EventSourceMappingConfig of(String functionName, String streamArn, StartingPosition startingPosition) {
        return new EventSourceMappingConfig(functionName, streamArn, startingPosition, DEFAULT_BATCH_SIZE,
                Duration.ZERO, RETRY_FOREVER, false, false, "us-east-1");
    }

    /**
     * The mapping SAM creates for a template's {@code Type: DynamoDB} event.
     *
     * @param streamArn the stream of the event's table, as deployed
     * @param awsRegion the region the function runs in
     */
    public static EventSourceMappingConfig of(DynamoDbEvent event, String functionName, String streamArn, String awsRegion) {
        return new EventSourceMappingConfig(functionName, streamArn, startingPosition(event), event.batchSize(),
                Duration.ofSeconds(event.maximumBatchingWindowInSeconds()), event.maximumRetryAttempts(),
                event.bisectBatchOnFunctionError(), event.reportsBatchItemFailures(), awsRegion);
    }

    private static StartingPosition startingPosition(DynamoDbEvent event) {
        try {
            return StartingPosition.valueOf(event.startingPosition());
        } catch (IllegalArgumentException | NullPointerException unknown) {
            throw new IllegalArgumentException("%s, event %s: StartingPosition must be TRIM_HORIZON or LATEST, got %s"
                    .formatted(event.functionLogicalId(), event.name(), event.startingPosition()));
        }
    }

    public EventSourceMappingConfig withBatchSize(int size) {
        return new EventSourceMappingConfig(functionName, streamArn, startingPosition, size, maximumBatchingWindow,
                maximumRetryAttempts, bisectBatchOnFunctionError, reportBatchItemFailures, awsRegion);
    }

    public EventSourceMappingConfig withMaximumBatchingWindow(Duration window) {
        return new EventSourceMappingConfig(functionName, streamArn, startingPosition, batchSize, window,
                maximumRetryAttempts, bisectBatchOnFunctionError, reportBatchItemFailures, awsRegion);
    }

    public EventSourceMappingConfig withMaximumRetryAttempts(int attempts) {
        return new EventSourceMappingConfig(functionName, streamArn, startingPosition, batchSize, maximumBatchingWindow,
                attempts, bisectBatchOnFunctionError, reportBatchItemFailures, awsRegion);
    }

    public EventSourceMappingConfig withBisectBatchOnFunctionError(boolean bisect) {
        return new EventSourceMappingConfig(functionName, streamArn, startingPosition, batchSize, maximumBatchingWindow,
                maximumRetryAttempts, bisect, reportBatchItemFailures, awsRegion);
    }

    public EventSourceMappingConfig withReportBatchItemFailures(boolean report) {
        return new EventSourceMappingConfig(functionName, streamArn, startingPosition, batchSize, maximumBatchingWindow,
                maximumRetryAttempts, bisectBatchOnFunctionError, report, awsRegion);
    }

    public EventSourceMappingConfig withAwsRegion(String region) {
        return new EventSourceMappingConfig(functionName, streamArn, startingPosition, batchSize, maximumBatchingWindow,
                maximumRetryAttempts, bisectBatchOnFunctionError, reportBatchItemFailures, region);
    }

    boolean retriesForever() {
        return maximumRetryAttempts == RETRY_FOREVER;
    }

    private static void requireBetween(String property, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "%s must be between %d and %d, got %d".formatted(property, min, max, value));
        }
    }
}
