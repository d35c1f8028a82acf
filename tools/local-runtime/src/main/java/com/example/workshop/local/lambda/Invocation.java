package com.example.workshop.local.lambda;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/** One event on its way through an execution environment: offered to GET /next, settled by /response or /error. */
final class Invocation {

    private final String requestId;
    private final String payload;
    private final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
    private volatile OptionalInt exitStatus = OptionalInt.empty();

    Invocation(String requestId, String payload) {
        this.requestId = requestId;
        this.payload = payload;
    }

    String requestId() {
        return requestId;
    }

    String payload() {
        return payload;
    }

    CompletableFuture<InvocationResult> result() {
        return result;
    }

    void succeed(String response) {
        result.complete(InvocationResult.success(requestId, response));
    }

    void fail(String errorJson) {
        result.complete(InvocationResult.unhandledError(requestId, errorJson));
    }

    /** The runtime's JVM exited before answering: Lambda's Runtime.ExitError. */
    void runtimeExited(int status) {
        if (!result.isDone()) {
            exitStatus = OptionalInt.of(status);
        }
        fail(LambdaErrors.runtimeExited(requestId, status));
    }

    /** The exit status of a runtime that exited during this invocation, before answering it. */
    OptionalInt exitStatus() {
        return exitStatus;
    }
}
