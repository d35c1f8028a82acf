package com.example.workshop.local.streams;

import com.example.workshop.local.dynamodb.EngineStatus;
import com.example.workshop.local.lambda.FunctionInvoker;
import com.example.workshop.local.template.DeployedTable;
import com.example.workshop.local.template.DynamoDbEvent;
import com.example.workshop.local.template.SamTemplate;
import com.example.workshop.local.template.StackFacts;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Every {@code Type: DynamoDB} event of a template, each running as a {@link StreamEventSourceMapping}. */
public final class StreamSubscriptions implements AutoCloseable {

    private final List<StreamEventSourceMapping> mappings;

    private StreamSubscriptions(List<StreamEventSourceMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    /** Subscriptions that start at their StartingPosition (tables not kept between runs). */
    public static StreamSubscriptions start(SamTemplate template, StackFacts facts, DynamoDbStreamsClient streams,
                                            String awsRegion, Function<String, FunctionInvoker> functions) {
        return start(template, facts, streams, awsRegion, functions, Checkpoints.inMemory(), EngineStatus.ALWAYS_UP);
    }

    /**
     * @param functions   the invoker of each function, by logical id
     * @param awsRegion   the region the functions run in
     * @param checkpoints where the mappings stopped last time, if the tables were kept
     * @param engine      whether DynamoDB serves: while it does not, the mappings pause
     */
    public static StreamSubscriptions start(SamTemplate template, StackFacts facts, DynamoDbStreamsClient streams,
                                            String awsRegion, Function<String, FunctionInvoker> functions,
                                            Checkpoints checkpoints, EngineStatus engine) {
        List<StreamEventSourceMapping> started = new ArrayList<>();
        try {
            for (DynamoDbEvent event : template.dynamoDbEvents()) {
                EventSourceMappingConfig config = EventSourceMappingConfig.of(event,
                        facts.functionName(event.functionLogicalId()), streamArn(event, facts), awsRegion);
                started.add(StreamEventSourceMapping.start(streams, config, functions.apply(event.functionLogicalId()),
                        checkpoints, PollingSettings.DEFAULT, engine));
            }
        } catch (RuntimeException failed) {
            started.forEach(StreamEventSourceMapping::close);
            throw failed;
        }
        return new StreamSubscriptions(started);
    }

    public List<StreamEventSourceMapping> mappings() {
        return mappings;
    }

    @Override
    public void close() {
        mappings.forEach(StreamEventSourceMapping::close);
    }

    private static String streamArn(DynamoDbEvent event, StackFacts facts) {
        DeployedTable table = facts.table(event.tableLogicalId());
        if (table.streamArn() == null) {
            throw new IllegalStateException("%s, event %s: table %s has no stream (add a StreamSpecification to it)"
                    .formatted(event.functionLogicalId(), event.name(), event.tableLogicalId()));
        }
        return table.streamArn();
    }
}
