package com.example.workshop;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The DescribeTable result as JSON with the API's field names ({@code TableName}, not the SDK's {@code tableName()}),
 * as the Node.js original shows it: the fields a reader of the page looks at.
 */
final class TableJson {

    private TableJson() {
    }

    static ObjectNode of(DescribeTableResponse response) {
        TableDescription table = response.table();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ObjectNode description = json.putObject("Table");
        description.put("TableName", table.tableName());
        description.put("TableArn", table.tableArn());
        description.put("TableStatus", table.tableStatusAsString());
        ArrayNode keySchema = description.putArray("KeySchema");
        table.keySchema().forEach(key -> keySchema.addObject()
                .put("AttributeName", key.attributeName())
                .put("KeyType", key.keyTypeAsString()));
        ArrayNode attributes = description.putArray("AttributeDefinitions");
        table.attributeDefinitions().forEach(attribute -> attributes.addObject()
                .put("AttributeName", attribute.attributeName())
                .put("AttributeType", attribute.attributeTypeAsString()));
        if (table.provisionedThroughput() != null) {
            description.putObject("ProvisionedThroughput")
                    .put("ReadCapacityUnits", table.provisionedThroughput().readCapacityUnits())
                    .put("WriteCapacityUnits", table.provisionedThroughput().writeCapacityUnits());
        }
        description.put("ItemCount", table.itemCount());
        if (table.streamSpecification() != null) {
            description.putObject("StreamSpecification")
                    .put("StreamEnabled", table.streamSpecification().streamEnabled())
                    .put("StreamViewType", table.streamSpecification().streamViewTypeAsString());
            description.put("LatestStreamArn", table.latestStreamArn());
        }
        return json;
    }
}
