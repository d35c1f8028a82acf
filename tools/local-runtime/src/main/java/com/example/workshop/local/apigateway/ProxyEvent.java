package com.example.workshop.local.apigateway;

import com.example.workshop.local.http.HttpRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Lambda proxy integration event of a REST API (payload format 1.0), built field by field as API Gateway does.
 * See https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html.
 */
final class ProxyEvent {

    static final String ACCOUNT_ID = "123456789012";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ProxyEvent() {
    }

    /**
     * @param path           the request path without the stage, e.g. {@code /tags/x}
     * @param pathParameters URL-encoded, as matched
     */
    static ObjectNode of(HttpRequest request, Route route, String path, Map<String, String> pathParameters,
                         String stage, String apiId, String requestId, Instant receivedAt) {
        ObjectNode event = JSON.createObjectNode();
        event.put("resource", route.resourcePath());
        event.put("path", decode(path));
        event.put("httpMethod", request.method());
        Map<String, List<String>> headers = headers(request); // once: it makes up a new trace id each call
        event.set("headers", JSON.valueToTree(lastValues(headers)));
        event.set("multiValueHeaders", JSON.valueToTree(headers));
        Map<String, List<String>> query = query(request);
        event.set("queryStringParameters", query.isEmpty() ? null : JSON.valueToTree(lastValues(query)));
        event.set("multiValueQueryStringParameters", query.isEmpty() ? null : JSON.valueToTree(query));
        event.set("pathParameters", pathParameters.isEmpty() ? null : JSON.valueToTree(decoded(pathParameters)));
        event.putNull("stageVariables");
        event.set("requestContext", requestContext(request, route, path, stage, apiId, requestId, receivedAt));
        event.put("body", request.body().length == 0 ? null : new String(request.body(), StandardCharsets.UTF_8));
        event.put("isBase64Encoded", false);
        return event;
    }

    private static ObjectNode requestContext(HttpRequest request, Route route, String path, String stage,
                                             String apiId, String requestId, Instant receivedAt) {
        String domainName = request.header("Host").orElse("127.0.0.1");
        ObjectNode context = JSON.createObjectNode();
        context.put("resourceId", ProxyEventIds.resourceId(route.resourcePath()));
        context.put("resourcePath", route.resourcePath());
        context.put("httpMethod", request.method());
        context.put("extendedRequestId", ProxyEventIds.extendedRequestId());
        context.put("requestTime", REQUEST_TIME.format(receivedAt));
        context.put("path", "/" + stage + path);
        context.put("accountId", ACCOUNT_ID);
        context.put("protocol", request.protocol());
        context.put("stage", stage);
        context.put("domainPrefix", domainName.split("[.:]")[0]);
        context.put("requestTimeEpoch", receivedAt.toEpochMilli());
        context.put("requestId", requestId);
        context.set("identity", identity(request));
        context.put("domainName", domainName);
        context.put("apiId", apiId);
        return context;
    }

    private static ObjectNode identity(HttpRequest request) {
        ObjectNode identity = JSON.createObjectNode();
        for (String field : List.of("cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller")) {
            identity.putNull(field);
        }
        identity.put("sourceIp", request.sourceIp());
        for (String field : List.of("principalOrgId", "accessKey", "cognitoAuthenticationType",
                "cognitoAuthenticationProvider", "userArn")) {
            identity.putNull(field);
        }
        identity.put("userAgent", request.header("User-Agent").orElse(null));
        identity.putNull("user");
        return identity;
    }

    /** The client's headers plus the ones API Gateway's front end adds. */
    private static Map<String, List<String>> headers(HttpRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach(header -> headers.computeIfAbsent(header.name(), name -> new ArrayList<>()).add(header.value()));
        headers.putIfAbsent("X-Amzn-Trace-Id", List.of("Root=1-" + Long.toHexString(Instant.now().getEpochSecond())
                + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24)));
        headers.putIfAbsent("X-Forwarded-For", List.of(request.sourceIp()));
        headers.putIfAbsent("X-Forwarded-Port", List.of(request.header("Host").map(ProxyEvent::port).orElse("80")));
        headers.putIfAbsent("X-Forwarded-Proto", List.of("http"));
        return headers;
    }

    private static String port(String host) {
        int colon = host.lastIndexOf(':');
        return colon < 0 ? "80" : host.substring(colon + 1);
    }

    private static Map<String, List<String>> query(HttpRequest request) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.rawQuery().ifPresent(raw -> {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        });
        return query;
    }

    /** The single-value maps hold the last value of a repeated name. */
    private static Map<String, String> lastValues(Map<String, List<String>> multi) {
        Map<String, String> last = new LinkedHashMap<>();
        multi.forEach((name, values) -> last.put(name, values.getLast()));
        return last;
    }

    private static Map<String, String> decoded(Map<String, String> parameters) {
        Map<String, String> decoded = new LinkedHashMap<>();
        parameters.forEach((name, value) -> decoded.put(name, decode(value)));
        return decoded;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
