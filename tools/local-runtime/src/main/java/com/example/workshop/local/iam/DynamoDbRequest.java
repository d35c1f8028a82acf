package com.example.workshop.local.iam;

import com.example.workshop.local.http.Header;
import com.example.workshop.local.http.HttpHead;
import com.example.workshop.local.http.MalformedHttpException;
import com.example.workshop.local.http.Request;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DynamoDB call as the proxy checks it and, if allowed, forwards it: one operation, one caller, one JSON body,
 * each read from exactly one place. Whatever could be read two ways (a header twice, a target that is not
 * {@code DynamoDB_20120810.<Operation>}, a body with a key twice or more than one JSON value) is refused, and the
 * head sent on to DynamoDB is rebuilt from the headers checked here, never copied from the client's bytes.
 *
 * @param authorization the SigV4 {@code Authorization} header, if any
 * @param operation     e.g. {@code GetItem}
 * @param json          the body, parsed
 * @param forwarded     the head to send on: {@code POST /}, the client's end-to-end headers, the body's length
 * @param body          the body as received
 */
record DynamoDbRequest(Optional<String> authorization, String operation, JsonNode json, HttpHead forwarded,
                       byte[] body) {

    /** A request the proxy answers itself, with the error DynamoDB would give. */
    static final class Refused extends Exception {

        private final DynamoDbError error;

        Refused(DynamoDbError error) {
            super(error.message());
            this.error = error;
        }

        DynamoDbError error() {
            return error;
        }
    }

    /** Headers an AWS request carries once: a second copy is one the proxy and DynamoDB could read differently. */
    private static final List<String> SINGLE = List.of(
            "X-Amz-Target", "Content-Type", "Content-Length", "Authorization", "X-Amz-Date", "X-Amz-Security-Token");
    /** Headers about this connection, not the request: the proxy's connection to DynamoDB is its own. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te",
            "trailer", "transfer-encoding", "upgrade", "expect", "content-length");
    private static final Pattern TARGET = Pattern.compile("(?:DynamoDB|DynamoDBStreams)_20120810\\.([A-Za-z]+)");
    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static DynamoDbRequest of(Request request) throws Refused {
        HttpHead head = request.head();
        try {
            for (String name : SINGLE) {
                head.single(name);
            }
            if (!request.line().method().equals("POST") || !request.line().target().equals("/")) {
                throw MalformedHttpException.badRequest("DynamoDB is called with POST /, not " + request.line().method()
                        + " " + request.line().target());
            }
            return new DynamoDbRequest(head.single("Authorization"), operation(head.single("X-Amz-Target")),
                    json(request.body()), forwardedHead(head, request.body().length), request.body());
        } catch (MalformedHttpException e) {
            throw new Refused(DynamoDbError.validation(e.getMessage()));
        }
    }

    private static String operation(Optional<String> target) throws Refused {
        Matcher operation = TARGET.matcher(target.orElse(""));
        if (!operation.matches()) {
            throw new Refused(DynamoDbError.unknownOperation(target.isEmpty()
                    ? "the request has no X-Amz-Target header"
                    : "X-Amz-Target is not DynamoDB_20120810.<Operation>: " + target.get()));
        }
        return operation.group(1);
    }

    private static JsonNode json(byte[] body) throws Refused {
        try {
            JsonNode json = STRICT_JSON.readTree(body);
            if (json == null || !json.isObject()) {
                throw new Refused(DynamoDbError.serialization("the body is not a JSON object"));
            }
            return json;
        } catch (IOException e) {
            throw new Refused(DynamoDbError.serialization("the body is not one JSON object: "
                    + e.getMessage().lines().findFirst().orElse("")));
        }
    }

    private static HttpHead forwardedHead(HttpHead head, int bodyLength) {
        List<Header> headers = new ArrayList<>();
        for (Header header : head.headers()) {
            if (!HOP_BY_HOP.contains(header.name().toLowerCase(Locale.ROOT))) {
                headers.add(header);
            }
        }
        headers.add(new Header("Content-Length", Integer.toString(bodyLength)));
        return new HttpHead("POST / HTTP/1.1", headers);
    }
}
