package com.example.workshop.local.iam;

import com.example.workshop.local.dynamodb.DynamoDbEngine;
import com.example.workshop.local.dynamodb.TableDeployer;
import com.example.workshop.local.dynamodb.TableNaming;
import com.example.workshop.local.template.DeployedTable;
import com.example.workshop.local.template.SamTemplate;
import com.example.workshop.local.template.StackFacts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import org.junit.jupiter.api.function.Executable;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workshop's functions call a real dynoxide through the proxy with the real SDK, signed as themselves. */
class DynamoDbIamProxyTest {

    private static final Path TEMPLATE = Path.of("src/test/resources/iam/template.yaml");
    private static final Map<String, AttributeValue> COUNTER_KEY = Map.of("ID", AttributeValue.fromS("/"));

    private static DynamoDbEngine dynamoDb;
    private static DynamoDbIamProxy proxy;
    private static DeployedTable table;
    private static String accountId;
    private final List<DynamoDbClient> clients = new ArrayList<>();

    @BeforeAll
    static void deployTemplateBehindTheProxy() {
        dynamoDb = DynamoDbEngine.dynoxide(null);
        SamTemplate template = SamTemplate.load(TEMPLATE);
        Map<String, DeployedTable> tables = new TableDeployer(dynamoDb.client()).deploy(template, "stack", TableNaming.STABLE);
        table = tables.get("DynamoDBTable");
        accountId = table.arnAccountId();
        StackFacts facts = StackFacts.fromTables("stack", "api", tables);

        proxy = DynamoDbIamProxy.start(dynamoDb.endpoint(), new DescribedTableArns(dynamoDb.client()));
        template.functions().values().forEach(function -> proxy.register(FunctionIdentity.of(function, facts)));
    }

    @AfterAll
    static void stop() {
        proxy.close();
        dynamoDb.close();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(DynamoDbClient::close);
    }

