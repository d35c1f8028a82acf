package com.example.workshop.local.lambda;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/** One event on its way through an execution environment: handed out by /next, settled by /response or /error. */
final class Invocation {

    private final String requestId;
    private final String payload;
    private final Runnable onDispatch;
    private final CompletableFuture<Long> dispatchedAtNanos = new CompletableFuture<>();
    private final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
    private volatile OptionalInt exitStatus = OptionalInt.empty();

    Invocation(String requestId, String payload, Runnable onDispatch) {
        this.requestId = requestId;
        this.payload = payload;
        this.onDispatch = onDispatch;
    }

    String requestId() {
        return requestId;
    }

    String payload() {
        return payload;
    }

    void markDispatched() {
        onDispatch.run();
        dispatchedAtNanos.complete(System.nanoTime());
    }

    CompletableFuture<Long> dispatchedAtNanos() {
        return dispatchedAtNanos;
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
