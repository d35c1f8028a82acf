package com.example.workshop.local.streams;

import com.example.workshop.local.dynamodb.EngineStatus;
import com.example.workshop.local.lambda.FunctionInvoker;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A local DynamoDB stream event source mapping: polls every shard of a table's stream and invokes the
 * function with batches of records, as Lambda does after {@code sam deploy} for an {@code Events: Type: DynamoDB}.
 *
 * <p>Shards are read parent first (a child shard waits until its parent is read to the end), so records of
 * one item always arrive in order. {@link #start} returns once every shard has its iterator, so with
 * StartingPosition LATEST any write made after it returns is delivered.
 */
public final class StreamEventSourceMapping implements AutoCloseable {

    private static final Logger LOG = System.getLogger(StreamEventSourceMapping.class.getName());

    private final DynamoDbStreamsClient streams;
    private final EventSourceMappingConfig config;
    private final FunctionInvoker function;
    private final PollingSettings polling;
    private final Checkpoints checkpoints;
    private final EngineStatus engine;
    private final Map<String, ShardConsumer> consumers = new ConcurrentHashMap<>();
    /** Ancestors of the open shards, which StartingPosition LATEST leaves unread. */
    private final Set<String> skipped = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    private StreamEventSourceMapping(DynamoDbStreamsClient streams, EventSourceMappingConfig config,
                                     FunctionInvoker function, Checkpoints checkpoints, PollingSettings polling,
                                     EngineStatus engine) {
        this.streams = streams;
        this.engine = engine;
        this.config = config;
        this.function = function;
        this.checkpoints = checkpoints;
        this.polling = polling;
    }

    /** A mapping that starts at its StartingPosition and polls at the default pace. */
    public static StreamEventSourceMapping start(DynamoDbStreamsClient streams, EventSourceMappingConfig config,
                                                 FunctionInvoker function) {
        return start(streams, config, function, Checkpoints.inMemory(), PollingSettings.DEFAULT);
    }

    /** A mapping that carries on after the checkpoint of each shard that has one. */
    public static StreamEventSourceMapping start(DynamoDbStreamsClient streams, EventSourceMappingConfig config,
                                                 FunctionInvoker function, Checkpoints checkpoints,
                                                 PollingSettings polling) {
        return start(streams, config, function, checkpoints, polling, EngineStatus.ALWAYS_UP);
    }

    /**
     * @param engine whether DynamoDB serves: while it does not, the mapping pauses, and a batch that failed
     *               meanwhile is delivered again without counting as a retry
     */
    public static StreamEventSourceMapping start(DynamoDbStreamsClient streams, EventSourceMappingConfig config,
                                                 FunctionInvoker function, Checkpoints checkpoints,
                                                 PollingSettings polling, EngineStatus engine) {
        StreamEventSourceMapping mapping = new StreamEventSourceMapping(streams, config, function, checkpoints,
                polling, engine);
        try {
            mapping.startReadyShards(mapping.describeShards(), config.startingPosition());
        } catch (SdkException unreadable) {
            mapping.close();
            throw new IllegalStateException("Cannot read stream %s for function %s: %s"
                    .formatted(config.streamArn(), config.functionName(), unreadable.getMessage()), unreadable);
        }
        mapping.spawn("stream-shards-" + config.functionName(), mapping::discoverShards);
        LOG.log(Level.INFO, "{0}: subscribed to {1} ({2}, BatchSize {3})", config.functionName(),
                config.streamArn(), config.startingPosition(), String.valueOf(config.batchSize()));
        return mapping;
    }

    public EventSourceMappingConfig config() {
        return config;
    }

    /** Stops polling; an invocation in progress is not awaited beyond a few seconds. */
    @Override
    public void close() {
        List<Thread> running;
        synchronized (threads) {
            closed = true;
            running = List.copyOf(threads);
        }
        running.forEach(Thread::interrupt);
        for (Thread thread : running) {
            try {
                thread.join(5_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.log(Level.INFO, "{0}: unsubscribed from {1}", config.functionName(), config.streamArn());
    }

    private void discoverShards() {
        boolean failing = false;
        while (!closed) {
            try {
                Thread.sleep(polling.shardDiscoveryInterval());
                startReadyShards(describeShards(), StartingPosition.TRIM_HORIZON);
                failing = false;
            } catch (InterruptedException | AbortedException stopping) {
                return;
            } catch (SdkException describeFailed) {
                if (!failing) {
                    LOG.log(Level.WARNING, "{0}: DescribeStream failed, retrying until it works: {1}",
                            config.functionName(), describeFailed.getMessage());
                }
                failing = true;
            }
        }
    }

    /** New shards found after the start are read from their beginning, whatever the StartingPosition. */
    private synchronized void startReadyShards(List<Shard> shards, StartingPosition position) {
        Set<String> listed = shards.stream().map(Shard::shardId).collect(Collectors.toSet());
        Set<String> parents = shards.stream().map(Shard::parentShardId).collect(Collectors.toSet());
        for (Shard shard : shards) {
            if (consumers.containsKey(shard.shardId()) || skipped.contains(shard.shardId()) || closed) {
                continue;
            }
            if (position == StartingPosition.LATEST) {
                startLatest(shard, parents.contains(shard.shardId()));
            } else if (parentDone(shard, listed)) {
                startConsumer(shard.shardId(), ShardIteratorType.TRIM_HORIZON);
            }
        }
    }

    /** LATEST only concerns the open shards, those without children; their ancestors hold older records. */
    private void startLatest(Shard shard, boolean hasChildren) {
        if (hasChildren) {
            skipped.add(shard.shardId());
        } else {
            startConsumer(shard.shardId(), ShardIteratorType.LATEST);
        }
    }

    private boolean parentDone(Shard shard, Set<String> listed) {
        String parent = shard.parentShardId();
        if (parent == null || !listed.contains(parent) || skipped.contains(parent)) {
            return true;
        }
        ShardConsumer parentConsumer = consumers.get(parent);
        return parentConsumer != null && parentConsumer.isFinished();
    }

    private void startConsumer(String shardId, ShardIteratorType start) {
        String checkpoint = checkpoints.lastDone(config.streamArn(), shardId, config.functionName()).orElse(null);
        if (checkpoint != null) {
            LOG.log(Level.INFO, "{0} <- {1}: carrying on after sequence number {2}", config.functionName(), shardId, checkpoint);
        }
        ShardReader reader = new ShardReader(streams, config.streamArn(), shardId, start, checkpoint);
        ShardConsumer consumer = new ShardConsumer(reader, config, function, polling, checkpoints, engine);
        consumers.put(shardId, consumer);
        spawn("stream-" + config.functionName() + "-" + shardId, consumer);
    }

    private void spawn(String name, Runnable task) {
        synchronized (threads) {
            if (!closed) {
                threads.add(Thread.ofPlatform().daemon().name(name).start(task));
            }
        }
    }

    /** DescribeStream pages through shards with ExclusiveStartShardId. */
    private List<Shard> describeShards() {
        List<Shard> shards = new ArrayList<>();
        String lastEvaluated = null;
        do {
            String exclusiveStart = lastEvaluated;
            StreamDescription description = streams.describeStream(request -> request
                    .streamArn(config.streamArn()).exclusiveStartShardId(exclusiveStart)).streamDescription();
            shards.addAll(description.shards());
            lastEvaluated = description.lastEvaluatedShardId();
        } while (lastEvaluated != null);
        return shards;
    }
}
