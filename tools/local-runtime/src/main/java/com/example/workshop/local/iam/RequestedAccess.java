package com.example.workshop.local.iam;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One permission a DynamoDB request needs: an IAM action on a resource ARN. Most operations need
 * {@code dynamodb:<Operation>} on their table (or the index they read); batch operations need it on every table
 * they touch; transactions need the per-item action ({@code dynamodb:PutItem}, ...) on each item's table.
 */
record RequestedAccess(String action, String resource) {

    private static final Map<String, String> TRANSACT_ITEM_ACTIONS = Map.of(
            "Put", "dynamodb:PutItem",
            "Update", "dynamodb:UpdateItem",
            "Delete", "dynamodb:DeleteItem",
            "ConditionCheck", "dynamodb:ConditionCheckItem",
            "Get", "dynamodb:GetItem");

    /** Operations on no particular table, such as ListTables. */
    static final String ANY_RESOURCE = "*";

    static List<RequestedAccess> of(String operation, JsonNode body, TableArns tables) {
        return switch (operation) {
            case "BatchGetItem", "BatchWriteItem" -> perTable("dynamodb:" + operation, body.path("RequestItems"), tables);
            case "TransactWriteItems", "TransactGetItems" -> perTransactItem(body.path("TransactItems"), tables);
            default -> List.of(new RequestedAccess("dynamodb:" + operation, resource(body, tables)));
        };
    }

    private static String resource(JsonNode body, TableArns tables) {
        if (body.hasNonNull("TableName")) {
            String table = tables.arnOf(body.get("TableName").asText());
            return body.hasNonNull("IndexName") ? table + "/index/" + body.get("IndexName").asText() : table;
        }
        for (String arnField : List.of("ResourceArn", "StreamArn", "TableArn")) {
            if (body.hasNonNull(arnField)) {
                return body.get(arnField).asText();
            }
        }
        return ANY_RESOURCE;
    }

    private static List<RequestedAccess> perTable(String action, JsonNode requestItems, TableArns tables) {
        List<RequestedAccess> accesses = new ArrayList<>();
        requestItems.properties().forEach(table -> accesses.add(new RequestedAccess(action, tables.arnOf(table.getKey()))));
        return accesses;
    }

    private static List<RequestedAccess> perTransactItem(JsonNode transactItems, TableArns tables) {
        List<RequestedAccess> accesses = new ArrayList<>();
        for (JsonNode item : transactItems) {
            item.properties().forEach(entry -> accesses.add(new RequestedAccess(
                    TRANSACT_ITEM_ACTIONS.getOrDefault(entry.getKey(), "dynamodb:" + entry.getKey()),
                    tables.arnOf(entry.getValue().path("TableName").asText()))));
        }
        return accesses;
    }
}
