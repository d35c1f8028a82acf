package com.example.workshop.local.lambda;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An environment's Runtime API over real HTTP: only whoever holds AWS_LAMBDA_RUNTIME_API can use it. */
class RuntimeApiServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aProcessThatKnowsOnlyThePortCanNeitherTakeAnEventNorPostAResponse() throws Exception {
        RuntimeState state = new RuntimeState();
        try (RuntimeApiServer runtimeApi = new RuntimeApiServer(state, "arn:aws:lambda:us-east-1:123456789012:function:f", 10)) {
            Invocation invocation = new Invocation("request-1", "{\"card\":\"4111\"}");
            state.offer(invocation);
            String address = runtimeApi.address();
            String port = address.substring("127.0.0.1:".length()).split("/")[0];

            for (String base : new String[]{"127.0.0.1:" + port, "127.0.0.1:" + port + "/" + "0".repeat(32)}) {
                assertEquals(404, get(base + "/2018-06-01/runtime/invocation/next").statusCode(), base);
                assertEquals(404, post(base + "/2018-06-01/runtime/invocation/request-1/response", "{\"forged\":true}")
                        .statusCode(), base);
            }
            assertFalse(invocation.result().isDone(), "no one but the environment answers its invocation");

            HttpResponse<String> next = get(address + "/2018-06-01/runtime/invocation/next");
            assertEquals(200, next.statusCode());
            assertEquals("{\"card\":\"4111\"}", next.body());
            assertEquals("request-1", next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow());
            assertEquals(202, post(address + "/2018-06-01/runtime/invocation/request-1/response", "{\"ok\":true}").statusCode());
            assertEquals("{\"ok\":true}", invocation.result().get(10, TimeUnit.SECONDS).payload());
        }
    }

    @Test
    void everyEnvironmentGetsItsOwnSecret() throws Exception {
        try (RuntimeApiServer first = new RuntimeApiServer(new RuntimeState(), "arn:f", 10);
             RuntimeApiServer second = new RuntimeApiServer(new RuntimeState(), "arn:f", 10)) {
            String firstSecret = first.address().split("/")[1];
            String secondSecret = second.address().split("/")[1];

            assertTrue(firstSecret.matches("[0-9a-f]{32}"), first.address());
            assertFalse(firstSecret.equals(secondSecret));
        }
    }

    /** The runtime interface client's URLs: "http://" + AWS_LAMBDA_RUNTIME_API + "/2018-06-01/runtime/...". */
    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + url)).timeout(Duration.ofSeconds(10)).build(),
                BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + url)).timeout(Duration.ofSeconds(10))
                .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    }
}
