package com.example.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.example.workshop.testing.LocalDynamoDb;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;

class MainHandlerDynamoDbTest {

    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.fromTemplate("template.yaml");

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @Event(value = "events/get-root.json", type = APIGatewayProxyRequestEvent.class)
    void describesTheTableOfTheTemplate(APIGatewayProxyRequestEvent event) throws Exception {
        String tableName = dynamo.tableName("DynamoDBTable");
        MainHandler handler = new MainHandler(dynamo.client(), tableName);

        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        assertEquals(200, response.getStatusCode());
        JsonNode body = JSON.readTree(response.getBody());
        assertEquals("Hello, world!", body.get("message").asText());
        JsonNode table = body.at("/table/Table");
        assertEquals(tableName, table.get("TableName").asText());
        assertEquals("ID", table.at("/KeySchema/0/AttributeName").asText());
        assertEquals("HASH", table.at("/KeySchema/0/KeyType").asText());
        assertEquals("S", table.at("/AttributeDefinitions/0/AttributeType").asText());
        assertEquals(5, table.at("/ProvisionedThroughput/ReadCapacityUnits").asInt());
        assertEquals("ACTIVE", table.get("TableStatus").asText());
    }
}
