package com.example.workshop.local.template;

import java.util.List;

/**
 * An {@code AWS::DynamoDB::Table}, as declared.
 *
 * @param tableName            the explicit TableName, or null to let the deployment generate one
 * @param billingMode          {@code PROVISIONED} (the default) or {@code PAY_PER_REQUEST}
 * @param provisionedThroughput null for {@code PAY_PER_REQUEST}
 * @param streamViewType       null when the table has no stream
 */
public record TableResource(
        String logicalId,
        String tableName,
        List<AttributeDefinition> attributeDefinitions,
        List<KeyElement> keySchema,
        String billingMode,
        Throughput provisionedThroughput,
        String streamViewType) {

    /** {@code AttributeName} and {@code AttributeType} (S, N or B). */
    public record AttributeDefinition(String name, String type) {}

    /** {@code AttributeName} and {@code KeyType} (HASH or RANGE). */
    public record KeyElement(String name, String keyType) {}

    public record Throughput(long readCapacityUnits, long writeCapacityUnits) {}

    public TableResource {
        attributeDefinitions = List.copyOf(attributeDefinitions);
        keySchema = List.copyOf(keySchema);
    }

    public boolean hasStream() {
        return streamViewType != null;
    }
}
