package com.example.workshop.local.iam;

import com.example.workshop.local.dynamodb.DynamoDbEngine;
import com.example.workshop.local.dynamodb.TableDeployer;
import com.example.workshop.local.dynamodb.TableNaming;
import com.example.workshop.local.http.RawHttp;
import com.example.workshop.local.template.DeployedTable;
import com.example.workshop.local.template.SamTemplate;
import com.example.workshop.local.template.StackFacts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests no SDK sends, written byte by byte to the proxy: the proxy and dynoxide must never read two
 * different requests in them. Each is refused with a 400 before it reaches dynoxide, and the log says so.
 */
class DynamoDbIamProxyMalformedRequestTest {

    private static final Path TEMPLATE = Path.of("src/test/resources/iam/template.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GET = "X-Amz-Target: DynamoDB_20120810.GetItem\r\n";
    private static final String DELETE = "X-Amz-Target: DynamoDB_20120810.DeleteItem\r\n";

    private static DynamoDbEngine dynamoDb;
    private static DynamoDbIamProxy proxy;
    private static DeployedTable table;
    private final LogLines log = new LogLines();

    @BeforeAll
    static void deployTemplateBehindTheProxy() {
        dynamoDb = DynamoDbEngine.dynoxide(null);
        SamTemplate template = SamTemplate.load(TEMPLATE);
        Map<String, DeployedTable> tables = new TableDeployer(dynamoDb.client()).deploy(template, "stack", TableNaming.STABLE);
        table = tables.get("DynamoDBTable");
        StackFacts facts = StackFacts.fromTables("stack", "api", tables);
        proxy = DynamoDbIamProxy.start(dynamoDb.endpoint(), new DescribedTableArns(dynamoDb.client()));
        template.functions().values().forEach(function -> proxy.register(FunctionIdentity.of(function, facts)));
    }

    @AfterAll
    static void stop() {
        proxy.close();
        dynamoDb.close();
    }

    @BeforeEach
    void putTheItemARefusedDeleteMustLeave() {
        dynamoDb.client().putItem(request -> request.tableName(table.name()).item(victim()));
    }

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    @Test
    void aSecondTargetCannotSmuggleADeletePastAReadOnlyPolicy() throws Exception {
        assertRefused(signedBy("ViewCountsFunction") + DELETE + GET, deleteBody(), "X-Amz-Target");
    }

    @Test
    void aBareLineFeedCannotHideADeleteInAnotherHeader() throws Exception {
        assertRefused(signedBy("ViewCountsFunction") + "X-Note: x\n" + DELETE + GET, deleteBody(), "bare LF");
    }

    @Test
    void aHeaderLineEndingInABareLineFeedIsRefused() throws Exception {
        assertRefused(signedBy("ViewCountsFunction") + DELETE.replace("\r\n", "\n") + GET, deleteBody(), "bare LF");
    }

    @Test
    void anObsoleteLineFoldingIsRefused() throws Exception {
        assertRefused(signedBy("ViewCountsFunction") + GET + " DynamoDB_20120810.DeleteItem\r\n", deleteBody(),
                "folded");
    }

    @Test
    void twoAuthorizationHeadersAreRefused() throws Exception {
        assertRefused(signedBy("ViewCountsFunction") + signedBy("AdminFunction").lines()
                .filter(line -> line.startsWith("Authorization")).findFirst().orElseThrow() + "\r\n" + DELETE,
                deleteBody(), "Authorization");
    }

    @Test
    void twoContentTypesAreRefused() throws Exception {
        assertRefused(signedBy("ViewCountsFunction") + "Content-Type: application/json\r\n" + GET, deleteBody(),
                "Content-Type");
    }

    @Test
    void twoContentLengthsAreRefused() throws Exception {
        String body = deleteBody();
        assertRefused(signedBy("AdminFunction") + "Content-Length: 2\r\n" + GET, body, "Content-Length");
    }

    @Test
    void aChunkedBodyIsRefused() throws Exception {
        String body = deleteBody();
        String chunked = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
        RawHttp.Answer answer = RawHttp.exchange(proxy.endpoint().getPort(), "POST / HTTP/1.1\r\nHost: proxy\r\n"
                + signedBy("ViewCountsFunction") + DELETE + "Transfer-Encoding: chunked\r\n\r\n" + chunked);

        assertBadRequest(answer, "Transfer-Encoding");
    }

    @Test
    void dynamoDbIsCalledWithPostSlashOnly() throws Exception {
        for (String line : List.of("GET / HTTP/1.1", "POST /other HTTP/1.1", "POST /? HTTP/1.1")) {
            String body = deleteBody();
            RawHttp.Answer answer = RawHttp.exchange(proxy.endpoint().getPort(), line + "\r\nHost: proxy\r\n"
                    + signedBy("AdminFunction") + GET + "Content-Length: " + body.length() + "\r\n\r\n" + body);

            assertBadRequest(answer, "POST /");
        }
    }

    @Test
    void aMissingOrMalformedTargetIsAnUnknownOperation() throws Exception {
        for (String target : List.of("", "X-Amz-Target: DynamoDB_20120810.GetItem.DeleteItem\r\n",
                "X-Amz-Target: Other_20120810.DeleteItem\r\n")) {
            RawHttp.Answer answer = send(signedBy("AdminFunction") + target, deleteBody());

            assertEquals(400, answer.status(), answer.toString());
            assertEquals("com.amazon.coral.service#UnknownOperationException",
                    JSON.readTree(answer.body()).get("__type").asText(), answer.body());
            assertItemStillThere();
        }
        assertTrue(log.contains("BAD REQUEST to the IAM proxy, refused before it reached DynamoDB: X-Amz-Target is not"),
                log.lines().toString());
    }

    @Test
    void aBodyThatIsNotOneJsonObjectIsASerializationException() throws Exception {
        String twice = "{\"TableName\":\"other\",\"TableName\":\"" + table.name() + "\",\"Key\":{\"ID\":{\"S\":\"/victim\"}}}";
        for (String body : List.of(twice, "not json", deleteBody() + " {}")) {
            RawHttp.Answer answer = send(signedBy("ViewCountsFunction") + GET, body);

            assertEquals(400, answer.status(), answer.toString());
            assertEquals("com.amazon.coral.service#SerializationException",
                    JSON.readTree(answer.body()).get("__type").asText(), answer.body());
        }
        assertTrue(log.contains("BAD REQUEST"), log.lines().toString());
    }

    @Test
    void aWellFormedRequestStillGoesThroughOnTheSameConnection() throws Exception {
        try (RawHttp connection = new RawHttp(proxy.endpoint().getPort())) {
            String body = "{\"TableName\":\"" + table.name() + "\",\"Key\":{\"ID\":{\"S\":\"/victim\"}}}";
            for (int i = 0; i < 2; i++) {
                connection.send(request(signedBy("ViewCountsFunction") + GET, body));
                RawHttp.Answer answer = connection.answer();
                assertEquals(200, answer.status(), answer.toString());
                assertEquals("/victim", JSON.readTree(answer.body()).at("/Item/ID/S").asText());
            }
        }
    }

    private void assertRefused(String headers, String body, String problem) throws Exception {
        assertBadRequest(send(headers, body), problem);
    }

    private void assertBadRequest(RawHttp.Answer answer, String problem) throws Exception {
        assertEquals(400, answer.status(), answer.toString());
        JsonNode error = JSON.readTree(answer.body());
        assertEquals("com.amazon.coral.validate#ValidationException", error.get("__type").asText(), answer.body());
        assertTrue(error.get("message").asText().contains(problem), answer.body());
        assertItemStillThere();
        assertTrue(log.lines().stream().anyMatch(line -> line.contains("BAD REQUEST") && line.contains(problem)),
                log.lines().toString());
    }

    private void assertItemStillThere() {
        assertFalse(dynamoDb.client().getItem(request -> request.tableName(table.name()).key(victim())).item().isEmpty(),
                "dynoxide deleted the item: the proxy let a request through that it had not checked");
    }

    private static RawHttp.Answer send(String headers, String body) throws Exception {
        return RawHttp.exchange(proxy.endpoint().getPort(), request(headers, body));
    }

    private static String request(String headers, String body) {
        return "POST / HTTP/1.1\r\nHost: proxy\r\n" + headers
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** The headers the SDK sends for the function, signature aside (neither the proxy nor dynoxide checks it). */
    private static String signedBy(String functionLogicalId) {
        return "Content-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Date: 20250101T000000Z\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=" + FunctionIdentity.accessKeyIdFor(functionLogicalId)
                + "/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=00\r\n";
    }

    private static String deleteBody() {
        return "{\"TableName\":\"" + table.name() + "\",\"Key\":{\"ID\":{\"S\":\"/victim\"}}}";
    }

    private static Map<String, AttributeValue> victim() {
        return Map.of("ID", AttributeValue.fromS("/victim"));
    }

    /** What the iam package logs (System.Logger goes to java.util.logging). */
    private static final class LogLines extends Handler implements AutoCloseable {

        private final Logger logger = Logger.getLogger("com.example.workshop.local.iam");
        private final List<String> lines = new CopyOnWriteArrayList<>();

        LogLines() {
            logger.addHandler(this);
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        boolean contains(String fragment) {
            return lines.stream().anyMatch(line -> line.contains(fragment));
        }

        @Override
        public void publish(LogRecord record) {
            lines.add(new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
