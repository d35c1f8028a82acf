package com.example.workshop.local.iam;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Table ARNs read with DescribeTable from the endpoint itself (so they match what {@code !GetAtt Table.Arn}
 * resolved to), cached. A table that does not exist gets the ARN it would have, built from the prefix of a
 * table that does: IAM checks a request before DynamoDB looks for the table.
 */
public final class DescribedTableArns implements TableArns {

    private static final String PREFIX_WHEN_NO_TABLE_EXISTS = "arn:aws:dynamodb:local:000000000000:table/";

    private final DynamoDbClient dynamoDb;
    private final Map<String, String> arns = new ConcurrentHashMap<>();

    public DescribedTableArns(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @Override
    public String arnOf(String tableName) {
        if (tableName.startsWith("arn:")) {
            return tableName;
        }
        String known = arns.get(tableName);
        if (known != null) {
            return known;
        }
        try {
            String arn = dynamoDb.describeTable(request -> request.tableName(tableName)).table().tableArn();
            arns.put(tableName, arn);
            return arn;
        } catch (ResourceNotFoundException noSuchTable) {
            return arnPrefix() + tableName;
        }
    }

    private String arnPrefix() {
        String sample = arns.values().stream().findFirst()
                .or(() -> dynamoDb.listTables(request -> request.limit(1)).tableNames().stream().findFirst().map(this::arnOf))
                .orElse(null);
        return sample == null ? PREFIX_WHEN_NO_TABLE_EXISTS : sample.substring(0, sample.indexOf(":table/") + ":table/".length());
    }
}
