package com.example.workshop.bench.snapstart;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.workshop.local.dynamodb.DynoxideServer;
import com.example.workshop.local.dynamodb.SdkClients;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** CRaC is not available locally, so the SnapStart hook is called directly, as the runtime would before a snapshot. */
class ClientPrimingTest {

    private static DynoxideServer dynoxide;
    private static DynamoDbClient admin;
    private final List<String> operations = new ArrayList<>();

    @BeforeAll
    static void startDynoxide() {
        dynoxide = DynoxideServer.startInMemory();
        admin = SdkClients.dynamoDb(dynoxide.endpoint());
        admin.createTable(request -> request.tableName("visits")
                .attributeDefinitions(a -> a.attributeName("ID").attributeType("S"))
                .keySchema(k -> k.attributeName("ID").keyType("HASH"))
                .billingMode("PAY_PER_REQUEST"));
    }

    @AfterAll
    static void stopDynoxide() {
        admin.close();
        dynoxide.close();
    }

    @Test
    void beforeCheckpointSendsOneReadThroughTheClientAndWritesNothing() {
        try (DynamoDbClient client = recordingClient()) {
            ClientPriming priming = ClientPriming.register(client, "visits");

            priming.beforeCheckpoint(null);

            assertEquals(List.of("GetItem"), operations);
            assertEquals(0, admin.scan(request -> request.tableName("visits")).count());
        }
    }

    @Test
    void aFailedPrimingDoesNotFailTheSnapshot() {
        try (DynamoDbClient client = recordingClient()) {
            ClientPriming priming = ClientPriming.register(client, "no-such-table");

            assertDoesNotThrow(() -> priming.beforeCheckpoint(null));
            assertEquals(List.of("GetItem"), operations);
        }
    }

    @Test
    void aPrimedClientServesTheFirstRealRequest() {
        try (DynamoDbClient client = recordingClient()) {
            ClientPriming.register(client, "visits").beforeCheckpoint(null);
            assertNotNull(client.describeTable(request -> request.tableName("visits")).table());
            assertTrue(operations.contains("DescribeTable"));
        }
    }

    private DynamoDbClient recordingClient() {
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }

            @Override
            public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
                operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        };
        return SdkClients.dynamoDb(dynoxide.endpoint(), recorder);
    }
}