    @Test
    void allowedUpdateItemReachesDynamoDb() {
        DynamoDbClient recordVisit = clientOf("RecordVisitFunction");

        Map<String, AttributeValue> updated = recordVisit.updateItem(request -> request
                .tableName(table.name()).key(COUNTER_KEY)
                .updateExpression("ADD Visits :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.ALL_NEW)).attributes();

        assertEquals("/", updated.get("ID").s());
        assertEquals(updated, dynamoDb.client().getItem(request -> request.tableName(table.name()).key(COUNTER_KEY)).item());
    }

    @Test
    void getItemWithoutPermissionFailsWithDynamoDbsAccessDeniedException() {
        DynamoDbClient recordVisit = clientOf("RecordVisitFunction");

        DynamoDbException denied = assertThrows(DynamoDbException.class,
                () -> recordVisit.getItem(request -> request.tableName(table.name()).key(COUNTER_KEY)));

        assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        assertEquals(400, denied.statusCode());
        assertEquals("User: arn:aws:sts::" + accountId + ":assumed-role/RecordVisitFunctionRole/stack-RecordVisitFunction"
                        + " is not authorized to perform: dynamodb:GetItem on resource: " + table.arn()
                        + " because no identity-based policy allows the dynamodb:GetItem action",
                denied.awsErrorDetails().errorMessage());
    }

    @Test
    void dynamoDbReadPolicyAllowsReadsButNotUpdates() {
        DynamoDbClient viewCounts = clientOf("ViewCountsFunction");

        viewCounts.getItem(request -> request.tableName(table.name()).key(COUNTER_KEY));
        viewCounts.query(request -> request.tableName(table.name()).keyConditionExpression("ID = :id")
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS("/"))));
        viewCounts.scan(request -> request.tableName(table.name()));
        assertEquals(table.arn(), viewCounts.describeTable(request -> request.tableName(table.name())).table().tableArn());
        assertDenied("dynamodb:UpdateItem", () -> viewCounts.updateItem(request -> request
                .tableName(table.name()).key(COUNTER_KEY).updateExpression("ADD Visits :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))));
    }

    @Test
    void aQueryOnAnIndexNeedsThePermissionOnTheIndex() {
        DynamoDbClient viewCounts = clientOf("ViewCountsFunction");
        DynamoDbClient recordVisit = clientOf("RecordVisitFunction");
        QueryRequest byTag = QueryRequest.builder().tableName(table.name()).indexName("ByTag")
                .keyConditionExpression("Tag = :tag").expressionAttributeValues(Map.of(":tag", AttributeValue.fromS("java")))
                .build();

        DynamoDbException passedIam = assertThrows(DynamoDbException.class, () -> viewCounts.query(byTag));
        DynamoDbException denied = assertThrows(DynamoDbException.class, () -> recordVisit.query(byTag));

        assertEquals("ValidationException", passedIam.awsErrorDetails().errorCode(), "DynamoDB's answer: the table has no such index");
        assertTrue(denied.awsErrorDetails().errorMessage().contains(
                "not authorized to perform: dynamodb:Query on resource: " + table.arn() + "/index/ByTag"),
                denied.awsErrorDetails().errorMessage());
    }

    @Test
    void wildcardActionsAllowAndAnExplicitDenyWins() {
        DynamoDbClient admin = clientOf("AdminFunction");

        admin.putItem(request -> request.tableName(table.name()).item(Map.of("ID", AttributeValue.fromS("/admin"))));
        admin.listTables();
        String message = assertDenied("dynamodb:DeleteItem", () -> admin.deleteItem(request -> request
                .tableName(table.name()).key(Map.of("ID", AttributeValue.fromS("/admin")))));

        assertTrue(message.endsWith("with an explicit deny in an identity-based policy"), message);
    }

    @Test
    void batchAndTransactionCallsNeedThePermissionOnEveryTable() {
        DynamoDbClient viewCounts = clientOf("ViewCountsFunction");
        DynamoDbClient recordVisit = clientOf("RecordVisitFunction");

        viewCounts.batchGetItem(request -> request.requestItems(Map.of(table.name(),
                software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(COUNTER_KEY).build())));
        assertDenied("dynamodb:BatchGetItem", () -> recordVisit.batchGetItem(request -> request.requestItems(Map.of(
                table.name(), software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(COUNTER_KEY).build()))));
        assertDenied("dynamodb:PutItem", () -> recordVisit.transactWriteItems(request -> request.transactItems(
                item -> item.put(put -> put.tableName(table.name()).item(Map.of("ID", AttributeValue.fromS("/t")))))));
    }

    @Test
    void callsSignedWithAnUnknownAccessKeyAreRefused() {
        DynamoDbClient stranger = client("AKIAIOSFODNN7EXAMPLE");

        DynamoDbException refused = assertThrows(DynamoDbException.class,
                () -> stranger.getItem(request -> request.tableName(table.name()).key(COUNTER_KEY)));

        assertEquals("UnrecognizedClientException", refused.awsErrorDetails().errorCode());
        assertEquals("The security token included in the request is invalid.", refused.awsErrorDetails().errorMessage());
    }

    @Test
    void proxyForwardsResponsesUnchangedAndItsOverheadIsMeasured() {
        DynamoDbClient viaProxy = clientOf("ViewCountsFunction");
        DynamoDbClient direct = dynamoDb.client();
        GetItemRequest get = GetItemRequest.builder().tableName(table.name()).key(COUNTER_KEY).build();
        direct.putItem(request -> request.tableName(table.name())
                .item(Map.of("ID", AttributeValue.fromS("/"), "Visits", AttributeValue.fromN("7"))));

        long[] directMicros = new long[100];
        long[] proxiedMicros = new long[100];
        for (int i = -20; i < directMicros.length; i++) {
            long directCall = timeMicros(() -> direct.getItem(get));
            long proxiedCall = timeMicros(() -> viaProxy.getItem(get));
            if (i >= 0) {
                directMicros[i] = directCall;
                proxiedMicros[i] = proxiedCall;
            }
        }

        assertEquals(direct.getItem(get).item(), viaProxy.getItem(get).item());
        System.out.printf("GetItem p50: direct %d us, through the IAM proxy %d us%n",
                median(directMicros), median(proxiedMicros));
    }

    private String assertDenied(String action, Executable call) {
        DynamoDbException denied = assertThrows(DynamoDbException.class, call);
        assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        assertTrue(denied.awsErrorDetails().errorMessage().contains("not authorized to perform: " + action + " on resource: " + table.arn()),
                denied.awsErrorDetails().errorMessage());
        return denied.awsErrorDetails().errorMessage();
    }

    private DynamoDbClient clientOf(String functionLogicalId) {
        return client(FunctionIdentity.accessKeyIdFor(functionLogicalId));
    }

    /** A client configured as the function's environment configures it: endpoint and keys from the proxy. */
    private DynamoDbClient client(String accessKeyId) {
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(proxy.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKeyId, FunctionIdentity.SECRET_ACCESS_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        clients.add(client);
        return client;
    }

    private static long timeMicros(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return (System.nanoTime() - started) / 1000;
    }

    private static long median(long[] micros) {
        long[] sorted = micros.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
