package com.example.workshop.local.streams;

import com.example.workshop.local.dynamodb.EngineStatus;
import com.example.workshop.local.lambda.FunctionInvoker;
import com.example.workshop.local.lambda.InvocationResult;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Delivers one shard's records to the function in order, in batches, the way Lambda's stream poller does:
 * a batch is retried until it succeeds or runs out of retries, so no record overtakes an earlier one.
 * Each record done with moves the shard's {@link Checkpoints checkpoint} past it.
 */
final class ShardConsumer implements Runnable {

    private static final Logger LOG = System.getLogger(ShardConsumer.class.getName());

    /** Records delivered together; {@code retries} counts the deliveries that failed before. */
    private record Batch(List<Record> records, int retries) {

        String firstSequenceNumber() {
            return records.getFirst().dynamodb().sequenceNumber();
        }

        String lastSequenceNumber() {
            return records.getLast().dynamodb().sequenceNumber();
        }

        List<String> sequenceNumbers() {
            return records.stream().map(record -> record.dynamodb().sequenceNumber()).toList();
        }
    }

    private final ShardReader reader;
    private final EventSourceMappingConfig config;
    private final FunctionInvoker function;
    private final PollingSettings polling;
    private final Checkpoints checkpoints;
    private final EngineStatus engine;
    private final Deque<Record> buffer = new ArrayDeque<>();
    private final Deque<Batch> toRetry = new ArrayDeque<>();
    private long gatheringSince;
    private int failedReads;
    private volatile boolean finished;

    ShardConsumer(ShardReader reader, EventSourceMappingConfig config, FunctionInvoker function,
                  PollingSettings polling, Checkpoints checkpoints, EngineStatus engine) {
        this.reader = reader;
        this.engine = engine;
        this.config = config;
        this.function = function;
        this.polling = polling;
        this.checkpoints = checkpoints;
    }

    /** True once the shard is closed and every record of it was delivered (or skipped after its retries). */
    boolean isFinished() {
        return finished;
    }

