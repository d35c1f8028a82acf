package com.example.workshop.local.lambda;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An environment's Runtime API state, driven as ExecutionEnvironment and RuntimeApiServer drive it, without HTTP. */
class RuntimeStateTest {

    private final RuntimeState state = new RuntimeState();

    @Test
    void anEventIsOfferedOnceTheRuntimePollsAndItsResponseSettlesIt() throws Exception {
        assertEquals(RuntimeState.Readiness.TIMED_OUT, state.awaitPolling(10, TimeUnit.MILLISECONDS), "still initialising");
        CompletableFuture<Invocation> next = CompletableFuture.supplyAsync(this::next);

        assertEquals(RuntimeState.Readiness.POLLING, state.awaitPolling(10, TimeUnit.SECONDS));
        assertTrue(state.firstPollAtNanos().isDone());
        Invocation invocation = new Invocation("request-1", "{}");
        state.offer(invocation);
        assertSame(invocation, next.get(10, TimeUnit.SECONDS));
        assertEquals(RuntimeState.Report.UNKNOWN_REQUEST_ID, state.report("request-2", true, "{}".getBytes()));
        assertEquals(RuntimeState.Report.ACCEPTED, state.report("request-1", true, "{\"ok\":true}".getBytes()));

        assertEquals("{\"ok\":true}", invocation.result().join().payload());
        assertEquals(RuntimeState.Readiness.TIMED_OUT, state.awaitPolling(10, TimeUnit.MILLISECONDS),
                "the invocation ends when the runtime asks for the next event, not before");
    }

    @Test
    void aResponseOverSixMegabytesFailsTheInvocation() throws Exception {
        CompletableFuture<Invocation> next = CompletableFuture.supplyAsync(this::next);
        state.awaitPolling(10, TimeUnit.SECONDS);
        Invocation invocation = new Invocation("request-1", "{}");
        state.offer(invocation);
        next.get(10, TimeUnit.SECONDS);

        assertEquals(RuntimeState.Report.TOO_LARGE, state.report("request-1", true, new byte[RuntimeState.MAX_RESPONSE_BYTES + 1]));
        assertTrue(invocation.result().join().errorSummary().startsWith("Function.ResponseSizeTooLarge: "));
    }

    @Test
    void anEventGivenToARuntimeThatExitedFailsAtOnceWithItsExitStatus() {
        state.runtimeExited(3);
        Invocation invocation = new Invocation("request-1", "{}");

        assertEquals(RuntimeState.Readiness.FAILED, state.awaitPolling(10, TimeUnit.SECONDS));
        state.offer(invocation);

        assertEquals(3, invocation.exitStatus().orElseThrow());
        assertTrue(invocation.result().join().errorSummary().startsWith("Runtime.ExitError: "));
    }

    @Test
    void anInitErrorFailsTheEventWaitingForTheRuntime() {
        Invocation waiting = new Invocation("request-1", "{}");
        state.offer(waiting);

        state.initError("Runtime.BadFunctionCode", "{\"errorMessage\":\"no such class\",\"errorType\":\"Runtime.BadFunctionCode\"}");

        assertEquals("Runtime.BadFunctionCode: no such class", waiting.result().join().errorSummary());
        assertEquals(RuntimeState.Readiness.FAILED, state.awaitPolling(10, TimeUnit.SECONDS));
        assertEquals("Runtime.BadFunctionCode", state.initError().join().errorType());
    }

    private Invocation next() {
        try {
            return state.next();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
