package com.example.workshop.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * BENCHMARK BASELINE, never deployed: a stage's stream handler with its client made the naive way, with SDK
 * defaults ({@code DynamoDbClient.create()}) on the first batch.
 */
public class NaiveStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private RequestHandler<DynamodbEvent, StreamsEventResponse> handler;

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        if (handler == null) {
            handler = StageHandlers.create(DynamoDbClient.create());
        }
        return handler.handleRequest(event, context);
    }
}
