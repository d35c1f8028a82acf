package com.example.workshop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;

/**
 * {@code GET /}: answers "Hello, world!" with the description of the table, read with DescribeTable.
 */
public class MainHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    /** Used by Lambda: the execution environment's client and the table named in the template. */
    public MainHandler() {
        this(DynamoDb.client(), System.getenv("TABLE_NAME"));
    }

    public MainHandler(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        DescribeTableResponse table = dynamoDb.describeTable(request -> request.tableName(tableName));

        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("message", "Hello, world!");
        body.set("table", TableJson.of(table));
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withBody(body.toString());
    }
}
