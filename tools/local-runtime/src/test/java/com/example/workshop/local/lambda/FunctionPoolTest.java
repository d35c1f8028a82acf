package com.example.workshop.local.lambda;

import com.example.workshop.local.process.PortableMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real JVMs running the Lambda runtime interface client on the handlers in the fixtures package. */
class FunctionPoolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TASK_ROOT = FixtureTaskRoot.path();
    private static final String FIXTURES = "com.example.workshop.local.lambda.fixtures.";
    /** Read from /proc on Linux; left out where the platform does not tell it (as with WORKSHOP_PORTABLE=1). */
    static final String MAX_MEMORY_USED = PortableMode.on() ? "" : "\tMax Memory Used: [1-9]\\d* MB";

    private final CapturedLog log = new CapturedLog();
    private final List<FunctionPool> pools = new ArrayList<>();

    @AfterEach
    void stopEnvironments() {
        pools.forEach(FunctionPool::close);
    }

    private FunctionPool pool(String handlerClass, int timeoutSeconds, int maxEnvironments) {
        FunctionConfig config = new FunctionConfig(handlerClass, FIXTURES + handlerClass + "::handleRequest", TASK_ROOT,
                Map.of("GREETING", "hello"), "eu-west-1", 256, timeoutSeconds);
        FunctionPool pool = new FunctionPool(config, maxEnvironments, log);
        pools.add(pool);
        return pool;
    }

    private static JsonNode json(InvocationResult result) throws Exception {
        return JSON.readTree(result.payload());
    }

    @Test
    void warmInvocationsReuseTheEnvironmentAndOnlyTheColdStartReportsInit() throws Exception {
        FunctionPool echo = pool("EchoHandler", 10, 2);

        JsonNode cold = json(echo.invoke("{\"n\":1}"));
        JsonNode warm = json(echo.invoke("{\"n\":2}"));

        assertEquals(2, warm.at("/input/n").asInt());
        assertEquals(cold.get("pid"), warm.get("pid"));
        List<String> reports = log.linesStartingWith("REPORT RequestId: ");
        assertEquals(2, reports.size());
        assertTrue(reports.get(0).matches("REPORT RequestId: " + cold.get("requestId").asText()
                + "\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\tMemory Size: 256 MB" + MAX_MEMORY_USED
                + "\tInit Duration: \\d+\\.\\d\\d ms\t"),
                reports.get(0));
        assertFalse(reports.get(1).contains("Init Duration"), reports.get(1));
        assertTrue(log.lines().contains("START RequestId: " + warm.get("requestId").asText() + " Version: $LATEST"));
        assertTrue(log.lines().contains("END RequestId: " + warm.get("requestId").asText()));
        assertTrue(log.contains("echoing {n=2}"), "the handler's stdout is in the log");
    }

    @Test
    void anEnvironmentStartedAheadServesTheFirstInvocationWhichStillReportsItsInit() throws Exception {
        FunctionPool echo = pool("EchoHandler", 10, 2);

        echo.startOneAhead();
        List<Long> startedAhead = ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().orElse("").contains("EchoHandler"))
                .map(ProcessHandle::pid).toList();
        echo.startOneAhead();
        JsonNode first = json(echo.invoke("{}"));

        assertEquals(1, startedAhead.size(), "one JVM started ahead: " + startedAhead);
        assertEquals(startedAhead.getFirst(), first.get("pid").asLong());
        assertTrue(log.linesStartingWith("REPORT RequestId: ").getFirst().contains("Init Duration"));
    }

    @Test
    void theFunctionSeesTheLambdaEnvironment() throws Exception {
        JsonNode answer = json(pool("EchoHandler", 10, 1).invoke("{}"));

        JsonNode env = answer.get("environment");
        assertEquals("hello", env.get("GREETING").asText());
        assertEquals("eu-west-1", env.get("AWS_REGION").asText());
        assertEquals("AWS_Lambda_java21", env.get("AWS_EXECUTION_ENV").asText());
        assertEquals("$LATEST", env.get("AWS_LAMBDA_FUNCTION_VERSION").asText());
        assertTrue(env.get("AWS_LAMBDA_RUNTIME_API").asText().matches("127\\.0\\.0\\.1:\\d+/[0-9a-f]{32}"),
                env.get("AWS_LAMBDA_RUNTIME_API").asText());
        assertEquals(TASK_ROOT.toAbsolutePath().toString(), answer.get("workingDirectory").asText());
        assertEquals("EchoHandler", answer.get("functionName").asText());
        assertEquals(256, answer.get("memoryLimitInMB").asInt());
        assertEquals("arn:aws:lambda:eu-west-1:123456789012:function:EchoHandler", answer.get("invokedFunctionArn").asText());
        assertTrue(answer.get("maxHeapMb").asInt() <= 256 * 85 / 100, "heap is capped at 85% of MemorySize");
        assertTrue(answer.get("remainingTimeInMillis").asLong() > 8000);
    }

    @Test
    void aHandlerExceptionIsReportedAndTheEnvironmentSurvives() throws Exception {
        FunctionPool crashing = pool("CrashingHandler", 10, 1);

        InvocationResult first = crashing.invoke("{}");
        InvocationResult second = crashing.invoke("{}");

        assertEquals("Unhandled", first.functionError());
        assertEquals("java.lang.IllegalStateException", json(first).get("errorType").asText());
        assertEquals("something went wrong", json(first).get("errorMessage").asText());
        assertEquals("Unhandled", second.functionError());
        assertEquals(1, log.lines().stream().filter(line -> line.contains("Init Duration")).count());
    }

    @Test
    void anInvocationPastTheTimeoutIsKilledAndTheNextOneStartsAFreshEnvironment() throws Exception {
        FunctionPool sleeper = pool("SleepHandler", 1, 1);

        InvocationResult timedOut = sleeper.invoke("{\"sleepMillis\":30000}");
        InvocationResult next = sleeper.invoke("{\"sleepMillis\":0}");

        assertEquals("Unhandled", timedOut.functionError());
        assertEquals("Sandbox.Timedout", json(timedOut).get("errorType").asText());
        assertTrue(log.lines().stream().anyMatch(line -> line.matches(
                "\\S+Z " + timedOut.requestId() + " Task timed out after 1\\.\\d\\d seconds")), log.lines().toString());
        assertTrue(log.linesStartingWith("REPORT RequestId: " + timedOut.requestId()).getFirst().contains("Status: timeout"));
        assertNull(next.functionError());
        assertEquals("\"slept\"", next.payload());
        assertEquals(2, log.lines().stream().filter(line -> line.contains("Init Duration")).count(), "a new environment started");
    }

    /** What a reload does with the environments of the code it replaced: close() would fail the running invocation. */
    @Test
    void aRetiredPoolFinishesTheInvocationRunningThenStops() throws Exception {
        FunctionPool sleeper = pool("SleepHandler", 10, 1);
        sleeper.invoke("{\"sleepMillis\":0}");
        CompletableFuture<InvocationResult> running =
                CompletableFuture.supplyAsync(() -> sleeper.invoke("{\"sleepMillis\":1500}"));
        awaitLine(log, "START RequestId", 2);

        sleeper.retire();

        InvocationResult finished = running.get(30, TimeUnit.SECONDS);
        assertNull(finished.functionError(), finished.payload());
        assertEquals("\"slept\"", finished.payload());
        IllegalStateException stopped = assertThrowsEventually(() -> sleeper.invoke("{\"sleepMillis\":0}"));
        assertTrue(stopped.getMessage().endsWith("has been stopped"), stopped.getMessage());
    }

    private static void awaitLine(CapturedLog log, String prefix, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (log.linesStartingWith(prefix).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, log.linesStartingWith(prefix).size(), log.lines().toString());
    }

    /** The retiring thread closes the pool once the invocation has ended: shortly after, not at once. */
    private static IllegalStateException assertThrowsEventually(Runnable invocation) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                invocation.run();
            } catch (IllegalStateException e) {
                return e;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the retired pool still serves");
    }

    @Test
    void anExceptionDuringInitFailsTheInvocationAsLambdaReportsIt() throws Exception {
        FunctionPool broken = pool("BrokenInitHandler", 10, 1);

        InvocationResult result = broken.invoke("{}");

        assertEquals("Unhandled", result.functionError());
        JsonNode error = json(result);
        assertEquals("java.lang.ExceptionInInitializerError", error.get("errorType").asText(), error.toString());
        assertTrue(log.contains("TABLE_NAME is not set"), "the stack trace is in the log");
    }

    @Test
    void anEnvironmentStartedAheadThatFailsItsInitLeavesTheErrorToTheFirstInvocation() throws Exception {
        FunctionPool broken = pool("BrokenInitHandler", 10, 1);

        broken.startOneAhead();
        InvocationResult first = broken.invoke("{}");

        assertEquals("Unhandled", first.functionError());
        assertEquals("java.lang.ExceptionInInitializerError", json(first).get("errorType").asText(), first.payload());
        assertTrue(log.contains("TABLE_NAME is not set"), "the stack trace is in the log");
        assertEquals(1, log.linesStartingWith("REPORT RequestId: ").size(), "the failed init is reported by the visit");
    }

    @Test
    void aRuntimeThatExitsFailsTheInvocationAndIsReplaced() throws Exception {
        FunctionPool exiting = pool("ExitingHandler", 10, 1);

        InvocationResult first = exiting.invoke("{}");
        InvocationResult second = exiting.invoke("{}");

        assertEquals("Runtime.ExitError", json(first).get("errorType").asText(), first.payload());
        assertTrue(json(first).get("errorMessage").asText().endsWith("Runtime exited with error: exit status 3"));
        assertEquals("Runtime.ExitError", json(second).get("errorType").asText(), "a new environment, which exits too");
        assertEquals(2, log.lines().stream().filter(line -> line.contains("Init Duration")).count());
    }

    @Test
    void everythingTheHandlerPrintsComesBetweenStartAndEnd() throws Exception {
        FunctionPool chatty = pool("ChattyHandler", 10, 1);
        chatty.invoke("{\"lines\":1}");

        InvocationResult result = chatty.invoke("{\"lines\":1000}");

        List<String> lines = log.lines();
        int start = lines.indexOf("START RequestId: " + result.requestId() + " Version: $LATEST");
        int end = lines.indexOf("END RequestId: " + result.requestId());
        assertTrue(start >= 0 && end > start, lines.toString());
        for (String printed : List.of("out 1", "err 1", "out 1000", "err 1000")) {
            int at = lines.lastIndexOf(printed);
            assertTrue(at > start && at < end, printed + " at " + at + ", START at " + start + ", END at " + end);
        }
        assertEquals(end + 1, lines.indexOf(log.linesStartingWith("REPORT RequestId: " + result.requestId()).getFirst()));
    }

    @Test
    void aRuntimeThatExitsLogsLambdasExitErrorBeforeEnd() throws Exception {
        InvocationResult result = pool("ExitingHandler", 10, 1).invoke("{}");

        List<String> lines = log.lines();
        int error = lines.indexOf("RequestId: " + result.requestId() + " Error: Runtime exited with error: exit status 3");
        assertTrue(error > lines.indexOf("START RequestId: " + result.requestId() + " Version: $LATEST"), lines.toString());
        assertEquals("Runtime.ExitError", lines.get(error + 1));
        assertEquals("END RequestId: " + result.requestId(), lines.get(error + 2));
    }

    @Test
    void aStackTraceIsOneLineNamingTheFileThatHoldsIt(@TempDir Path traces) throws Exception {
        FunctionConfig config = new FunctionConfig("CrashingHandler", FIXTURES + "CrashingHandler::handleRequest",
                TASK_ROOT, Map.of(), "eu-west-1", 256, 10);
        FunctionPool crashing = new FunctionPool(config, 1, log, StackTraceFiles.in(traces).of("Crashing"));
        pools.add(crashing);

        InvocationResult first = crashing.invoke("{}");
        InvocationResult second = crashing.invoke("{}");

        List<String> lines = linesOf(first.requestId());
        assertEquals(1, lines.size(), lines.toString());
        Matcher line = Pattern.compile("something went wrong: java\\.lang\\.IllegalStateException \\(at "
                + "com\\.example\\.workshop\\.local\\.lambda\\.fixtures\\.CrashingHandler\\.handleRequest\\(CrashingHandler\\.java:\\d+\\); "
                + "stack trace in (\\S+)\\)").matcher(lines.getFirst());
        assertTrue(line.matches(), lines.getFirst());
        String trace = Files.readString(Path.of(line.group(1)));
        assertTrue(trace.startsWith("java.lang.IllegalStateException: something went wrong\n\tat "), trace);
        assertEquals(lines, linesOf(second.requestId()), "the same trace, in the same file");
        try (var files = Files.list(traces)) {
            assertEquals(1, files.count());
        }
    }

    /** The lines an invocation logged between its START and END. */
    private List<String> linesOf(String requestId) {
        List<String> lines = log.lines();
        return lines.subList(lines.indexOf("START RequestId: " + requestId + " Version: $LATEST") + 1,
                lines.indexOf("END RequestId: " + requestId));
    }

    @Test
    void aMissingHandlerClassFailsTheInvocation() throws Exception {
        InvocationResult result = pool("NoSuchHandler", 10, 1).invoke("{}");

        assertEquals("Unhandled", result.functionError());
        assertEquals("java.lang.ClassNotFoundException", json(result).get("errorType").asText(), result.payload());
    }

    @Test
    void busyEnvironmentsMakeNewOnesUpToTheLimit() throws Exception {
        FunctionPool echo = pool("EchoHandler", 10, 2);
        echo.invoke("{}");

        Set<String> pids = invokeAtOnce(echo, 6).stream().map(FunctionPoolTest::pid).collect(Collectors.toSet());

        assertEquals(2, pids.size(), "two environments served six concurrent invocations");
        assertNotEquals(0, pids.size());
    }

    @Test
    void environmentsColdStartingTogetherAllServe() throws Exception {
        FunctionPool echo = pool("EchoHandler", 10, 4);

        invokeAtOnce(echo, 4).forEach(result -> assertTrue(result.succeeded(), result.payload()));
    }

    private static List<InvocationResult> invokeAtOnce(FunctionPool pool, int invocations) {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<InvocationResult>> calls = new ArrayList<>();
            for (int i = 0; i < invocations; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> pool.invoke("{}"), executor));
            }
            return calls.stream().map(CompletableFuture::join).toList();
        }
    }

    private static String pid(InvocationResult result) {
        try {
            return json(result).get("pid").asText();
        } catch (Exception e) {
            throw new IllegalStateException(result.payload(), e);
        }
    }
}
