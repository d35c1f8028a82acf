package com.example.workshop.local.apigateway;

import com.example.workshop.local.http.RawHttp;
import com.example.workshop.local.PackageLog;
import com.example.workshop.local.lambda.CapturedLog;
import com.example.workshop.local.lambda.FixtureTaskRoot;
import com.example.workshop.local.lambda.FunctionConfig;
import com.example.workshop.local.lambda.FunctionPool;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests a browser or curl would not send, written byte by byte: each gets a 4xx with a short JSON body, as
 * API Gateway answers, and then the connection is closed; none gets a 500 or a connection closed without a word.
 * The API runs with a half-second timeout instead of 30 seconds, so the timeout tests are short.
 */
class MalformedRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final PackageLog ACCESS_LOG = new PackageLog("com.example.workshop.local.http");
    private static FunctionPool echo;
    private static RestApi api;

    @BeforeAll
    static void startApi() {
        FunctionConfig config = new FunctionConfig("ProxyEchoHandler",
                "com.example.workshop.local.lambda.fixtures.ProxyEchoHandler", FixtureTaskRoot.path(), Map.of(),
                "us-east-1", 512, 10);
        echo = new FunctionPool(config, 1, new CapturedLog());
        api = RestApi.start(List.of(new Route("ANY", "/tags/{tag}", "ProxyEchoHandler", echo)), 0, "abcde12345",
                RestApi.API_GATEWAY_LIMITS.withTimeout(TIMEOUT));
    }

    @AfterAll
    static void stop() {
        api.close();
        echo.close();
        ACCESS_LOG.close();
    }

    @Test
    void aMalformedPercentEncodingIsABadRequestNotAnInternalError() throws Exception {
        for (String target : List.of("/Prod/tags/%", "/Prod/tags/%zz", "/Prod/tags/a%4", "/Prod/tags/a?q=%g1")) {
            RawHttp.Answer answer = RawHttp.exchange(api.port(), "GET " + target + " HTTP/1.1\r\nHost: api\r\n\r\n");

            assertEquals(400, answer.status(), target + ": " + answer);
            assertTrue(message(answer).startsWith("Malformed percent-encoding in the URL: %"), answer.body());
            assertEquals("BadRequestException", answer.header("x-amzn-ErrorType"));
        }
    }

    @Test
    void aRequestLineWithoutVersionOrWithASpaceInThePathIsABadRequest() throws Exception {
        assertRefused(400, "GET /Prod/tags/x\r\nHost: api\r\n\r\n", "not a request line");
        assertRefused(400, "GET /Prod/tags/a b HTTP/1.1\r\nHost: api\r\n\r\n", "not a request line");
        assertRefused(400, "GET Prod/tags/x HTTP/1.1\r\nHost: api\r\n\r\n", "not a request target");
        assertRefused(505, "GET /Prod/tags/x HTTP/2.0\r\nHost: api\r\n\r\n", "HTTP version not supported");
    }

    @Test
    void headersThatCouldBeReadTwoWaysAreABadRequest() throws Exception {
        assertRefused(400, "GET /Prod/tags/x HTTP/1.1\r\nHost: api\r\nNo colon here\r\n\r\n", "no colon");
        assertRefused(400, "GET /Prod/tags/x HTTP/1.1\r\nHost: api\r\nX-A: 1\nX-B: 2\r\n\r\n", "bare LF");
        assertRefused(400, "GET /Prod/tags/x HTTP/1.1\r\nHost: api\r\nX-A: 1\r\n 2\r\n\r\n", "folded");
        assertRefused(400, "GET /Prod/tags/x HTTP/1.1\r\nHost: api\r\nX-A : 1\r\n\r\n", "not a header name");
        assertRefused(400, "GET /Prod/tags/x HTTP/1.1\r\nHost: api\r\nHost: other\r\n\r\n", "Host header appears 2 times");
    }

    @Test
    void aChunkedBodyNeedsAContentLengthInstead() throws Exception {
        assertRefused(411, "POST /Prod/tags/x HTTP/1.1\r\nHost: api\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
                "Content-Length");
        assertRefused(400, "POST /Prod/tags/x HTTP/1.1\r\nHost: api\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc",
                "both Transfer-Encoding and Content-Length");
    }

    @Test
    void aContentLengthThatIsNotANumberOrTooLargeIsRefused() throws Exception {
        assertRefused(400, "POST /Prod/tags/x HTTP/1.1\r\nHost: api\r\nContent-Length: ten\r\n\r\n", "not a number");
        assertRefused(400, "POST /Prod/tags/x HTTP/1.1\r\nHost: api\r\nContent-Length: -1\r\n\r\n", "not a number");
        assertRefused(400, "POST /Prod/tags/x HTTP/1.1\r\nHost: api\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx",
                "Content-Length header appears 2 times");
        assertRefused(413, "POST /Prod/tags/x HTTP/1.1\r\nHost: api\r\nContent-Length: 10485761\r\n\r\n", "10485760 bytes");
        assertRefused(413, "POST /Prod/tags/x HTTP/1.1\r\nHost: api\r\nContent-Length: 99999999999999999999999\r\n\r\n",
                "10485760 bytes");
    }

    @Test
    void aUrlOver8192CharactersIsTooLong() throws Exception {
        String longest = "/Prod/tags/" + "a".repeat(8192 - "/Prod/tags/".length());
        RawHttp.Answer atTheLimit = RawHttp.exchange(api.port(), "GET " + longest + " HTTP/1.1\r\nHost: api\r\n\r\n");

        assertEquals(201, atTheLimit.status(), "8192 characters are within the limit");
        assertRefused(414, "GET " + longest + "a HTTP/1.1\r\nHost: api\r\n\r\n", "longer than 8192 characters");
        assertRefused(414, "GET " + longest.repeat(3) + " HTTP/1.1\r\nHost: api\r\n\r\n", "longer than");
    }

    @Test
    void headersOver10240BytesAreTooLarge() throws Exception {
        String header = "X-Big: " + "b".repeat(10_240) + "\r\n";

        assertRefused(431, "GET /Prod/tags/x HTTP/1.1\r\nHost: api\r\n" + header + "\r\n", "headers are larger");
    }

    @Test
    void aRequestThatStopsHalfWayIsTimedOut() throws Exception {
        assertRefused(408, "GET /Prod/tags/x HTTP/1.1\r\nHost: api\r\n", "did not arrive in full within 500 ms");
        assertRefused(408, "POST /Prod/tags/x HTTP/1.1\r\nHost: api\r\nContent-Length: 10\r\n\r\nabc",
                "did not arrive in full within 500 ms");
    }

    @Test
    void aClientThatStopsSendingHalfWayGetsABadRequest() throws Exception {
        try (RawHttp connection = new RawHttp(api.port())) {
            connection.send("GET /Prod/tags/x HTTP/1.1\r\nHost: api\r\n");
            connection.endOfRequests();

            RawHttp.Answer answer = connection.answer();
            assertEquals(400, answer.status(), answer.toString());
            assertTrue(message(answer).contains("ended in the middle of the request"), answer.body());
        }
    }

    @Test
    void anIdleConnectionIsClosedWithoutAnAnswer() throws Exception {
        try (RawHttp connection = new RawHttp(api.port())) {
            assertTrue(connection.closedByServer(), "closed after the timeout, nothing sent");
        }
    }

    @Test
    void aGoodRequestAfterAllThatStillReachesTheFunction() throws Exception {
        try (RawHttp connection = new RawHttp(api.port())) {
            for (String body : List.of("{\"a\":1}", "{\"b\":2}")) {
                connection.send("POST /Prod/tags/x%20y HTTP/1.1\r\nHost: api\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body);
                RawHttp.Answer answer = connection.answer();
                assertEquals(201, answer.status(), answer.toString());
                JsonNode event = JSON.readTree(answer.body());
                assertEquals(body, event.get("body").asText());
                assertEquals("x y", event.at("/pathParameters/tag").asText());
            }
        }
    }

    private static void assertRefused(int status, String request, String problem) throws Exception {
        try (RawHttp connection = new RawHttp(api.port())) {
            connection.send(request);
            RawHttp.Answer answer = connection.answer();

            assertEquals(status, answer.status(), request.lines().findFirst().orElse("") + " -> " + answer);
            assertTrue(message(answer).contains(problem), answer.body());
            assertTrue(answer.body().length() < 300, "a short body: " + answer.body());
            assertEquals("close", answer.header("Connection"));
            assertTrue(connection.closedByServer(), "the connection is closed after a refusal");
        }
        assertTrue(ACCESS_LOG.lines().stream().anyMatch(line -> line.startsWith("INFO [API] refused with " + status)
                        && line.contains(problem)), ACCESS_LOG.lines().toString());
    }

    private static String message(RawHttp.Answer answer) throws Exception {
        return JSON.readTree(answer.body()).get("message").asText();
    }
}
