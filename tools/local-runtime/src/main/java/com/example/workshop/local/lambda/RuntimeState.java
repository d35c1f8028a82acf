package com.example.workshop.local.lambda;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Where the Runtime API of one execution environment stands: initialising, then for each event the runtime's
 * GET /next waiting (polling), the event offered, taken by /next, settled by /response or /error; or init failed
 * (/init/error), or the runtime's JVM exited. {@link ExecutionEnvironment} drives it (offers events and waits);
 * {@link RuntimeApiServer} turns the runtime's HTTP requests into calls on it. It calls neither.
 *
 * <p>Waits are on a {@link ReentrantLock}'s condition, which parks: no monitor is held while a thread blocks here
 * (the environment's callers may be virtual threads).
 */
final class RuntimeState {

    /** Lambda refuses a response larger than 6 MB. */
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

    /** What the runtime posts to /init/error: the error type header and the error JSON. */
    record InitError(String errorType, String errorJson) {
    }

    /** What a wait for the runtime's next GET /next ended with. */
    enum Readiness { POLLING, FAILED, TIMED_OUT }

    /** How the runtime's /response or /error was taken. */
    enum Report { ACCEPTED, UNKNOWN_REQUEST_ID, TOO_LARGE }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final CompletableFuture<Long> firstPollAtNanos = new CompletableFuture<>();
    private final CompletableFuture<InitError> initError = new CompletableFuture<>();
    /** GET /next requests received, and events offered: the runtime is polling while there are more polls. */
    private long polls;
    private long offers;
    /** Offered, waiting for the runtime's GET /next. */
    private Invocation offered;
    /** Taken by GET /next; its /response or /error settles it. */
    private volatile Invocation current;
    private OptionalInt exitStatus = OptionalInt.empty();
    private boolean closed;

    /** Completes when the runtime first asks for an event, i.e. when init is done. */
    CompletableFuture<Long> firstPollAtNanos() {
        return firstPollAtNanos;
    }

    CompletableFuture<InitError> initError() {
        return initError;
    }

    /**
     * Waits until the runtime asks for its next event (GET /next), its init failed or its JVM exited. After an
     * event, that request, not the response, ends the invocation in Lambda: what the runtime logged for it comes
     * before END.
     */
    Readiness awaitPolling(long timeout, TimeUnit unit) {
        long remaining = unit.toNanos(timeout);
        lock.lock();
        try {
            while (true) {
                if (polls > offers) {
                    return Readiness.POLLING;
                }
                if (failed()) {
                    return Readiness.FAILED;
                }
                if (remaining <= 0) {
                    return Readiness.TIMED_OUT;
                }
                remaining = changed.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Readiness.TIMED_OUT;
        } finally {
            lock.unlock();
        }
    }

    /** Gives the event to the runtime's GET /next; a runtime that failed fails it at once, as Lambda does. */
    void offer(Invocation invocation) {
        lock.lock();
        try {
            offers++;
            if (initError.isDone()) {
                invocation.fail(initError.join().errorJson());
            } else if (exitStatus.isPresent()) {
                invocation.runtimeExited(exitStatus.getAsInt());
            } else {
                offered = invocation;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The environment saw its JVM exit: the event it was given, if any, fails with Runtime.ExitError. */
    void runtimeExited(int status) {
        lock.lock();
        try {
            exitStatus = OptionalInt.of(status);
            failWaiting(invocation -> invocation.runtimeExited(status));
        } finally {
            lock.unlock();
        }
    }

    /** The server stops: a GET /next still waiting gets no event. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // What the runtime asks through the Runtime API

    /**
     * GET /next: waits for an event and takes it.
     *
     * @return the event, or null when the environment is closing
     */
    Invocation next() throws InterruptedException {
        firstPollAtNanos.complete(System.nanoTime());
        lock.lock();
        try {
            polls++;
            changed.signalAll();
            while (offered == null && !closed) {
                changed.await();
            }
            Invocation taken = offered;
            offered = null;
            if (taken != null) {
                current = taken;
            }
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** POST /invocation/{requestId}/response or /error. */
    Report report(String requestId, boolean success, byte[] body) {
        Invocation invocation = current;
        if (invocation == null || !invocation.requestId().equals(requestId)) {
            return Report.UNKNOWN_REQUEST_ID;
        }
        if (success && body.length > MAX_RESPONSE_BYTES) {
            invocation.fail("{\"errorMessage\":\"Response payload size exceeded maximum allowed payload size (6291556 bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}");
            return Report.TOO_LARGE;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (success) {
            invocation.succeed(text);
        } else {
            invocation.fail(text);
        }
        return Report.ACCEPTED;
    }

    /**
     * POST /init/error: the event given, if any, fails with the runtime's error. Completed under the lock, so a
     * waiter sees the error only once what depends on it (the environment's INIT_REPORT line) is done.
     */
    void initError(String errorType, String errorJson) {
        lock.lock();
        try {
            initError.complete(new InitError(errorType == null ? "Runtime.Unknown" : errorType, errorJson));
            failWaiting(invocation -> invocation.fail(initError.join().errorJson()));
        } finally {
            lock.unlock();
        }
    }

    private boolean failed() {
        return initError.isDone() || exitStatus.isPresent();
    }

    private void failWaiting(Consumer<Invocation> failure) {
        if (offered != null) {
            failure.accept(offered);
            offered = null;
        }
        if (current != null) {
            failure.accept(current);
        }
        changed.signalAll();
    }
}
