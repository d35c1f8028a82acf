package com.example.workshop.local.iam;

/**
 * One permission a function's DynamoDB call needed, and whether its policy gave it: what {@code ./workshop check}
 * compares with the function's Policies.
 *
 * @param functionLogicalId the calling function, e.g. {@code RecordVisitFunction}
 * @param action            e.g. {@code dynamodb:UpdateItem}
 * @param resource          the table's ARN (or {@code *})
 */
public record AuthorizedCall(String functionLogicalId, String action, String resource, boolean allowed) {
}
