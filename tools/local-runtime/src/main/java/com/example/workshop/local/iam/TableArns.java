package com.example.workshop.local.iam;

/** The ARN a table name stands for, as the DynamoDB endpoint reports it. */
@FunctionalInterface
public interface TableArns {

    String arnOf(String tableName);
}
