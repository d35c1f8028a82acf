package com.example.workshop.local.dynamodb;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The DynamoDB endpoint a local run or a test uses: a dynoxide server it starts (and starts again on the same
 * file and port if it exits), or, when {@code WORKSHOP_DYNAMODB_ENDPOINT} is set, that endpoint (DynamoDB Local,
 * LocalStack, ...) with nothing started.
 */
public final class DynamoDbEngine implements AutoCloseable {

    public static final String ENDPOINT_ENV = "WORKSHOP_DYNAMODB_ENDPOINT";

    private final URI endpoint;
    private final SupervisedDynoxide server;
    private final DynamoDbClient client;
    private final DynamoDbStreamsClient streamsClient;

    private DynamoDbEngine(URI endpoint, SupervisedDynoxide server) {
        this.endpoint = endpoint;
        this.server = server;
        this.client = SdkClients.dynamoDb(endpoint);
        this.streamsClient = SdkClients.dynamoDbStreams(endpoint);
    }

    /**
     * The external endpoint if the environment names one, else a dynoxide server started now: in memory when
     * {@code dbPath} is null, otherwise keeping its data in that file.
     */
    public static DynamoDbEngine start(Path dbPath) {
        return start(System.getenv(), dbPath);
    }

    static DynamoDbEngine start(Map<String, String> environment, Path dbPath) {
        String external = environment.get(ENDPOINT_ENV);
        if (external != null && !external.isBlank()) {
            return external(URI.create(external.strip()));
        }
        return dynoxide(dbPath);
    }

    public static DynamoDbEngine external(URI endpoint) {
        return new DynamoDbEngine(endpoint, null);
    }

    public static DynamoDbEngine dynoxide(Path dbPath) {
        SupervisedDynoxide server = SupervisedDynoxide.start(DynoxideBinary.locate(), dbPath);
        return new DynamoDbEngine(server.endpoint(), server);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** True when the endpoint was given by the environment and is shared with whatever else uses it. */
    public boolean isExternal() {
        return server == null;
    }

    /** Whether the endpoint serves right now, and how often it went down: an external one is taken to be up. */
    public EngineStatus status() {
        return server == null ? EngineStatus.ALWAYS_UP : server;
    }

    public DynamoDbClient client() {
        return client;
    }

    public DynamoDbStreamsClient streamsClient() {
        return streamsClient;
    }

    /** Closes the clients and stops the dynoxide server if this engine started one. */
    @Override
    public void close() {
        client.close();
        streamsClient.close();
        if (server != null) {
            server.close();
        }
    }
}
