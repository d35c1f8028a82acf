package com.example.workshop.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

class LocalDynamoDbTest {

    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.fromTemplate("src/test/resources/checks/template.yaml");

    @Test
    void tableIsCreatedWithAGeneratedNameOnLoopback() {
        assertTrue(dynamo.tableName("Table").matches("LocalDynamoDbTest-Table-[A-Z0-9]{13}"), dynamo.tableName("Table"));
        assertEquals("127.0.0.1", dynamo.endpoint().getHost());
    }

    @Test
    void writesShowUpInTheTablesStream() {
        String table = dynamo.tableName("Table");
        dynamo.client().putItem(request -> request.tableName(table).item(Map.of("ID", AttributeValue.fromS("streamed"))));

        String shardId = dynamo.streamsClient().describeStream(request -> request.streamArn(dynamo.streamArn("Table")))
                .streamDescription().shards().getFirst().shardId();
        String iterator = dynamo.streamsClient().getShardIterator(request -> request.streamArn(dynamo.streamArn("Table"))
                .shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        var records = dynamo.streamsClient().getRecords(request -> request.shardIterator(iterator)).records();

        assertTrue(records.stream().anyMatch(r -> r.dynamodb().keys().get("ID").s().equals("streamed")), records.toString());
    }

    @Test
    void unknownLogicalIdIsAClearError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> dynamo.tableName("Visits"));

        assertEquals("src/test/resources/checks/template.yaml declares no table Visits (it declares [Table])", error.getMessage());
    }
}
