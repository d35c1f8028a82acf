package com.example.workshop.e2e;

import com.example.workshop.local.template.DeployedTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stage 2: the function describes the table the template declares, through the IAM proxy, as itself. */
class Stage2TableTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningStage stage;

    @BeforeAll
    static void start() {
        stage = RunningStage.start("2");
    }

    @AfterAll
    static void stop() {
        stage.close();
    }

    @Test
    void itPassesTheSmokeChecks() {
        RunningStage.assertPassesChecks(2, stage.baseUrl());
    }

    @Test
    void theFunctionDescribesTheTableOfItsStack() throws Exception {
        DeployedTable table = stage.deployment.tables().values().iterator().next();

        JsonNode body = JSON.readTree(stage.get("/Prod/").body());

        assertEquals(table.name(), body.at("/table/Table/TableName").asText());
        assertTrue(table.name().startsWith("module-2-table-DynamoDBTable-"), table.name());
    }
}
