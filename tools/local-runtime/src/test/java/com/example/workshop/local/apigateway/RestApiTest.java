package com.example.workshop.local.apigateway;

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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST API over real HTTP, in front of functions running in real execution environments. */
class RestApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final CapturedLog LOG = new CapturedLog();
    private static final PackageLog ACCESS_LOG = new PackageLog("com.example.workshop.local.apigateway");
    private static final List<FunctionPool> POOLS = new ArrayList<>();
    private static RestApi api;

    @BeforeAll
    static void startApi() {
        api = RestApi.start(List.of(
                route("GET", "/items/{id}", "ProxyEchoHandler", 10),
                route("ANY", "/items/special", "ProxyEchoHandler", 10),
                route("POST", "/", "ProxyEchoHandler", 10),
                route("GET", "/files/{path+}", "ProxyEchoHandler", 10),
                route("GET", "/crash", "CrashingHandler", 10),
                route("GET", "/malformed", "EchoHandler", 10),
                route("GET", "/slow", "SlowProxyHandler", 1),
                route("GET", "/broken", "BrokenInitHandler", 10),
                route("GET", "/exit", "ExitingHandler", 10)), 0);
    }

    private static Route route(String method, String path, String handler, int timeoutSeconds) {
        FunctionConfig config = new FunctionConfig(handler, "com.example.workshop.local.lambda.fixtures." + handler,
                FixtureTaskRoot.path(), Map.of(), "us-east-1", 512, timeoutSeconds);
        FunctionPool pool = new FunctionPool(config, 2, LOG);
        POOLS.add(pool);
        return new Route(method, path, handler, pool);
    }

    @AfterAll
    static void stop() {
        api.close();
        POOLS.forEach(FunctionPool::close);
        ACCESS_LOG.close();
    }

    private static java.net.http.HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("X-Custom-Header", "one").build(), BodyHandlers.ofString());
    }

    @Test
    void theFunctionReceivesTheEventApiGatewayBuilds() throws Exception {
        var response = get("/Prod/items/hello%20world?name=Lambda&tag=a&tag=b");

        assertEquals(201, response.statusCode());
        JsonNode event = JSON.readTree(response.body());
        assertEquals("/items/{id}", event.get("resource").asText());
        assertEquals("/items/hello world", event.get("path").asText());
        assertEquals("GET", event.get("httpMethod").asText());
        assertEquals("one", event.at("/headers/X-Custom-Header").asText(), "header names keep their spelling");
        assertEquals("[\"one\"]", event.at("/multiValueHeaders/X-Custom-Header").toString());
        assertEquals("Lambda", event.at("/queryStringParameters/name").asText());
        assertEquals("b", event.at("/queryStringParameters/tag").asText());
        assertEquals("[\"a\",\"b\"]", event.at("/multiValueQueryStringParameters/tag").toString());
        assertEquals("hello world", event.at("/pathParameters/id").asText());
        assertTrue(event.get("stageVariables").isNull());
        assertTrue(event.get("body").isNull());
        assertEquals(false, event.get("isBase64Encoded").asBoolean());
        JsonNode context = event.get("requestContext");
        assertEquals("Prod", context.get("stage").asText());
        assertEquals("/Prod/items/hello%20world", context.get("path").asText());
        assertEquals("/items/{id}", context.get("resourcePath").asText());
        assertEquals("127.0.0.1", context.at("/identity/sourceIp").asText());
        assertTrue(context.get("resourceId").asText().matches("[0-9a-z]{6}"), context.get("resourceId").asText());
        assertTrue(context.get("extendedRequestId").asText().matches("[A-Za-z0-9+/]{15}="));
        assertTrue(context.get("apiId").asText().matches("[0-9a-z]{10}"));
        assertTrue(context.get("requestTime").asText().matches("\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000"));
        assertEquals(response.headers().firstValue("x-amzn-RequestId").orElseThrow(), context.get("requestId").asText());
        assertEquals(List.of("a=1", "b=2"), response.headers().allValues("Set-Cookie"));
        assertEquals("yes", response.headers().firstValue("X-Echo").orElseThrow());
    }

    @Test
    void headersAndMultiValueHeadersCarryTheSameValuesIncludingTheTraceIdApiGatewayAdds() throws Exception {
        JsonNode event = JSON.readTree(get("/Prod/items/trace").body());

        String traceId = event.at("/headers/X-Amzn-Trace-Id").asText();
        assertTrue(traceId.matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}"), traceId);
        event.get("headers").properties().forEach(header -> assertEquals(header.getValue().asText(),
                event.get("multiValueHeaders").get(header.getKey()).get(0).asText(), header.getKey()));
    }

    @Test
    void withoutQueryOrPathParametersThoseFieldsAreNullAndTheStagePrefixIsOptional() throws Exception {
        var response = HTTP.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/"))
                .POST(BodyPublishers.ofString("{\"a\":1}")).build(), BodyHandlers.ofString());

        JsonNode event = JSON.readTree(response.body());
        assertEquals("/", event.get("resource").asText());
        assertTrue(event.get("queryStringParameters").isNull());
        assertTrue(event.get("multiValueQueryStringParameters").isNull());
        assertTrue(event.get("pathParameters").isNull());
        assertEquals("{\"a\":1}", event.get("body").asText());
    }

    @Test
    void literalRoutesWinOverParametersAndGreedyPathsTakeTheRest() throws Exception {
        assertEquals("/items/special", JSON.readTree(get("/Prod/items/special").body()).get("resource").asText());
        JsonNode greedy = JSON.readTree(get("/Prod/files/a/b/c.txt").body());
        assertEquals("a/b/c.txt", greedy.at("/pathParameters/path").asText());
    }

    @Test
    void aBase64EncodedBodyIsDecoded() throws Exception {
        var response = HTTP.send(java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + api.port() + "/Prod/items/x?binary")).build(), BodyHandlers.ofByteArray());

        assertArrayEquals(new byte[]{1, 2, 3}, response.body());
        assertEquals("application/octet-stream", response.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void anUnknownRouteOrMethodIsMissingAuthenticationToken() throws Exception {
        for (String path : List.of("/Prod/nowhere", "/Prod/items", "/Prod/")) {
            var response = get(path);
            assertEquals(403, response.statusCode(), path);
            assertEquals("{\"message\":\"Missing Authentication Token\"}", response.body());
        }
    }

    @Test
    void aHandlerExceptionIsAnInternalServerError() throws Exception {
        assertInternalServerError(get("/Prod/crash"));
    }

    @Test
    void aResponseThatIsNotAProxyResponseIsAnInternalServerError() throws Exception {
        assertInternalServerError(get("/Prod/malformed"));
    }

    @Test
    void aTimedOutFunctionIsAnInternalServerErrorAndTheLogSaysSo() throws Exception {
        assertInternalServerError(get("/Prod/slow"));
        assertTrue(LOG.lines().stream().anyMatch(line -> line.matches(".* Task timed out after 1\\.\\d\\d seconds")));
    }

    @Test
    void aFunctionThatFailsItsInitIsAnInternalServerError() throws Exception {
        assertInternalServerError(get("/Prod/broken"));
        assertTrue(LOG.contains("TABLE_NAME is not set"));
    }

    @Test
    void aFunctionWhoseRuntimeExitsIsAnInternalServerErrorAndTheApiLogSaysWhy() throws Exception {
        assertInternalServerError(get("/Prod/exit"));
        assertTrue(ACCESS_LOG.lines().stream().anyMatch(line -> line.matches("INFO \\[API] GET /Prod/exit 502 \\d+ ms \\(ExitingHandler\\) "
                + "Runtime\\.ExitError: RequestId: \\S+ Error: Runtime exited with error: exit status 3")), ACCESS_LOG.lines().toString());
    }

    @Test
    void everyRequestIsLogged() throws Exception {
        get("/Prod/nowhere?x=1");
        assertTrue(ACCESS_LOG.lines().contains("INFO [API] GET /Prod/nowhere?x=1 403 0 ms") || ACCESS_LOG.lines().stream()
                .anyMatch(line -> line.matches("INFO \\[API] GET /Prod/nowhere\\?x=1 403 \\d+ ms")), ACCESS_LOG.lines().toString());
    }

    private static void assertInternalServerError(java.net.http.HttpResponse<String> response) {
        assertEquals(502, response.statusCode());
        assertEquals("{\"message\": \"Internal server error\"}", response.body());
    }
}