    @Override
    public void run() {
        try {
            while (!(reader.isClosed() && buffer.isEmpty() && toRetry.isEmpty())) {
                step();
            }
            finished = true;
            LOG.log(Level.INFO, "{0} <- {1}: shard closed and fully processed", config.functionName(), reader.shardId());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private void step() throws InterruptedException {
        awaitEngine();
        if (!toRetry.isEmpty()) {
            deliver(toRetry.pollFirst());
            return;
        }
        readMore();
        if (batchReady()) {
            deliver(new Batch(takeFromBuffer(), 0));
        } else {
            Thread.sleep(polling.pollInterval());
        }
    }

    /** While DynamoDB does not serve, nothing is read or delivered: the function could only fail. */
    private void awaitEngine() throws InterruptedException {
        if (engine.isUp()) {
            return;
        }
        LOG.log(Level.WARNING, "{0} <- {1}: DynamoDB is down; paused until it serves again",
                config.functionName(), reader.shardId());
        while (!engine.awaitUp(Duration.ofMinutes(1))) {
            Thread.sleep(0); // an interrupt (the mapping closing) ends the wait
        }
        LOG.log(Level.INFO, "{0} <- {1}: DynamoDB serves again; resumed", config.functionName(), reader.shardId());
    }

    private void readMore() throws InterruptedException {
        int room = config.batchSize() - buffer.size();
        if (room <= 0 || reader.isClosed()) {
            return;
        }
        try {
            List<Record> records = reader.read(room);
            if (buffer.isEmpty() && !records.isEmpty()) {
                gatheringSince = System.nanoTime();
            }
            buffer.addAll(records);
            if (failedReads > 0) {
                LOG.log(Level.INFO, "{0} <- {1}: GetRecords works again", config.functionName(), reader.shardId());
                failedReads = 0;
            }
        } catch (AbortedException stopping) {
            throw new InterruptedException("mapping closed");
        } catch (SdkException readFailed) {
            if (failedReads++ == 0) {
                LOG.log(Level.WARNING, "{0} <- {1}: GetRecords failed, retrying until it works: {2}",
                        config.functionName(), reader.shardId(), readFailed.getMessage());
            }
            Thread.sleep(polling.retryDelay(failedReads));
        }
    }

    /** MaximumBatchingWindowInSeconds: wait until the batch is full or the window has passed; 0 means no wait. */
    private boolean batchReady() {
        if (buffer.isEmpty()) {
            return false;
        }
        Duration gathering = Duration.ofNanos(System.nanoTime() - gatheringSince);
        return buffer.size() >= config.batchSize()
                || gathering.compareTo(config.maximumBatchingWindow()) >= 0
                || reader.isClosed();
    }

    private List<Record> takeFromBuffer() {
        List<Record> batch = new ArrayList<>();
        while (batch.size() < config.batchSize() && !buffer.isEmpty()) {
            batch.add(buffer.pollFirst());
        }
        gatheringSince = System.nanoTime();
        return batch;
    }

    private void deliver(Batch batch) throws InterruptedException {
        long started = System.nanoTime();
        long outagesBefore = engine.outages();
        BatchOutcome outcome = BatchOutcome.of(invoke(batch.records()), batch.records(), config.reportBatchItemFailures());
        String took = Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms";
        if (!(outcome instanceof BatchOutcome.Succeeded) && (!engine.isUp() || engine.outages() != outagesBefore)) {
            deliverAgainAfterOutage(batch, outcome, took);
            return;
        }
        switch (outcome) {
            case BatchOutcome.Succeeded ignored -> {
                log(Level.INFO, batch, "OK in " + took);
                checkpoint(batch.records());
            }
            case BatchOutcome.FailedFrom partial -> {
                checkpoint(batch.records().subList(0, partial.firstFailed()));
                Batch rest = new Batch(batch.records().subList(partial.firstFailed(), batch.records().size()), batch.retries());
                log(Level.WARNING, batch, "batchItemFailures from seq %s (%d records done) in %s"
                        .formatted(rest.firstSequenceNumber(), partial.firstFailed(), took));
                retryOrSkip(rest);
            }
            case BatchOutcome.Failed failed when failed.functionError()
                    && config.bisectBatchOnFunctionError() && batch.records().size() > 1 -> {
                log(Level.WARNING, batch, "FAILED (" + failed.reason() + "), bisecting");
                bisect(batch);
            }
            case BatchOutcome.Failed failed -> {
                log(Level.WARNING, batch, "FAILED (" + failed.reason() + ") in " + took);
                retryOrSkip(batch);
            }
        }
    }

    /**
     * The batch failed while DynamoDB was down: an outage of the local infrastructure, not the function's
     * failure. What the function reported done is done; the rest goes back to the front, its retries unspent.
     */
    private void deliverAgainAfterOutage(Batch batch, BatchOutcome outcome, String took) {
        int done = outcome instanceof BatchOutcome.FailedFrom partial ? partial.firstFailed() : 0;
        checkpoint(batch.records().subList(0, done));
        log(Level.WARNING, batch, ("failed in %s while DynamoDB was down; not counted as a retry, "
                + "delivered again once it serves").formatted(took));
        toRetry.addFirst(new Batch(batch.records().subList(done, batch.records().size()), batch.retries()));
    }

    private InvocationResult invoke(List<Record> records) {
        String event = DynamodbStreamEventJson.event(records, config.streamArn(), config.awsRegion());
        try {
            return function.invoke(event);
        } catch (RuntimeException invokeFailed) {
            return InvocationResult.unhandledError(null, String.valueOf(invokeFailed.getMessage()));
        }
    }

    /** BisectBatchOnFunctionError: both halves go back to the front, first half first; a split is not a retry. */
    private void bisect(Batch batch) {
        List<Record> records = batch.records();
        int half = records.size() / 2;
        toRetry.addFirst(new Batch(records.subList(half, records.size()), batch.retries()));
        toRetry.addFirst(new Batch(records.subList(0, half), batch.retries()));
    }

    private void retryOrSkip(Batch failed) throws InterruptedException {
        if (config.retriesForever() || failed.retries() < config.maximumRetryAttempts()) {
            Duration delay = polling.retryDelay(failed.retries());
            log(Level.INFO, failed, "retry %d in %d ms".formatted(failed.retries() + 1, delay.toMillis()));
            Thread.sleep(delay);
            toRetry.addFirst(new Batch(failed.records(), failed.retries() + 1));
        } else {
            LOG.log(Level.ERROR, "{0} <- {1}: SKIPPING {2} records after {3} retries (MaximumRetryAttempts {4}); "
                            + "they will never reach the function. Sequence numbers: {5}",
                    config.functionName(), reader.shardId(), String.valueOf(failed.records().size()),
                    String.valueOf(failed.retries()), String.valueOf(config.maximumRetryAttempts()), failed.sequenceNumbers());
            checkpoint(failed.records());
        }
    }

    /** The records are done with (delivered, or skipped after their retries): never deliver them again. */
    private void checkpoint(List<Record> done) {
        if (!done.isEmpty()) {
            checkpoints.save(reader.streamArn(), reader.shardId(), config.functionName(),
                    done.getLast().dynamodb().sequenceNumber());
        }
    }

    private void log(Level level, Batch batch, String result) {
        LOG.log(level, "{0} <- {1}: batch of {2} (seq {3}..{4}): {5}", config.functionName(), reader.shardId(),
                String.valueOf(batch.records().size()), batch.firstSequenceNumber(), batch.lastSequenceNumber(), result);
    }
}
