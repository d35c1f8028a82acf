package com.example.workshop.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same fixture handlers and events through both bootstraps, the official runtime interface client and the
 * portable one: the handler must receive the same event and context, and its response, its errors and its log lines
 * must come out the same.
 */
class BootstrapParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TASK_ROOT = FixtureTaskRoot.path();
    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    private static final String FIXTURES = "com.example.workshop.local.lambda.fixtures.";
    private static final String TRACE_HEADER = "Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0";

    private final List<FunctionPool> pools = new ArrayList<>();

    @BeforeAll
    static void theOfficialClientRunsHere() {
        assumeTrue(RuntimeNativeLibrary.resource().isPresent(),
                "the runtime interface client has no native library for this machine: nothing to compare with");
    }

    @AfterEach
    void stopEnvironments() {
        pools.forEach(FunctionPool::close);
    }

    @Test
    void anApiGatewayEventIsReadAndWrittenAlike() throws Exception {
        Outcomes echoed = function("ApiEventEchoHandler", 10).invoke(event("module-1-hello/events/get-root-with-name.json"));

        echoed.assertSameResponse();
        assertEquals("Lambda", JSON.readTree(echoed.portable.payload()).at("/queryStringParameters/name").asText(),
                echoed.portable.payload());
    }

    @Test
    void aDynamodbStreamEventIsReadAndWrittenAlike() throws Exception {
        Outcomes echoed = function("StreamEventEchoHandler::handleRequest", 10)
                .invoke(event("module-4-streams/events/stream-batch.json"));

        echoed.assertSameResponse();
        JsonNode firstRecord = JSON.readTree(echoed.portable.payload()).at("/Records/0");
        assertEquals("technology", firstRecord.at("/dynamodb/NewImage/ID/S").asText(), firstRecord.toString());
        assertEquals("INSERT", firstRecord.get("eventName").asText());
    }

    @Test
    void plainJavaBeansAndStaticMethodsAreServedAlike() {
        Outcomes greeted = function("GreetingHandler::greet", 10).invoke("{\"name\":\"Ada\",\"age\":36,\"unknown\":true}");

        greeted.assertSameResponse();
        assertTrue(greeted.portable.payload().contains("\"text\":\"Hello, Ada (36)\""), greeted.portable.payload());
    }

    @Test
    void aStreamHandlerGetsTheRawBytesAlike() {
        Outcomes upper = function("UppercaseStreamHandler", 10).invoke("{\"word\":\"échec\"}");

        upper.assertSameResponse();
        assertEquals("{\"WORD\":\"ÉCHEC\"}", upper.portable.payload());
    }

    @Test
    void theContextCarriesTheSameFacts() throws Exception {
        Outcomes echoed = function("EchoHandler::handleRequest", 10).invoke("{\"n\":1}");

        ObjectNode official = (ObjectNode) JSON.readTree(echoed.official.payload());
        ObjectNode portable = (ObjectNode) JSON.readTree(echoed.portable.payload());
        assertEquals(echoed.official.requestId(), official.get("requestId").asText());
        assertEquals(echoed.portable.requestId(), portable.get("requestId").asText());
        for (ObjectNode answer : List.of(official, portable)) {
            assertTrue(answer.get("xrayTraceId").asText().matches(TRACE_HEADER), answer.toString());
            assertEquals(answer.get("xrayTraceId"), answer.get("traceHeaderProperty"), "the X-Ray SDK's property");
            long remaining = answer.remove("remainingTimeInMillis").asLong();
            assertTrue(remaining > 5_000 && remaining <= 10_000, "the deadline is the invocation's: " + remaining);
        }
        assertNotEquals(official.get("xrayTraceId"), portable.get("xrayTraceId"), "a trace per invocation");
        for (String perInvocation : List.of("requestId", "xrayTraceId", "traceHeaderProperty", "pid", "logStreamName")) {
            official.remove(perInvocation);
            portable.remove(perInvocation);
        }
        for (String perEnvironment : List.of("AWS_LAMBDA_RUNTIME_API", "AWS_LAMBDA_LOG_STREAM_NAME")) {
            ((ObjectNode) official.get("environment")).remove(perEnvironment);
            ((ObjectNode) portable.get("environment")).remove(perEnvironment);
        }
        assertEquals(official, portable);
        assertEquals("arn:aws:lambda:eu-west-1:123456789012:function:EchoHandler", portable.get("invokedFunctionArn").asText());
        assertEquals("/aws/lambda/EchoHandler", portable.get("logGroupName").asText());
        echoed.assertSameLog();
        assertTrue(echoed.portableLog.lines().contains("[INFO] logged at INFO through the context"));
    }

    @Test
    void anEventThatIsNotTheHandlersTypeFailsAlike() throws Exception {
        Outcomes failed = function("EchoHandler::handleRequest", 10).invoke("[1, 2]");

        failed.assertSameResponse();
        assertEquals("An error occurred during JSON parsing", JSON.readTree(failed.portable.payload()).get("errorMessage").asText());
        failed.assertSameLog();
    }

    @Test
    void aThrowingHandlerIsReportedAlike() throws Exception {
        Outcomes failed = function("CrashingHandler::handleRequest", 10).invoke("{}");

        failed.assertSameResponse();
        JsonNode error = JSON.readTree(failed.portable.payload());
        assertEquals("java.lang.IllegalStateException", error.get("errorType").asText());
        assertTrue(error.get("stackTrace").get(0).asText().startsWith(FIXTURES + "CrashingHandler.handleRequest("), error.toString());
        failed.assertSameLog();
    }

    @Test
    void initErrorsAreReportedAlike() {
        for (String handler : List.of("BrokenInitHandler::handleRequest", "FailingConstructorHandler")) {
            Outcomes failed = function(handler, 10).invoke("{}");

            failed.assertSameResponse();
            assertTrue(failed.portable.payload().contains("\"errorType\":\"java.lang."), failed.portable.payload());
            failed.assertSameLog();
            assertTrue(failed.portableLog.contains("Status: error\tError Type: Runtime.BadFunctionCode"), handler);
        }
    }

    @Test
    void handlersThatCannotBeFoundAreReportedAlike() {
        for (String handler : List.of("NoSuchHandler::handleRequest", "EchoHandler::noSuchMethod", "EchoHandler::")) {
            Outcomes failed = function(handler, 10).invoke("{}");

            failed.assertSameResponse();
            failed.assertSameLog();
        }
    }

    @Test
    void aTimeoutEndsEitherEnvironmentAndTheNextInvocationGetsAFreshOne() throws Exception {
        Function sleeper = function("SleepHandler::handleRequest", 1);

        Outcomes timedOut = sleeper.invoke("{\"sleepMillis\":30000}");
        Outcomes next = sleeper.invoke("{\"sleepMillis\":0}");

        for (InvocationResult result : List.of(timedOut.official, timedOut.portable)) {
            JsonNode error = JSON.readTree(result.payload());
            assertEquals("Sandbox.Timedout", error.get("errorType").asText());
            assertTrue(error.get("errorMessage").asText().matches(
                    "RequestId: " + result.requestId() + " Error: Task timed out after 1\\.\\d\\d seconds"), error.toString());
        }
        next.assertSameResponse();
        assertEquals("\"slept\"", next.portable.payload());
    }

    private static String event(String pathInRepository) throws Exception {
        return Files.readString(REPOSITORY.resolve(pathInRepository));
    }

    private Function function(String handler, int timeoutSeconds) {
        return new Function(handler, timeoutSeconds);
    }

    /** One function, deployed once with each bootstrap. */
    private final class Function {
        private final CapturedLog officialLog = new CapturedLog();
        private final CapturedLog portableLog = new CapturedLog();
        private final FunctionPool official;
        private final FunctionPool portable;

        Function(String handler, int timeoutSeconds) {
            String name = handler.replaceAll("::.*", "");
            FunctionConfig config = new FunctionConfig(name, FIXTURES + handler, TASK_ROOT, Map.of("GREETING", "hello"),
                    "eu-west-1", 256, timeoutSeconds);
            official = new FunctionPool(config, FunctionBootstrap.RUNTIME_INTERFACE_CLIENT, 1, officialLog);
            portable = new FunctionPool(config, FunctionBootstrap.PORTABLE, 1, portableLog);
            pools.addAll(List.of(official, portable));
        }

        Outcomes invoke(String event) {
            return new Outcomes(official.invoke(event), portable.invoke(event), officialLog, portableLog);
        }
    }

    private record Outcomes(InvocationResult official, InvocationResult portable,
                            CapturedLog officialLog, CapturedLog portableLog) {

        void assertSameResponse() {
            assertEquals(official.functionError(), portable.functionError());
            assertEquals(official.payload(), portable.payload());
        }

        /** What the runtime and the handler logged, without the platform's lines and with the request ids masked. */
        void assertSameLog() {
            List<String> portableLines = functionLines(portableLog, portable.requestId());
            assertFalse(portableLines.isEmpty());
            assertEquals(functionLines(officialLog, official.requestId()), portableLines);
        }

        private static List<String> functionLines(CapturedLog log, String requestId) {
            return log.lines().stream()
                    .filter(line -> !line.matches("(START|END|REPORT|INIT_REPORT) .*"))
                    .map(line -> line.replace(requestId, "<request id>"))
                    .toList();
        }
    }
}
