package com.example.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class TableJsonTest {

    private static final TableDescription TABLE = TableDescription.builder()
            .tableName("workshop-DynamoDBTable-ABC123")
            .tableArn("arn:aws:dynamodb:us-east-1:123456789012:table/workshop-DynamoDBTable-ABC123")
            .tableStatus(TableStatus.ACTIVE)
            .itemCount(42L)
            .keySchema(key -> key.attributeName("ID").keyType(KeyType.HASH))
            .attributeDefinitions(attribute -> attribute.attributeName("ID").attributeType(ScalarAttributeType.S))
            .provisionedThroughput(throughput -> throughput.readCapacityUnits(5L).writeCapacityUnits(5L))
            .build();

    @Test
    void usesTheApiFieldNames() {
        JsonNode json = TableJson.of(DescribeTableResponse.builder().table(TABLE).build());

        assertEquals("workshop-DynamoDBTable-ABC123", json.at("/Table/TableName").asText());
        assertEquals(TABLE.tableArn(), json.at("/Table/TableArn").asText());
        assertEquals("ACTIVE", json.at("/Table/TableStatus").asText());
        assertEquals("ID", json.at("/Table/KeySchema/0/AttributeName").asText());
        assertEquals("HASH", json.at("/Table/KeySchema/0/KeyType").asText());
        assertEquals("S", json.at("/Table/AttributeDefinitions/0/AttributeType").asText());
        assertEquals(5, json.at("/Table/ProvisionedThroughput/ReadCapacityUnits").asInt());
        assertEquals(5, json.at("/Table/ProvisionedThroughput/WriteCapacityUnits").asInt());
        assertEquals(42, json.at("/Table/ItemCount").asLong());
    }

    @Test
    void showsTheStreamOnlyWhenTheTableHasOne() {
        JsonNode withoutStream = TableJson.of(DescribeTableResponse.builder().table(TABLE).build());
        JsonNode withStream = TableJson.of(DescribeTableResponse.builder().table(TABLE.toBuilder()
                .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                .latestStreamArn(TABLE.tableArn() + "/stream/2026-11-27T20:00:00.000")
                .build()).build());

        assertFalse(withoutStream.get("Table").has("StreamSpecification"));
        assertFalse(withoutStream.get("Table").has("LatestStreamArn"));
        assertTrue(withStream.at("/Table/StreamSpecification/StreamEnabled").asBoolean());
        assertEquals("NEW_AND_OLD_IMAGES", withStream.at("/Table/StreamSpecification/StreamViewType").asText());
        assertTrue(withStream.at("/Table/LatestStreamArn").asText().endsWith("/stream/2026-11-27T20:00:00.000"));
    }
}
