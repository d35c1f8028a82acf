package com.example.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;

class MainHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MainHandler handler = new MainHandler();

    @ParameterizedTest
    @Event(value = "events/get-root.json", type = APIGatewayProxyRequestEvent.class)
    void answersHelloWorldWithTheEvent(APIGatewayProxyRequestEvent event) throws Exception {
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);

        assertEquals(200, response.getStatusCode());
        JsonNode body = JSON.readTree(response.getBody());
        assertEquals("Hello, world!", body.get("message").asText());
        assertEquals("GET", body.at("/event/httpMethod").asText());
        assertEquals("/", body.at("/event/path").asText());
        assertEquals("Prod", body.at("/event/requestContext/stage").asText());
        assertEquals("203.0.113.10", body.at("/event/requestContext/identity/sourceIp").asText());
        assertTrue(body.at("/event/queryStringParameters").isNull(), "no query string was sent");
    }

    @ParameterizedTest
    @Event(value = "events/get-root-with-name.json", type = APIGatewayProxyRequestEvent.class)
    void echoesTheQueryStringUnderBothApiGatewayNames(APIGatewayProxyRequestEvent event) throws Exception {
        JsonNode echoed = JSON.readTree(handler.handleRequest(event, null).getBody()).get("event");

        assertEquals("Lambda", echoed.at("/queryStringParameters/name").asText());
        assertEquals("Lambda", echoed.at("/multiValueQueryStringParameters/name/0").asText());
        assertTrue(echoed.has("isBase64Encoded"), "field names are API Gateway's, not Java's");
    }
}
