package com.example.workshop;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.example.workshop.testing.DynamoDbCallRecorder;
import com.example.workshop.testing.LocalDynamoDb;
import com.example.workshop.testing.TemplateChecks;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The template routes, links and permits what the handlers serve, link to and call. */
class TemplateTest {

    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.fromTemplate("template.yaml");

    @Test
    void templateMatchesCode() {
        DynamoDbCallRecorder mainCalls = new DynamoDbCallRecorder();
        DynamoDbCallRecorder recordVisitCalls = new DynamoDbCallRecorder();
        DynamoDbCallRecorder viewCountsCalls = new DynamoDbCallRecorder();
        DynamoDbCallRecorder streamProcessorCalls = new DynamoDbCallRecorder();

        run(mainCalls, MainHandler::new, EventLoader.loadApiGatewayRestEvent("events/get-root.json"));
        String visitPage = run(recordVisitCalls, RecordVisitHandler::new,
                EventLoader.loadApiGatewayRestEvent("events/get-tag.json")).getBody();
        run(viewCountsCalls, ViewCountsHandler::new, EventLoader.loadApiGatewayRestEvent("events/get-counts.json"));
        run(streamProcessorCalls, StreamProcessorHandler::new,
                EventLoader.loadDynamoDbEvent("events/stream-batch.json"));

        TemplateChecks.forModule(".")
                .route("GET", "/", "MainFunction")
                .route("GET", "/tags/{tag}", "RecordVisitFunction")
                .route("GET", "/counts/{tag}", "ViewCountsFunction")
                .pageLinks("/tags/technology", visitPage)
                .dynamoDbCalls("MainFunction", mainCalls, dynamo)
                .dynamoDbCalls("RecordVisitFunction", recordVisitCalls, dynamo)
                .dynamoDbCalls("ViewCountsFunction", viewCountsCalls, dynamo)
                .dynamoDbCalls("StreamProcessorFunction", streamProcessorCalls, dynamo)
                .assertAll();
    }

    /** Runs the handler as the function would, with a client that records its calls. */
    private static <I, O> O run(DynamoDbCallRecorder recorder,
            BiFunction<DynamoDbClient, String, ? extends RequestHandler<I, O>> handler, I event) {
        try (DynamoDbClient client = dynamo.client(recorder)) {
            return handler.apply(client, dynamo.tableName("DynamoDBTable")).handleRequest(event, null);
        }
    }
}
