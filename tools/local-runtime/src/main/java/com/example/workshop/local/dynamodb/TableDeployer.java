package com.example.workshop.local.dynamodb;

import com.example.workshop.local.template.DeployedTable;
import com.example.workshop.local.template.SamTemplate;
import com.example.workshop.local.template.TableResource;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates a template's tables as declared (keys, throughput or on-demand, stream) and reports them as the
 * endpoint describes them. Idempotent: a table that already exists with the same keys is kept, data and all.
 */
public final class TableDeployer {

    private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(30);

    private final DynamoDbClient client;

    public TableDeployer(DynamoDbClient client) {
        this.client = client;
    }

    /** Every table of the template, by logical id; unnamed tables get {@code naming}'s physical name. */
    public Map<String, DeployedTable> deploy(SamTemplate template, String stackName, TableNaming naming) {
        Map<String, DeployedTable> deployed = new LinkedHashMap<>();
        for (TableResource table : template.tables().values()) {
            String name = table.tableName() != null ? table.tableName() : naming.physicalName(stackName, table.logicalId());
            deployed.put(table.logicalId(), deploy(table, name));
        }
        return deployed;
    }

    public DeployedTable deploy(TableResource table, String physicalName) {
        TableDescription existing = describe(physicalName);
        if (existing == null) {
            client.createTable(createRequest(table, physicalName));
        } else {
            checkSameKeys(table, existing);
        }
        TableDescription active = awaitActive(physicalName);
        return new DeployedTable(table.logicalId(), active.tableName(), active.tableArn(), active.latestStreamArn());
    }

    /** Deletes the tables (used for tables a test created on a shared, external endpoint). */
    public void delete(Iterable<DeployedTable> tables) {
        for (DeployedTable table : tables) {
            try {
                client.deleteTable(request -> request.tableName(table.name()));
            } catch (ResourceNotFoundException alreadyGone) {
                // nothing to clean up
            }
        }
    }

    static CreateTableRequest createRequest(TableResource table, String physicalName) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(physicalName)
                .attributeDefinitions(table.attributeDefinitions().stream()
                        .map(a -> AttributeDefinition.builder().attributeName(a.name()).attributeType(a.type()).build())
                        .toList())
                .keySchema(keySchema(table))
                .billingMode(BillingMode.fromValue(table.billingMode()));
        if (table.provisionedThroughput() != null) {
            request.provisionedThroughput(ProvisionedThroughput.builder()
                    .readCapacityUnits(table.provisionedThroughput().readCapacityUnits())
                    .writeCapacityUnits(table.provisionedThroughput().writeCapacityUnits())
                    .build());
        }
        if (table.hasStream()) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true)
                    .streamViewType(table.streamViewType())
                    .build());
        }
        return request.build();
    }

    private static List<KeySchemaElement> keySchema(TableResource table) {
        return table.keySchema().stream()
                .map(k -> KeySchemaElement.builder().attributeName(k.name()).keyType(k.keyType()).build())
                .toList();
    }

    private void checkSameKeys(TableResource table, TableDescription existing) {
        boolean sameStream = table.hasStream()
                ? existing.streamSpecification() != null && table.streamViewType().equals(existing.streamSpecification().streamViewTypeAsString())
                : existing.streamSpecification() == null || !Boolean.TRUE.equals(existing.streamSpecification().streamEnabled());
        if (!existing.keySchema().equals(keySchema(table)) || !sameStream) {
            throw new IllegalStateException("table " + existing.tableName() + " already exists with other keys or another "
                    + "stream than " + table.logicalId() + " declares; delete it (or the local database file) to recreate it");
        }
    }

    private TableDescription describe(String name) {
        try {
            return client.describeTable(request -> request.tableName(name)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private TableDescription awaitActive(String name) {
        Instant deadline = Instant.now().plus(ACTIVE_TIMEOUT);
        while (true) {
            TableDescription table = describe(name);
            if (table != null && table.tableStatus() == TableStatus.ACTIVE) {
                return table;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("table " + name + " is not ACTIVE after " + ACTIVE_TIMEOUT.toSeconds() + "s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for table " + name, e);
            }
        }
    }
}
