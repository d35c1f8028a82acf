package com.example.workshop.bench.snapstart;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SnapStart priming for a stage's DynamoDB client, to copy next to the stage's {@code DynamoDb} class: before Lambda
 * snapshots the initialized environment, one harmless read runs every code path of a request (marshalling, signing,
 * HTTP, unmarshalling), so those classes are loaded and their code is warm in the snapshot instead of on the first
 * invocation after each restore.
 *
 * <p>The read is a GetItem of a key no stage writes: no item, no side effect, and only the
 * {@code dynamodb:GetItem} permission on the table. On a JVM without CRaC (local runs, SnapStart off),
 * registering does nothing and the hook never runs.
 */
public final class ClientPriming implements Resource {

    static final String PRIMING_KEY = "__snapstart-priming__";
    private static final Logger LOG = Logger.getLogger(ClientPriming.class.getName());

    private final DynamoDbClient client;
    private final String tableName;

    private ClientPriming(DynamoDbClient client, String tableName) {
        this.client = client;
        this.tableName = tableName;
    }

    /**
     * Registers priming for {@code client}; call it where the client is created. The returned resource must stay
     * referenced (CRaC holds resources weakly): keep it in a static field next to the client.
     */
    public static ClientPriming register(DynamoDbClient client, String tableName) {
        ClientPriming priming = new ClientPriming(client, tableName);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            client.getItem(request -> request.tableName(tableName)
                    .key(Map.of("ID", AttributeValue.fromS(PRIMING_KEY))));
        } catch (RuntimeException e) {
            // A snapshot without priming still works, only its first invocation is slower: never fail the publish.
            LOG.log(Level.WARNING, "SnapStart priming of the DynamoDB client failed; continuing without it", e);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to do: the client's pooled connections are re-opened on demand after a restore.
    }
}
