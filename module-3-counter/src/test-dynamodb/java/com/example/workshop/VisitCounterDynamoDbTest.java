package com.example.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.example.workshop.testing.LocalDynamoDb;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;

/** Each test uses its own tag, so they share one table. */
class VisitCounterDynamoDbTest {

    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.fromTemplate("template.yaml");

    private final RecordVisitHandler recordVisit =
            new RecordVisitHandler(dynamo.client(), dynamo.tableName("DynamoDBTable"));
    private final ViewCountsHandler viewCounts =
            new ViewCountsHandler(dynamo.client(), dynamo.tableName("DynamoDBTable"));

    @ParameterizedTest
    @Event(value = "events/get-tag.json", type = APIGatewayProxyRequestEvent.class)
    void aFirstVisitCountsOneAndLinksToTheCount(APIGatewayProxyRequestEvent visit) {
        APIGatewayProxyResponseEvent page = recordVisit.handleRequest(visit, null);

        assertEquals(200, page.getStatusCode());
        assertEquals("text/html; charset=utf-8", page.getHeaders().get("Content-Type"));
        assertTrue(page.getBody().contains("<h1>YOUR VISIT COUNTS.</h1>"));
        assertTrue(page.getBody().contains(
                "<a href=\"../counts/technology\">Check the count for the tag \"technology\" here.</a>"));
        assertEquals(1, countShownFor("technology"));
    }

    @ParameterizedTest
    @Event(value = "events/get-tag.json", type = APIGatewayProxyRequestEvent.class)
    void repeatedVisitsAddUp(APIGatewayProxyRequestEvent visit) {
        visit.setPathParameters(Map.of("tag", "sports"));

        for (int i = 0; i < 3; i++) {
            recordVisit.handleRequest(visit, null);
        }

        assertEquals(3, countShownFor("sports"));
    }

    @ParameterizedTest
    @Event(value = "events/get-counts.json", type = APIGatewayProxyRequestEvent.class)
    void aTagNeverVisitedHasNoVisits(APIGatewayProxyRequestEvent view) {
        view.setPathParameters(Map.of("tag", "never-visited"));

        APIGatewayProxyResponseEvent page = viewCounts.handleRequest(view, null);

        assertEquals(200, page.getStatusCode());
        assertTrue(page.getBody().contains("<h1>The tag \"never-visited\" has 0 total visits.</h1>"));
    }

    @ParameterizedTest
    @Event(value = "events/get-tag.json", type = APIGatewayProxyRequestEvent.class)
    void concurrentVisitsAreAllCounted(APIGatewayProxyRequestEvent visit) throws Exception {
        visit.setPathParameters(Map.of("tag", "busy"));
        Callable<Integer> oneVisit = () -> recordVisit.handleRequest(visit, null).getStatusCode();

        try (ExecutorService visitors = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> statuses = visitors.invokeAll(IntStream.range(0, 64).mapToObj(i -> oneVisit).toList());
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get());
            }
        }

        assertEquals(64, countShownFor("busy"));
    }

    @ParameterizedTest
    @Event(value = "events/get-tag-script.json", type = APIGatewayProxyRequestEvent.class)
    void markupInATagIsShownAsText(APIGatewayProxyRequestEvent visit) {
        String page = recordVisit.handleRequest(visit, null).getBody();

        assertFalse(page.contains("<img"), page);
        assertTrue(page.contains("\"&lt;img src=x onerror=alert(&quot;tag&quot;)&gt;\" here."), page);
        assertTrue(page.contains("href=\"../counts/%3Cimg%20src%3Dx%20onerror%3Dalert%28%22tag%22%29%3E\""), page);
    }

    @ParameterizedTest
    @Event(value = "events/get-counts-script.json", type = APIGatewayProxyRequestEvent.class)
    void theCountsPageEscapesTheTagToo(APIGatewayProxyRequestEvent view) {
        String page = viewCounts.handleRequest(view, null).getBody();

        assertFalse(page.contains("<img"), page);
        assertTrue(page.contains("The tag \"&lt;img src=x onerror=alert(&quot;tag&quot;)&gt;\" has"), page);
    }

    private int countShownFor(String tag) {
        APIGatewayProxyRequestEvent view = new APIGatewayProxyRequestEvent().withPathParameters(Map.of("tag", tag));
        String page = viewCounts.handleRequest(view, null).getBody();
        String prefix = "<h1>The tag \"" + tag + "\" has ";
        int start = page.indexOf(prefix) + prefix.length();
        return Integer.parseInt(page.substring(start, page.indexOf(' ', start)));
    }
}
