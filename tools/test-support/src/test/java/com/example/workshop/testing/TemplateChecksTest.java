package com.example.workshop.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.example.workshop.testing.fixture.CountsHandler;
import com.example.workshop.testing.fixture.TagHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class TemplateChecksTest {

    private static final Path CHECKS = Path.of("src/test/resources/checks");
    private static final String FIXTURE_PACKAGE = "com/example/workshop/testing/fixture";

    @RegisterExtension
    static final LocalDynamoDb dynamo = LocalDynamoDb.fromTemplate(CHECKS.resolve("template.yaml").toString());

    /** Only the fixture handlers, so the test's own string literals cannot satisfy the path parameter check. */
    @TempDir
    static Path classes;

    @BeforeAll
    static void copyFixtureClasses() throws IOException {
        Path target = Files.createDirectories(classes.resolve(FIXTURE_PACKAGE));
        for (String name : List.of("TagHandler.class", "CountsHandler.class")) {
            Files.copy(Path.of("target/test-classes", FIXTURE_PACKAGE, name), target.resolve(name));
        }
    }

    private static TemplateChecks checks(String fixture) {
        return TemplateChecks.forTemplate(CHECKS.resolve(fixture), classes);
    }

    private static TemplateChecks agreeingChecks() {
        return checks("template.yaml")
                .route("GET", "/tags/{tag}", "TagFunction")
                .route("GET", "/counts/{tag}", "CountsFunction");
    }

    private static APIGatewayProxyRequestEvent tagRequest(String tag) {
        return new APIGatewayProxyRequestEvent().withPathParameters(Map.of("tag", tag));
    }

    @Test
    void templateAndCodeThatAgreePass() {
        DynamoDbCallRecorder recorder = new DynamoDbCallRecorder();
        String page;
        try (DynamoDbClient client = dynamo.client(recorder)) {
            page = new TagHandler(client, dynamo.tableName("Table")).handleRequest(tagRequest("java"), null).getBody();
        }

        agreeingChecks()
                .pageLinks("/tags/java", page)
                .dynamoDbCalls("TagFunction", recorder, dynamo)
                .assertAll();
    }

    @Test
    void handlerWithoutItsClassFileIsReported() {
        Path classFile = classes.resolve(FIXTURE_PACKAGE).resolve("Missing.class");

        assertEquals(List.of(CHECKS.resolve("missing-handler.yaml") + ": resource MissingFunction: Handler "
                + "com.example.workshop.testing.fixture.Missing::handleRequest: no class file " + classFile
                + " (is the class name right, is the module compiled?)"), checks("missing-handler.yaml").problems());
    }

    @Test
    void handlerMethodWithoutContextIsReported() {
        assertEquals(List.of(CHECKS.resolve("no-context.yaml") + ": resource DescribeFunction: Handler "
                + "com.example.workshop.testing.fixture.CountsHandler::describe: com.example.workshop.testing.fixture."
                + "CountsHandler has no public method describe(event, com.amazonaws.services.lambda.runtime.Context)"),
                checks("no-context.yaml").problems());
    }

    @Test
    void pathParameterTheCodeNeverReadsIsReported() {
        List<String> problems = checks("renamed-parameter.yaml").route("GET", "/tags/{label}", "TagFunction").problems();

        assertEquals(List.of("route GET /tags/{label} -> TagFunction: the code never reads path parameter(s) [label] "
                + "(no such string in its classes)"), problems);
    }

    @Test
    void routesMustBeExactlyTheDeclaredOnes() {
        List<String> problems = checks("template.yaml")
                .route("GET", "/tag/{tag}", "TagFunction")
                .route("GET", "/counts/{tag}", "CountsFunction")
                .problems();

        assertEquals(List.of(
                "the template has route GET /tags/{tag} -> TagFunction, which the test does not declare as served by the code",
                "the code serves GET /tag/{tag} -> TagFunction, which is not a route of the template"), problems);
    }

    @Test
    void linkToNoRouteIsReported() {
        List<String> problems = agreeingChecks()
                .pageLinks("/tags/java", "<a href=\"../count/java\">x</a> <a href=\"https://aws.amazon.com\">aws</a>")
                .problems();

        assertEquals(List.of(
                "the page at /Prod/tags/java links to \"../count/java\" (/Prod/count/java), "
                        + "which is no GET route of the deployed API",
                "the page at /tags/java links to \"../count/java\" (/count/java), "
                        + "which is no GET route when the API is served at /"), problems);
    }

    @Test
    void rootRelativeLinkIsReportedBecauseItMissesTheStageOnceDeployed() {
        List<String> problems = agreeingChecks().pageLinks("/tags/java", "<a href=\"/counts/java\">x</a>").problems();

        assertEquals(List.of("the page at /Prod/tags/java links to \"/counts/java\" (/counts/java), "
                + "which is no GET route of the deployed API"), problems);
    }

    @Test
    void relativeLinkToARouteIsAccepted() {
        assertEquals(List.of(), agreeingChecks().pageLinks("/tags/java", "<a href=\"../counts/java\">x</a>").problems());
    }

    @Test
    void callTheFunctionsPolicyDoesNotAllowIsReported() {
        DynamoDbCallRecorder recorder = new DynamoDbCallRecorder();
        try (DynamoDbClient client = dynamo.client(recorder)) {
            new TagHandler(client, dynamo.tableName("Table")).handleRequest(tagRequest("kotlin"), null);
            new CountsHandler(client, dynamo.tableName("Table")).handleRequest(tagRequest("kotlin"), null);
        }

        List<String> problems = agreeingChecks().dynamoDbCalls("CountsFunction", recorder, dynamo).problems();

        String tableArn = dynamo.facts().table("Table").arn();
        assertEquals(List.of("CountsFunction calls dynamodb:UpdateItem on " + tableArn
                + ", which its Policies do not allow"), problems);
    }

    @Test
    void checkingCallsWithoutAnyRecordedFails() {
        AssertionError failure = assertThrows(AssertionError.class, () -> agreeingChecks()
                .dynamoDbCalls("TagFunction", new DynamoDbCallRecorder(), dynamo)
                .assertAll());

        assertTrue(failure.getMessage().contains("TagFunction: no DynamoDB call was recorded"), failure.getMessage());
    }
}
