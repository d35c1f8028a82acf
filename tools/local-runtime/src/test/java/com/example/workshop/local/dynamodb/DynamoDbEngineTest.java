package com.example.workshop.local.dynamodb;

import com.example.workshop.local.PackageLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.local.template.DeployedTable;
import com.example.workshop.local.template.SamTemplate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Against real dynoxide processes, installed under the repository root by tools/dynoxide/install. */
class DynamoDbEngineTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load(Path.of("src/test/resources/templates/full-featured.yaml"));

    @Test
    void tablesAreCreatedAsTheTemplateDeclaresThem() {
        try (DynamoDbEngine engine = DynamoDbEngine.dynoxide(null)) {
            Map<String, DeployedTable> tables = new TableDeployer(engine.client()).deploy(TEMPLATE, "stage", TableNaming.RANDOM);

            TableDescription events = describe(engine.client(), tables.get("EventsTable").name());
            assertEquals(List.of(key("PK", KeyType.HASH), key("SK", KeyType.RANGE)), events.keySchema());
            assertEquals(BillingMode.PAY_PER_REQUEST, events.billingModeSummary().billingMode());
            assertEquals(StreamViewType.NEW_IMAGE, events.streamSpecification().streamViewType());
            assertEquals(events.tableArn(), tables.get("EventsTable").arn());
            assertEquals(events.latestStreamArn(), tables.get("EventsTable").streamArn());
            assertTrue(tables.get("EventsTable").name().matches("stage-EventsTable-[A-Z0-9]{13}"), tables.toString());

            TableDescription named = describe(engine.client(), "workshop-named");
            assertEquals(3L, named.provisionedThroughput().readCapacityUnits());
            assertEquals(4L, named.provisionedThroughput().writeCapacityUnits());
            assertNull(tables.get("NamedTable").streamArn());
        }
    }

    @Test
    void stoppedServerNoLongerAnswers() {
        DynamoDbEngine engine = DynamoDbEngine.dynoxide(null);
        engine.close();

        try (DynamoDbClient client = SdkClients.dynamoDb(engine.endpoint())) {
            assertThrows(SdkClientException.class, client::listTables);
        }
    }

    @Test
    void restartOnTheSameDatabaseFileKeepsTablesAndItems(@TempDir Path folder) {
        Path db = folder.resolve("workshop.db");
        String tableName;
        try (DynamoDbEngine first = DynamoDbEngine.dynoxide(db)) {
            tableName = new TableDeployer(first.client()).deploy(TEMPLATE, "stage", TableNaming.STABLE)
                    .get("EventsTable").name();
            first.client().putItem(request -> request.tableName(tableName).item(Map.of(
                    "PK", AttributeValue.fromS("visit"), "SK", AttributeValue.fromN("1"), "Tag", AttributeValue.fromS("java"))));
        }

        try (DynamoDbEngine second = DynamoDbEngine.dynoxide(db)) {
            Map<String, DeployedTable> again = new TableDeployer(second.client()).deploy(TEMPLATE, "stage", TableNaming.STABLE);

            assertEquals(tableName, again.get("EventsTable").name());
            Map<String, AttributeValue> item = second.client().getItem(request -> request.tableName(tableName).key(Map.of(
                    "PK", AttributeValue.fromS("visit"), "SK", AttributeValue.fromN("1")))).item();
            assertEquals("java", item.get("Tag").s());
        }
    }

    @Test
    void aKilledDynoxideIsSaidAndStartedAgainOnTheSameFileAndEndpoint(@TempDir Path folder) throws Exception {
        Path db = folder.resolve("workshop.db");
        try (PackageLog log = new PackageLog("com.example.workshop.local.dynamodb"); DynamoDbEngine engine = DynamoDbEngine.dynoxide(db)) {
            String table = new TableDeployer(engine.client()).deploy(TEMPLATE, "stage", TableNaming.STABLE)
                    .get("EventsTable").name();
            engine.client().putItem(request -> request.tableName(table).item(Map.of(
                    "PK", AttributeValue.fromS("visit"), "SK", AttributeValue.fromN("1"), "Tag", AttributeValue.fromS("java"))));

            DynoxideKiller.kill(engine);

            assertTrue(engine.status().awaitUp(Duration.ofSeconds(30)), log.lines().toString());
            assertEquals(1, engine.status().outages());
            Map<String, AttributeValue> item = engine.client().getItem(request -> request.tableName(table).key(Map.of(
                    "PK", AttributeValue.fromS("visit"), "SK", AttributeValue.fromN("1")))).item();
            assertEquals("java", item.get("Tag").s(), "the same client, the same endpoint, the same data");
            assertEquals("WARNING dynoxide exited (exit status 137 (killed by signal 9, SIGKILL)); restarting it on "
                    + db + " at " + engine.endpoint(), log.lines().getFirst());
            assertTrue(log.lines().get(1).startsWith("INFO dynoxide serves again at " + engine.endpoint()), log.lines().toString());
        }
    }

    @Test
    void closingItIsNoCrash() throws Exception {
        try (PackageLog log = new PackageLog("com.example.workshop.local.dynamodb")) {
            DynamoDbEngine engine = DynamoDbEngine.dynoxide(null);
            engine.close();
            Thread.sleep(200);

            assertEquals(List.of(), log.lines());
            assertFalse(engine.status().isUp());
        }
    }

    @Test
    void externalEndpointFromTheEnvironmentIsUsedAndLeftRunning() {
        try (DynoxideServer external = DynoxideServer.startInMemory()) {
            DynamoDbEngine engine = DynamoDbEngine.start(
                    Map.of(DynamoDbEngine.ENDPOINT_ENV, external.endpoint().toString()), null);
            new TableDeployer(engine.client()).deploy(TEMPLATE, "shared", TableNaming.RANDOM);
            engine.close();

            assertTrue(engine.isExternal());
            assertEquals(external.endpoint(), engine.endpoint());
            assertTrue(external.isRunning(), "an external endpoint is not ours to stop");
            try (DynamoDbClient client = SdkClients.dynamoDb(external.endpoint())) {
                assertTrue(client.listTables().tableNames().contains("workshop-named"));
            }
        }
    }

    @Test
    void deployingTwiceKeepsTheExistingTable() {
        try (DynamoDbEngine engine = DynamoDbEngine.dynoxide(null)) {
            TableDeployer deployer = new TableDeployer(engine.client());
            DeployedTable first = deployer.deploy(TEMPLATE, "stage", TableNaming.STABLE).get("EventsTable");
            DeployedTable second = deployer.deploy(TEMPLATE, "stage", TableNaming.STABLE).get("EventsTable");

            assertEquals(first, second);
            assertNotNull(second.streamArn());
        }
    }

    @Test
    void stableNamesDependOnlyOnStackAndLogicalId() {
        assertEquals(TableNaming.STABLE.physicalName("s", "T"), TableNaming.STABLE.physicalName("s", "T"));
        assertFalse(TableNaming.RANDOM.physicalName("s", "T").equals(TableNaming.RANDOM.physicalName("s", "T")));
    }

    private static TableDescription describe(DynamoDbClient client, String name) {
        return client.describeTable(request -> request.tableName(name)).table();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
