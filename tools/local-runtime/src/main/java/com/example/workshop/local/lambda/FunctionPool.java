package com.example.workshop.local.lambda;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A function's execution environments: an idle one is reused, a new one starts when all are busy, up to
 * {@code maxEnvironments} (the function's concurrency limit; further invocations wait their turn).
 */
public final class FunctionPool implements FunctionInvoker, AutoCloseable {

    public static final int DEFAULT_MAX_ENVIRONMENTS = 8;
    /** How long a training environment's JVM gets to write its class-data archive as it exits. */
    private static final Duration TRAINING_GRACE = Duration.ofSeconds(30);
    /** How long starting environments ahead waits for one before starting the next. */
    private static final Duration INIT_WAIT = Duration.ofSeconds(60);

    private final FunctionConfig config;
    private final FunctionBootstrap bootstrap;
    private final FunctionLog log;
    private final StackTraceFiles stackTraces;
    private final Semaphore concurrency;
    private final int maxEnvironments;
    private final Deque<ExecutionEnvironment> idle = new ConcurrentLinkedDeque<>();
    private final Set<ExecutionEnvironment> all = ConcurrentHashMap.newKeySet();
    private final ClassDataArchive archive;
    private volatile ExecutionEnvironment training;
    private volatile boolean closed;
    private volatile long lastInvokedAtNanos = Long.MIN_VALUE;

    /** A pool whose functions' stack traces go to the system's temporary folder. */
    public FunctionPool(FunctionConfig config, int maxEnvironments, FunctionLog log) {
        this(config, FunctionBootstrap.forThisMachine(), maxEnvironments, log, StackTraceFiles.temporary().of(config.name()),
                true);
    }

    /** @param classDataArchive whether its environments train and use a {@link ClassDataArchive} (the benchmarks compare) */
    public FunctionPool(FunctionConfig config, int maxEnvironments, FunctionLog log, boolean classDataArchive) {
        this(config, FunctionBootstrap.forThisMachine(), maxEnvironments, log, StackTraceFiles.temporary().of(config.name()),
                classDataArchive);
    }

    /** @param stackTraces where the stack traces the function prints are kept: its log lines name the file of each */
    public FunctionPool(FunctionConfig config, int maxEnvironments, FunctionLog log, StackTraceFiles stackTraces) {
        this(config, FunctionBootstrap.forThisMachine(), maxEnvironments, log, stackTraces, true);
    }

    /** @param classDataArchive whether its environments train and use a {@link ClassDataArchive} */
    public FunctionPool(FunctionConfig config, int maxEnvironments, FunctionLog log, StackTraceFiles stackTraces,
                        boolean classDataArchive) {
        this(config, FunctionBootstrap.forThisMachine(), maxEnvironments, log, stackTraces, classDataArchive);
    }

    /** A pool on the given bootstrap, without a class-data archive: what it runs is exactly that bootstrap's start. */
    FunctionPool(FunctionConfig config, FunctionBootstrap bootstrap, int maxEnvironments, FunctionLog log) {
        this(config, bootstrap, maxEnvironments, log, StackTraceFiles.temporary().of(config.name()), false);
    }

    /**
     * @param classDataArchive whether to train and use an archive; only with the official runtime client, whose
     *                         classpath the archive's key covers (the portable loop's jar is written anew each run)
     */
    private FunctionPool(FunctionConfig config, FunctionBootstrap bootstrap, int maxEnvironments, FunctionLog log,
                         StackTraceFiles stackTraces, boolean classDataArchive) {
        if (maxEnvironments < 1) {
            throw new IllegalArgumentException("maxEnvironments must be at least 1, got " + maxEnvironments);
        }
        this.config = config;
        this.bootstrap = bootstrap;
        this.log = log;
        this.stackTraces = stackTraces;
        this.concurrency = new Semaphore(maxEnvironments, true);
        this.maxEnvironments = maxEnvironments;
        this.archive = classDataArchive && bootstrap == FunctionBootstrap.RUNTIME_INTERFACE_CLIENT
                ? new ClassDataArchive(config) : null;
    }

    public FunctionConfig config() {
        return config;
    }

    /** When it was last invoked ({@link System#nanoTime}), {@link Long#MIN_VALUE} if never. */
    public long lastInvokedAtNanos() {
        return lastInvokedAtNanos;
    }

    @Override
    public InvocationResult invoke(String payloadJson) {
        lastInvokedAtNanos = System.nanoTime();
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
        ClassDataArchive.Start start = archive == null ? ClassDataArchive.Start.PLAIN : archive.nextStart();
        ExecutionEnvironment started;
        try {
            started = ExecutionEnvironment.start(config, bootstrap, lambdaEnvironment(), log, stackTraces,
                    start.jvmOptions());
        } catch (RuntimeException e) {
            if (start.training()) {
                archive.trainingEnded(false);
            }
            throw e;
        }
        if (start.training()) {
            training = started;
        }
        all.add(started);
        return started;
    }

    /**
     * Starts an environment ahead of the first invocation when none is idle, so that a local first visit finds the
     * JVM starting or started. The first invocation it serves still reports its Init Duration, as a cold start.
     * Returns once the JVM is started (it is then idle, so the next invocation takes it).
     *
     * @return completes when that environment has initialised or failed (at once if none was started)
     */
    public CompletableFuture<?> startOneAhead() {
        if (!concurrency.tryAcquire()) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            if (idle.isEmpty() && !closed) {
                ExecutionEnvironment started = takeIdleOrStart();
                release(started);
                return started.initialised();
            }
            return CompletableFuture.completedFuture(null);
        } finally {
            concurrency.release();
        }
    }

    /** Waits (a bounded time) until an environment started ahead has initialised or failed, so the next starts alone. */
    public static void awaitInit(CompletableFuture<?> initialised) {
        try {
            initialised.get(INIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // it failed or is slow: the invocation that uses it will say so
        }
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
        if (environment == training) {
            training = null;
            archive.trainingEnded(environment.stopGracefully(TRAINING_GRACE));
        } else {
            Thread.ofPlatform().daemon().name(config.name() + "-discard").start(environment::close);
        }
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

    /**
     * Stops every environment once the invocations running in them have ended (within their timeout), in the
     * background: what a reload does with the environments of the code it replaced.
     */
    public void retire() {
        Thread.ofPlatform().daemon().name(config.name() + "-retire").start(() -> {
            boolean drained = false;
            try {
                drained = concurrency.tryAcquire(maxEnvironments, INIT_WAIT.toSeconds() + config.timeoutSeconds(),
                        TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            close();
            if (drained) {
                concurrency.release(maxEnvironments);  // a late caller is told the function stopped, not left waiting
            }
        });
    }

    /** Stops every environment; invocations still running fail. */
    @Override
    public void close() {
        closed = true;
        idle.clear();
        List.copyOf(all).forEach(this::discard);
        all.clear();
    }
}
