package com.example.workshop.local.streams;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.example.workshop.local.lambda.FunctionInvoker;
import com.example.workshop.local.lambda.InvocationResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A stand-in for a deployed function: reads each payload with the serializer Lambda's Java runtime uses
 * for a {@code DynamodbEvent} handler, records it, and answers what the test scripts.
 */
final class RecordingFunction implements FunctionInvoker {

    private static final PojoSerializer<DynamodbEvent> LAMBDA_SERIALIZER =
            LambdaEventSerializers.serializerFor(DynamodbEvent.class, RecordingFunction.class.getClassLoader());

    /** One call: the payload as sent, the event the handler got, and when. */
    record Invocation(String payload, DynamodbEvent event, long nanoTime) {

        List<String> keys() {
            return event.getRecords().stream().map(record -> record.getDynamodb().getKeys().get("ID").getS()).toList();
        }
    }

    private final BlockingQueue<Invocation> invocations = new LinkedBlockingQueue<>();
    private final List<Invocation> all = new ArrayList<>();
    private final Function<Invocation, InvocationResult> behaviour;

    RecordingFunction(Function<Invocation, InvocationResult> behaviour) {
        this.behaviour = behaviour;
    }

    static RecordingFunction succeeding() {
        return new RecordingFunction(invocation -> InvocationResult.success("request", "null"));
    }

    @Override
    public InvocationResult invoke(String payloadJson) {
        DynamodbEvent event = LAMBDA_SERIALIZER.fromJson(payloadJson);
        Invocation invocation = new Invocation(payloadJson, event, System.nanoTime());
        invocations.add(invocation);
        return behaviour.apply(invocation);
    }

    Invocation next() throws InterruptedException {
        Invocation invocation = invocations.poll(10, TimeUnit.SECONDS);
        if (invocation == null) {
            throw new AssertionError("the function was not invoked within 10 s");
        }
        all.add(invocation);
        return invocation;
    }

    /** Waits for invocations until {@code records} records arrived; returns each invocation's keys. */
    List<List<String>> batchesUntil(int records) throws InterruptedException {
        List<List<String>> batches = new ArrayList<>();
        int received = 0;
        while (received < records) {
            List<String> keys = next().keys();
            batches.add(keys);
            received += keys.size();
        }
        return batches;
    }

    /** Fails if the function is invoked within {@code quiet}. */
    void assertNoMoreInvocations(Duration quiet) throws InterruptedException {
        Invocation extra = invocations.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        if (extra != null) {
            throw new AssertionError("unexpected invocation with " + extra.keys());
        }
    }
}
