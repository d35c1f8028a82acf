package com.example.workshop.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Locale;
import java.util.Map;

/** The error payloads Lambda itself returns when the function could not answer. */
final class LambdaErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LambdaErrors() {
    }

    static String timedOut(String requestId, double seconds) {
        return error("Sandbox.Timedout",
                "RequestId: " + requestId + " Error: Task timed out after " + String.format(Locale.ROOT, "%.2f", seconds) + " seconds");
    }

    static String runtimeExited(String requestId, int exitStatus) {
        return error("Runtime.ExitError",
                "RequestId: " + requestId + " Error: Runtime exited with error: exit status " + exitStatus);
    }

    private static String error(String type, String message) {
        try {
            return JSON.writeValueAsString(Map.of("errorType", type, "errorMessage", message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
