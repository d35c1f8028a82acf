package com.example.workshop.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The workshop's own stage templates are all within what the local runtime supports. */
class StageTemplatesTest {

    private static SamTemplate stage(String module) {
        return SamTemplate.load(Path.of("../..", module, "template.yaml"));
    }

    private static List<String> routes(SamTemplate template) {
        return template.apiEvents().stream().map(e -> e.method() + " " + e.path() + " -> " + e.functionLogicalId()).toList();
    }

    @Test
    void module1IsOneFunctionBehindTheApi() {
        SamTemplate template = stage("module-1-hello");

        assertEquals(List.of("GET / -> MainFunction"), routes(template));
        assertTrue(template.tables().isEmpty());
    }

    @Test
    void module2AddsATableTheFunctionMayDescribe() {
        SamTemplate template = stage("module-2-table");
        FunctionResource main = template.function("MainFunction");

        assertEquals(Map.of("TABLE_NAME", new Ref("DynamoDBTable")), main.environment());
        assertEquals(List.of("dynamodb:DescribeTable"), main.policies().getFirst().actions());
        assertEquals(List.of(new TableResource.KeyElement("ID", "HASH")), template.table("DynamoDBTable").keySchema());
    }

    @Test
    void module3AddsTheCounterRoutes() {
        SamTemplate template = stage("module-3-counter");

        assertEquals(List.of("GET / -> MainFunction", "GET /tags/{tag} -> RecordVisitFunction",
                "GET /counts/{tag} -> ViewCountsFunction"), routes(template));
    }

    @Test
    void module4ProcessesTheTablesStream() {
        SamTemplate template = stage("module-4-streams");

        assertEquals("NEW_AND_OLD_IMAGES", template.table("DynamoDBTable").streamViewType());
        DynamoDbEvent subscription = template.dynamoDbEvents().getFirst();
        assertEquals("StreamProcessorFunction", subscription.functionLogicalId());
        assertEquals("DynamoDBTable", subscription.tableLogicalId());
        assertEquals("TRIM_HORIZON", subscription.startingPosition());
    }
}
