package com.example.workshop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /}: answers "Hello, world!" and echoes the API Gateway event it received.
 */
public class MainHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        ObjectNode body = JSON.createObjectNode();
        body.put("message", "Hello, world!");
        body.set("event", JSON.valueToTree(event));
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withBody(body.toString());
    }
}
