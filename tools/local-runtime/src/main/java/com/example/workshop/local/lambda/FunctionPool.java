package com.example.workshop.local.lambda;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;

/**
 * A function's execution environments: an idle one is reused, a new one starts when all are busy, up to
 * {@code maxEnvironments} (the function's concurrency limit; further invocations wait their turn).
 */
public final class FunctionPool implements FunctionInvoker, AutoCloseable {

    public static final int DEFAULT_MAX_ENVIRONMENTS = 8;

    private final FunctionConfig config;
    private final FunctionBootstrap bootstrap;
    private final FunctionLog log;
    private final StackTraceFiles stackTraces;
    private final Semaphore concurrency;
    private final Deque<ExecutionEnvironment> idle = new ConcurrentLinkedDeque<>();
    private final Set<ExecutionEnvironment> all = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A pool whose functions' stack traces go to the system's temporary folder. */
    public FunctionPool(FunctionConfig config, int maxEnvironments, FunctionLog log) {
        this(config, FunctionBootstrap.forThisMachine(), maxEnvironments, log, StackTraceFiles.temporary().of(config.name()));
    }

    /** @param stackTraces where the stack traces the function prints are kept: its log lines name the file of each */
    public FunctionPool(FunctionConfig config, int maxEnvironments, FunctionLog log, StackTraceFiles stackTraces) {
        this(config, FunctionBootstrap.forThisMachine(), maxEnvironments, log, stackTraces);
    }

    FunctionPool(FunctionConfig config, FunctionBootstrap bootstrap, int maxEnvironments, FunctionLog log) {
        this(config, bootstrap, maxEnvironments, log, StackTraceFiles.temporary().of(config.name()));
    }

    FunctionPool(FunctionConfig config, FunctionBootstrap bootstrap, int maxEnvironments, FunctionLog log,
                 StackTraceFiles stackTraces) {
        if (maxEnvironments < 1) {
            throw new IllegalArgumentException("maxEnvironments must be at least 1, got " + maxEnvironments);
        }
        this.config = config;
        this.bootstrap = bootstrap;
        this.log = log;
        this.stackTraces = stackTraces;
        this.concurrency = new Semaphore(maxEnvironments, true);
    }

    public FunctionConfig config() {
        return config;
    }

    @Override
    public InvocationResult invoke(String payloadJson) {
        concurrency.acquireUninterruptibly();
        try {
            ExecutionEnvironment environment = takeIdleOrStart();
            try {
                return environment.invoke(UUID.randomUUID().toString(), payloadJson);
            } finally {
                release(environment);
            }
        } finally {
            concurrency.release();
        }
    }

    private ExecutionEnvironment takeIdleOrStart() {
        ExecutionEnvironment environment;
        while ((environment = idle.pollFirst()) != null) {
            if (environment.isUsable()) {
                return environment;
            }
            discard(environment);
        }
        if (closed) {
            throw new IllegalStateException(config.name() + " has been stopped");
        }
        ExecutionEnvironment started = ExecutionEnvironment.start(config, bootstrap, lambdaEnvironment(), log, stackTraces);
        all.add(started);
        return started;
    }

    private void release(ExecutionEnvironment environment) {
        if (environment.isUsable() && !closed) {
            idle.addFirst(environment);
        } else {
            discard(environment);
        }
    }

    /** Stopping an environment waits for its JVM to exit: not the job of the invocation that found it broken. */
    private void discard(ExecutionEnvironment environment) {
        all.remove(environment);
        Thread.ofPlatform().daemon().name(config.name() + "-discard").start(environment::close);
    }

    /** The function's variables plus the reserved ones Lambda sets (AWS_LAMBDA_RUNTIME_API comes per environment). */
    private Map<String, String> lambdaEnvironment() {
        Map<String, String> variables = new HashMap<>();
        variables.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        variables.put("LANG", "en_US.UTF-8");
        variables.put("TZ", ":UTC");
        variables.putAll(config.environment());
        variables.put("AWS_REGION", config.region());
        variables.put("AWS_DEFAULT_REGION", config.region());
        variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        variables.put("AWS_LAMBDA_FUNCTION_NAME", config.name());
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memoryMb()));
        variables.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        variables.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        variables.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + config.name());
        variables.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName());
        variables.put("LAMBDA_TASK_ROOT", config.taskRoot().toAbsolutePath().toString());
        variables.put("LAMBDA_RUNTIME_DIR", RuntimeClasspath.runtimeDirectory().toString());
        variables.put("_HANDLER", config.handler());
        return variables;
    }

    private static String logStreamName() {
        String day = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"));
        return day + "/[$LATEST]" + TraceIds.randomHex(16);
    }

    /** Stops every environment; invocations still running fail. */
    @Override
    public void close() {
        closed = true;
        idle.clear();
        all.forEach(ExecutionEnvironment::close);
        all.clear();
    }
}
