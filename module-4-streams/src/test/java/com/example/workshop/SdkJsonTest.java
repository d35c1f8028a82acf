package com.example.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class SdkJsonTest {

    private final DescribeTableResponse response = DescribeTableResponse.builder()
            .table(table -> table
                    .tableName("workshop-DynamoDBTable-ABC123")
                    .tableStatus(TableStatus.ACTIVE)
                    .itemCount(42L)
                    .creationDateTime(Instant.parse("2026-11-27T20:00:00.250Z"))
                    .keySchema(key -> key.attributeName("ID").keyType(KeyType.HASH))
                    .provisionedThroughput(throughput -> throughput.readCapacityUnits(5L).writeCapacityUnits(5L)))
            .build();

    private final JsonNode json = SdkJson.toJson(response);

    @Test
    void usesTheApiFieldNames() {
        assertEquals("workshop-DynamoDBTable-ABC123", json.at("/Table/TableName").asText());
        assertEquals("ACTIVE", json.at("/Table/TableStatus").asText());
        assertEquals("ID", json.at("/Table/KeySchema/0/AttributeName").asText());
        assertEquals("HASH", json.at("/Table/KeySchema/0/KeyType").asText());
        assertEquals(5, json.at("/Table/ProvisionedThroughput/ReadCapacityUnits").asInt());
        assertEquals(42, json.at("/Table/ItemCount").asLong());
    }

    @Test
    void writesTimestampsAsEpochSecondsLikeTheApi() {
        JsonNode created = json.at("/Table/CreationDateTime");

        assertEquals(1795809600.25, created.asDouble());
        assertEquals("1795809600.250", created.toString());
    }

    @Test
    void leavesOutWhatTheServiceDidNotSend() {
        assertFalse(json.get("Table").has("GlobalSecondaryIndexes"), "absent list");
        assertFalse(json.get("Table").has("TableArn"), "absent string");
    }
}
