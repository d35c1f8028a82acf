package com.example.workshop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.example.workshop.Tag.InvalidTagException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * {@code GET /counts/{tag}}: shows how many visits the tag has; 0 for a tag never visited.
 */
public class ViewCountsHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    /** Used by Lambda: the execution environment's client and the table named in the template. */
    public ViewCountsHandler() {
        this(DynamoDb.client(), System.getenv("TABLE_NAME"));
    }

    public ViewCountsHandler(DynamoDbClient dynamoDb, String tableName) {
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
        long count = readNumber(tag.value(), "Count");
        return Html.page("""
                <h1>The tag "%s" has %d total visits.</h1>
                """.formatted(tag.html(), count));
    }

    /** The number in attribute {@code name} of item {@code id}, 0 if there is none yet. */
    private long readNumber(String id, String name) {
        // Strongly consistent: the visit recorded just before following the link is included.
        GetItemResponse response = dynamoDb.getItem(request -> request
                .tableName(tableName)
                .key(Map.of("ID", AttributeValue.fromS(id)))
                .consistentRead(true));
        AttributeValue number = response.item().get(name);
        return number == null ? 0 : Long.parseLong(number.n());
    }
}
