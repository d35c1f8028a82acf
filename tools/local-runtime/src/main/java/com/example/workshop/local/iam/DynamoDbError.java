package com.example.workshop.local.iam;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * An error the proxy answers in DynamoDB's place, in DynamoDB's shape (HTTP 400, awsJson1_0 body with
 * {@code __type}), so the SDK raises the same {@code DynamoDbException} a deployed function would get.
 */
record DynamoDbError(String type, String messageField, String message) {

    static final int STATUS = 400;
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    static DynamoDbError accessDenied(String callerArn, RequestedAccess access, boolean explicitDeny) {
        String reason = explicitDeny
                ? "with an explicit deny in an identity-based policy"
                : "because no identity-based policy allows the " + access.action() + " action";
        return new DynamoDbError("com.amazon.coral.service#AccessDeniedException", "Message",
                "User: %s is not authorized to perform: %s on resource: %s %s"
                        .formatted(callerArn, access.action(), access.resource(), reason));
    }

    static DynamoDbError unrecognizedClient() {
        return new DynamoDbError("com.amazon.coral.service#UnrecognizedClientException", "message",
                "The security token included in the request is invalid.");
    }

    static DynamoDbError missingAuthenticationToken() {
        return new DynamoDbError("com.amazon.coral.service#MissingAuthenticationTokenException", "message",
                "Request is missing Authentication Token");
    }

    /** A request the proxy refuses to read: HTTP that could be read two ways, or a call not made with POST /. */
    static DynamoDbError validation(String message) {
        return new DynamoDbError("com.amazon.coral.validate#ValidationException", "message", message);
    }

    /** What DynamoDB answers to a missing or unknown X-Amz-Target. */
    static DynamoDbError unknownOperation(String message) {
        return new DynamoDbError("com.amazon.coral.service#UnknownOperationException", "message", message);
    }

    /** What DynamoDB answers to a body that is not one JSON object. */
    static DynamoDbError serialization(String message) {
        return new DynamoDbError("com.amazon.coral.service#SerializationException", "Message", message);
    }

    byte[] body() {
        String json = JSON.createObjectNode().put("__type", type).put(messageField, message).toString();
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** DynamoDB's {@code x-amz-crc32} header, which the SDK checks against the body. */
    static String crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return Long.toString(crc.getValue());
    }
}
