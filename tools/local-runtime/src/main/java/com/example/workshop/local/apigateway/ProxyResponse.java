package com.example.workshop.local.apigateway;

import com.example.workshop.local.http.HttpResponse;
import com.example.workshop.local.http.Header;
import com.example.workshop.local.lambda.InvocationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what the function returned into the HTTP response, as the Lambda proxy integration does; anything else
 * than a well-formed proxy response (or a function error) is a 502.
 */
final class ProxyResponse {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded");

    private ProxyResponse() {
    }

    /** Empty when the function failed or its answer is malformed. */
    static Optional<HttpResponse> from(InvocationResult result) {
        if (!result.succeeded()) {
            return Optional.empty();
        }
        try {
            JsonNode answer = JSON.readTree(result.payload());
            return isWellFormed(answer) ? Optional.of(toHttp(answer)) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isWellFormed(JsonNode answer) {
        if (answer == null || !answer.isObject() || !answer.path("statusCode").canConvertToInt()) {
            return false;
        }
        Set<String> names = new HashSet<>();
        answer.fieldNames().forEachRemaining(names::add);
        JsonNode body = answer.path("body");
        return FIELDS.containsAll(names)
                && (body.isMissingNode() || body.isNull() || body.isTextual())
                && isObjectOrAbsent(answer.path("headers"))
                && isObjectOrAbsent(answer.path("multiValueHeaders"));
    }

    private static boolean isObjectOrAbsent(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.isObject();
    }

    private static HttpResponse toHttp(JsonNode answer) {
        List<Header> headers = headers(answer);
        if (headers.stream().noneMatch(header -> header.name().equalsIgnoreCase("Content-Type"))) {
            headers.add(new Header("Content-Type", "application/json"));
        }
        String body = answer.path("body").asText("");
        byte[] bytes = answer.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        return new HttpResponse(answer.get("statusCode").asInt(), headers, bytes);
    }

    /** multiValueHeaders first; a headers entry adds to them unless that name is already there. */
    private static List<Header> headers(JsonNode answer) {
        List<Header> headers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : answer.path("multiValueHeaders").properties()) {
            entry.getValue().forEach(value -> headers.add(new Header(entry.getKey(), value.asText())));
        }
        for (Map.Entry<String, JsonNode> entry : answer.path("headers").properties()) {
            boolean present = headers.stream().anyMatch(header -> header.name().equalsIgnoreCase(entry.getKey()));
            if (!present) {
                headers.add(new Header(entry.getKey(), entry.getValue().asText()));
            }
        }
        return headers;
    }
}
