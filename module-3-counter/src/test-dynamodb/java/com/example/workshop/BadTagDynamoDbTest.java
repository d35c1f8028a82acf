package com.example.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import com.example.workshop.testing.LocalDynamoDb;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;

/** A table of its own, so "nothing was written" means the table is empty. */
class BadTagDynamoDbTest {

    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.fromTemplate("template.yaml");

    @ParameterizedTest
    @Events(type = APIGatewayProxyRequestEvent.class, events = {
            @Event("events/get-tag-too-long.json"),
            @Event("events/get-tag-empty.json"),
            @Event("events/get-tag-missing.json"),
            @Event("events/get-tag-invalid-utf8.json"),
            @Event("events/get-tag-nul.json")})
    void aBadTagGets400AndWritesNothing(APIGatewayProxyRequestEvent visit) {
        String tableName = dynamo.tableName("DynamoDBTable");
        RecordVisitHandler recordVisit = new RecordVisitHandler(dynamo.client(), tableName);

        assertEquals(400, recordVisit.handleRequest(visit, null).getStatusCode());
        assertEquals(0, dynamo.client().scan(scan -> scan.tableName(tableName)).count());
    }
}
