package com.example.workshop.local.template;

import java.util.List;
import java.util.Map;

/**
 * The SAM policy templates the workshop uses, expanded as SAM's policy_templates.json defines them: each
 * allows its actions on the table and on the table's indexes.
 */
final class PolicyTemplates {

    static final Map<String, List<String>> DYNAMODB_ACTIONS = Map.of(
            "DynamoDBReadPolicy", List.of(
                    "dynamodb:GetItem",
                    "dynamodb:Scan",
                    "dynamodb:Query",
                    "dynamodb:BatchGetItem",
                    "dynamodb:DescribeTable"),
            "DynamoDBWritePolicy", List.of(
                    "dynamodb:PutItem",
                    "dynamodb:UpdateItem",
                    "dynamodb:BatchWriteItem"),
            "DynamoDBCrudPolicy", List.of(
                    "dynamodb:GetItem",
                    "dynamodb:DeleteItem",
                    "dynamodb:PutItem",
                    "dynamodb:Scan",
                    "dynamodb:Query",
                    "dynamodb:UpdateItem",
                    "dynamodb:BatchWriteItem",
                    "dynamodb:BatchGetItem",
                    "dynamodb:DescribeTable",
                    "dynamodb:ConditionCheckItem"));

    private static final String TABLE_ARN =
            "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}";

    private PolicyTemplates() {}

    static boolean isKnown(String name) {
        return DYNAMODB_ACTIONS.containsKey(name);
    }

    /** The statement {@code name} stands for, with {@code TableName} (a name or an intrinsic) filled in. */
    static PolicyStatement expand(String name, Object tableName) {
        Map<String, Object> variables = Map.of("tableName", tableName);
        return new PolicyStatement(null, "Allow", DYNAMODB_ACTIONS.get(name), List.of(
                new Sub(TABLE_ARN, variables),
                new Sub(TABLE_ARN + "/index/*", variables)));
    }
}
