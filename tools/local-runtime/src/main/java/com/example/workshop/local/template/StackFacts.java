package com.example.workshop.local.template;

import java.util.Map;

/**
 * What a deployment knows once its tables exist, which is what the template's intrinsics resolve to.
 *
 * @param restApiId     what {@code !Ref ServerlessRestApi} gives
 * @param tables        by logical id
 * @param functionNames physical function names by logical id; a function missing here is named
 *                      {@code <stackName>-<LogicalId>}
 */
public record StackFacts(
        String stackName,
        String region,
        String accountId,
        String partition,
        String restApiId,
        Map<String, DeployedTable> tables,
        Map<String, String> functionNames) {

    public StackFacts {
        tables = Map.copyOf(tables);
        functionNames = Map.copyOf(functionNames);
    }

    /**
     * Facts whose region, account and partition are those of the tables' ARNs, so that a policy ARN built with
     * {@code ${AWS::Region}} and {@code ${AWS::AccountId}} names the table the endpoint actually has.
     */
    public static StackFacts fromTables(String stackName, String restApiId, Map<String, DeployedTable> tables) {
        DeployedTable any = tables.values().stream().findFirst().orElse(null);
        return any == null
                ? new StackFacts(stackName, "us-east-1", "123456789012", "aws", restApiId, tables, Map.of())
                : new StackFacts(stackName, any.arnRegion(), any.arnAccountId(), any.arnPartition(), restApiId,
                        tables, Map.of());
    }

    public DeployedTable table(String logicalId) {
        DeployedTable table = tables.get(logicalId);
        if (table == null) {
            throw new IllegalStateException("table " + logicalId + " was not deployed (deployed: " + tables.keySet() + ")");
        }
        return table;
    }

    public String functionName(String logicalId) {
        return functionNames.getOrDefault(logicalId, stackName + "-" + logicalId);
    }
}
