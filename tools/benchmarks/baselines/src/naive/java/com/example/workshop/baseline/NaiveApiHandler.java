package com.example.workshop.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * BENCHMARK BASELINE, never deployed: a stage's API handler with its client made the naive way, with SDK defaults
 * ({@code DynamoDbClient.create()}: Apache HTTP client, default credential and region chains) on the first request.
 */
public class NaiveApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler;

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        if (handler == null) {
            handler = StageHandlers.create(DynamoDbClient.create());
        }
        return handler.handleRequest(event, context);
    }
}
