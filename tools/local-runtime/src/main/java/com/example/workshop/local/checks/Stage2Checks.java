package com.example.workshop.local.checks;

import java.util.List;
import java.util.function.Supplier;

/** Stage 2: {@code GET /} answers "Hello, world!" with the DescribeTable response of the stage's table. */
final class Stage2Checks {

    static final String TABLE = "/table/Table";

    private Stage2Checks() {
    }

    static List<Check> checks(Target target) {
        return checks(target, StageChecks.once(() -> target.get("")));
    }

    static List<Check> checks(Target target, Supplier<Reply> hello) {
        return List.of(
                StageChecks.hello(hello),
                new Check("table described", () -> describedTable(Expectation.of(hello.get())).outcome(tableName(hello))));
    }

    private static Expectation describedTable(Expectation expectation) {
        String name = expectation.text(TABLE + "/TableName");
        return expectation
                .under(TABLE)
                .jsonText("/TableName", "not empty", text -> !text.isEmpty())
                .json("/TableStatus", "\"ACTIVE\"")
                .json("/KeySchema", "[{\"AttributeName\":\"ID\",\"KeyType\":\"HASH\"}]")
                .json("/AttributeDefinitions", "[{\"AttributeName\":\"ID\",\"AttributeType\":\"S\"}]")
                .json("/ProvisionedThroughput/ReadCapacityUnits", "5")
                .json("/ProvisionedThroughput/WriteCapacityUnits", "5")
                .jsonText("/TableArn", "ending in :table/<TableName>", arn -> arn.endsWith(":table/" + name));
    }

    private static String tableName(Supplier<Reply> hello) {
        return "table " + Expectation.of(hello.get()).text(TABLE + "/TableName");
    }
}
