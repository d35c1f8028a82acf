package com.example.workshop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.example.workshop.Tag.InvalidTagException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code GET /tags/{tag}}: counts one visit of the tag, then links to its count.
 */
public class RecordVisitHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    /** Used by Lambda: the execution environment's client and the table named in the template. */
    public RecordVisitHandler() {
        this(DynamoDb.client(), System.getenv("TABLE_NAME"));
    }

    public RecordVisitHandler(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        Tag tag;
        try {
            tag = Tag.fromPathParameters(event.getPathParameters());
        } catch (InvalidTagException e) {
            return Html.badRequest(e.getMessage());
        }
        recordVisit(tag);
        // Relative to /<stage>/tags/<tag>, so it works under /Prod when deployed and at / when run locally.
        return Html.page("""
                <h1>YOUR VISIT COUNTS.</h1>
                <h2><a href="../counts/%s">Check the count for the tag "%s" here.</a></h2>
                """.formatted(tag.pathSegment(), tag.html()));
    }

    /** One atomic increment: concurrent visits of the same tag are all counted. */
    private void recordVisit(Tag tag) {
        dynamoDb.updateItem(request -> request
                .tableName(tableName)
                .key(Map.of("ID", AttributeValue.fromS(tag.value())))
                .updateExpression("SET #count = if_not_exists(#count, :zero) + :inc")
                .expressionAttributeNames(Map.of("#count", "Count"))
                .expressionAttributeValues(Map.of(
                        ":inc", AttributeValue.fromN("1"),
                        ":zero", AttributeValue.fromN("0"))));
    }
}
