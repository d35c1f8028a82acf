package com.example.workshop.local.lambda;

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
}
