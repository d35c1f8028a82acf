package com.example.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;

/** Bad tags are refused before the table is touched: not one DynamoDB call, so nothing is read or written. */
class BadTagTest {

    private final UnreachableDynamoDb dynamoDb = new UnreachableDynamoDb();

    @AfterEach
    void closeClient() {
        dynamoDb.close();
    }

    @ParameterizedTest
    @Events(type = APIGatewayProxyRequestEvent.class, events = {
            @Event("events/get-tag-reserved.json"),
            @Event("events/get-tag-too-long.json"),
            @Event("events/get-tag-empty.json"),
            @Event("events/get-tag-missing.json"),
            @Event("events/get-tag-invalid-utf8.json"),
            @Event("events/get-tag-nul.json")})
    void recordVisitRefusesBadTagsWithoutWriting(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response = new RecordVisitHandler(dynamoDb.client(), "unused").handleRequest(event, null);

        assertBadRequestWithoutDynamoDbCalls(response);
    }

    @ParameterizedTest
    @Events(type = APIGatewayProxyRequestEvent.class, events = {
            @Event("events/get-counts-reserved.json"),
            @Event("events/get-counts-missing.json"),
            @Event("events/get-counts-invalid-utf8.json"),
            @Event("events/get-counts-nul.json")})
    void viewCountsRefusesBadTagsWithoutReading(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response = new ViewCountsHandler(dynamoDb.client(), "unused").handleRequest(event, null);

        assertBadRequestWithoutDynamoDbCalls(response);
    }

    private void assertBadRequestWithoutDynamoDbCalls(APIGatewayProxyResponseEvent response) {
        assertEquals(400, response.getStatusCode());
        assertEquals("text/plain; charset=utf-8", response.getHeaders().get("Content-Type"));
        assertFalse(response.getBody().isBlank(), "says what is wrong");
        assertEquals(List.of(), dynamoDb.calls(), "DynamoDB calls made");
    }
}
