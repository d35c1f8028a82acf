package com.example.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Bad tags are refused before the table is touched: the client here would fail on any call. */
class BadTagTest {

    private static final DynamoDbClient UNREACHABLE = UnreachableDynamoDb.client();

    @AfterAll
    static void closeClient() {
        UNREACHABLE.close();
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
        APIGatewayProxyResponseEvent response = new RecordVisitHandler(UNREACHABLE, "unused").handleRequest(event, null);

        assertBadRequest(response);
    }

    @ParameterizedTest
    @Events(type = APIGatewayProxyRequestEvent.class, events = {
            @Event("events/get-counts-reserved.json"),
            @Event("events/get-counts-missing.json"),
            @Event("events/get-counts-invalid-utf8.json"),
            @Event("events/get-counts-nul.json")})
    void viewCountsRefusesBadTagsWithoutReading(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response = new ViewCountsHandler(UNREACHABLE, "unused").handleRequest(event, null);

        assertBadRequest(response);
    }

    private static void assertBadRequest(APIGatewayProxyResponseEvent response) {
        assertEquals(400, response.getStatusCode());
        assertEquals("text/plain; charset=utf-8", response.getHeaders().get("Content-Type"));
        assertFalse(response.getBody().isBlank(), "says what is wrong");
    }
}
