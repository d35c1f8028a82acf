package com.example.workshop.local.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The outcome of one invocation, as the Lambda Invoke API returns it.
 *
 * @param requestId     the invocation's request id
 * @param payload       the response JSON, or for a failure the error JSON ({@code errorMessage}, {@code errorType}, ...)
 * @param functionError null on success, else what Lambda puts in {@code X-Amz-Function-Error} ("Unhandled")
 */
public record InvocationResult(String requestId, String payload, String functionError) {

    public static InvocationResult success(String requestId, String payload) {
        return new InvocationResult(requestId, payload, null);
    }

    public static InvocationResult unhandledError(String requestId, String errorJson) {
        return new InvocationResult(requestId, errorJson, "Unhandled");
    }

    public boolean succeeded() {
        return functionError == null;
    }

    /**
     * For a failure, {@code errorType: errorMessage} from Lambda's error JSON, e.g. {@code Runtime.ExitError:
     * RequestId: ... Error: Runtime exited with error: exit status 1}; the payload as it is when it is not that JSON.
     */
    public String errorSummary() {
        try {
            JsonNode error = payload == null || payload.isBlank() ? null : new ObjectMapper().readTree(payload);
            if (error != null && error.hasNonNull("errorMessage")) {
                return error.path("errorType").asText("Error") + ": " + error.get("errorMessage").asText();
            }
        } catch (JsonProcessingException notJson) {
            // described as it is
        }
        String raw = String.valueOf(payload);
        return raw.length() > 200 ? raw.substring(0, 200) + "..." : raw;
    }
}
