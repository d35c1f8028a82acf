package com.example.workshop.bench;

import com.example.workshop.local.lambda.FunctionConfig;
import com.example.workshop.local.lambda.FunctionLog;
import com.example.workshop.local.lambda.FunctionPool;
import com.example.workshop.local.lambda.InvocationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cold start through the local runtime's own bootstrap: a fresh execution environment (a new JVM running the
 * runtime interface client against its own Runtime API), timed from before the process starts to the first
 * successful response, then stopped.
 *
 * @param totalMs    process start to response, as the caller waits
 * @param initMs     the REPORT line's Init Duration: JVM start, runtime client, handler class init
 * @param durationMs the REPORT line's Duration: the first invocation itself
 * @param cpuMs      CPU time (user + system, all threads) the environment's JVM used until then: unlike the wall
 *                   times, it hardly moves when other work competes for the machine's cores
 */
record ColdStart(double totalMs, double initMs, double durationMs, double cpuMs) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DURATION = Pattern.compile("\\tDuration: ([0-9.]+) ms");
    private static final Pattern INIT = Pattern.compile("Init Duration: ([0-9.]+) ms");

    static ColdStart measure(FunctionConfig config, String event, boolean streamHandler) {
        return measure(config, event, streamHandler, false);
    }

    /** @param classDataArchive whether the pool trains and uses the local runtime's class-data archive */
    static ColdStart measure(FunctionConfig config, String event, boolean streamHandler, boolean classDataArchive) {
        List<String> lines = new ArrayList<>();
        FunctionLog capture = (function, line) -> {
            synchronized (lines) {
                lines.add(line);
            }
        };
        long start = System.nanoTime();
        InvocationResult result;
        double totalMs;
        double cpuMs;
        try (FunctionPool pool = new FunctionPool(config, 1, capture, classDataArchive)) {
            result = pool.invoke(event);
            totalMs = (System.nanoTime() - start) / 1e6;
            cpuMs = environmentCpuMs();
        }
        requireSuccess(config, result, streamHandler, lines);
        String report;
        synchronized (lines) {
            report = lines.stream().filter(line -> line.startsWith("REPORT")).findFirst().orElse("");
        }
        return new ColdStart(totalMs, number(INIT, report), number(DURATION, report), cpuMs);
    }

    /** The benchmark runs one execution environment at a time: the only child JVM running the runtime client. */
    private static double environmentCpuMs() {
        return ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().orElse("").contains("AWSLambda"))
                .map(child -> child.info().totalCpuDuration())
                .flatMap(java.util.Optional::stream)
                .mapToDouble(cpu -> cpu.toNanos() / 1e6)
                .reduce(Double::sum)
                .orElse(Double.NaN);
    }

    private static void requireSuccess(FunctionConfig config, InvocationResult result, boolean streamHandler,
                                       List<String> lines) {
        String failure = null;
        if (!result.succeeded()) {
            failure = result.payload();
        } else {
            JsonNode payload = parse(result.payload());
            if (streamHandler ? !payload.path("batchItemFailures").isEmpty() : payload.path("statusCode").asInt() != 200) {
                failure = result.payload();
            }
        }
        if (failure != null) {
            List<String> tail;
            synchronized (lines) {
                tail = lines.subList(Math.max(0, lines.size() - 20), lines.size());
            }
            throw new IllegalStateException(config.name() + " (" + config.handler() + ") failed its cold start: "
                    + failure + "\n" + String.join("\n", tail));
        }
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + payload, e);
        }
    }

    private static double number(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }
}
