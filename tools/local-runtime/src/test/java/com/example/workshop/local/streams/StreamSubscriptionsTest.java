package com.example.workshop.local.streams;

import com.example.workshop.local.dynamodb.DynamoDbEngine;
import com.example.workshop.local.dynamodb.TableDeployer;
import com.example.workshop.local.dynamodb.TableNaming;
import com.example.workshop.local.template.DeployedTable;
import com.example.workshop.local.template.SamTemplate;
import com.example.workshop.local.template.StackFacts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

class StreamSubscriptionsTest {

    @Test
    void subscribesEachStreamEventOfTheTemplateWithItsSettings() throws Exception {
        SamTemplate template = SamTemplate.load(Path.of("src/test/resources/streams/template.yaml"));
        RecordingFunction function = RecordingFunction.succeeding();

        try (DynamoDbEngine dynamoDb = DynamoDbEngine.dynoxide(null)) {
            Map<String, DeployedTable> tables = new TableDeployer(dynamoDb.client()).deploy(template, "stack", TableNaming.RANDOM);
            String table = tables.get("DynamoDBTable").name();
            for (String page : List.of("/1", "/2", "/3")) {
                dynamoDb.client().putItem(request -> request.tableName(table).item(Map.of("ID", fromS(page))));
            }

            try (var subscriptions = StreamSubscriptions.start(template, StackFacts.fromTables("stack", "api", tables),
                    dynamoDb.streamsClient(), "us-east-1", logicalId -> function, Checkpoints.inMemory(), dynamoDb.status())) {
                EventSourceMappingConfig config = subscriptions.mappings().getFirst().config();
                assertEquals("stack-StreamProcessorFunction", config.functionName());
                assertEquals(tables.get("DynamoDBTable").streamArn(), config.streamArn());
                assertEquals(true, config.reportBatchItemFailures());
                assertEquals(List.of(List.of("/1", "/2"), List.of("/3")), function.batchesUntil(3));
            }
        }
    }
}
