package com.example.workshop.local.template;

import java.util.List;

/**
 * A {@code Type: DynamoDB} event: the function is invoked with batches of the stream records of a table of
 * this template ({@code Stream: !GetAtt Table.StreamArn}).
 *
 * @param startingPosition              {@code TRIM_HORIZON} or {@code LATEST}
 * @param maximumBatchingWindowInSeconds 0 unless set
 * @param functionResponseTypes         empty, or {@code [ReportBatchItemFailures]}
 * @param maximumRetryAttempts          -1 (the default) retries until the records expire
 */
public record DynamoDbEvent(
        String functionLogicalId,
        String name,
        String tableLogicalId,
        String startingPosition,
        int batchSize,
        int maximumBatchingWindowInSeconds,
        List<String> functionResponseTypes,
        boolean bisectBatchOnFunctionError,
        int maximumRetryAttempts) {

    public DynamoDbEvent {
        functionResponseTypes = List.copyOf(functionResponseTypes);
    }

    public boolean reportsBatchItemFailures() {
        return functionResponseTypes.contains("ReportBatchItemFailures");
    }
}
