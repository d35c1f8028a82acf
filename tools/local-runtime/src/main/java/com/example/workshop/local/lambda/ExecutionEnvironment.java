package com.example.workshop.local.lambda;

import com.example.workshop.local.process.ChildProcesses;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One execution environment: a JVM running the Lambda runtime interface client against its own Runtime API,
 * reused invocation after invocation until it fails, times out or is closed. It drives its {@link RuntimeState}
 * (offers each event, waits for the runtime), which its {@link RuntimeApiServer} serves over HTTP to the JVM.
 */
final class ExecutionEnvironment implements AutoCloseable {

    /** Lambda gives init 10 s, then retries it within the invocation's own timeout. */
    private static final Duration INIT_ALLOWANCE = Duration.ofSeconds(10);
    /** Bounds the wait for the output of a runtime whose threads go on printing after its invocation. */
    private static final Duration OUTPUT_DRAIN_ALLOWANCE = Duration.ofMillis(250);

    private final FunctionConfig config;
    private final FunctionLog log;
    private final StackTraceFiles stackTraces;
    private final RuntimeState state;
    private final RuntimeApiServer runtimeApi;
    private final Process process;
    private final PeakResidentMemory peakMemory;
    private final long startedAtNanos = System.nanoTime();
    private boolean initReported;
    private volatile boolean broken;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<OutputPipe> output = new ArrayList<>();

    private ExecutionEnvironment(FunctionConfig config, FunctionLog log, StackTraceFiles stackTraces, RuntimeState state,
                                 RuntimeApiServer runtimeApi, Process process) {
        this.config = config;
        this.log = log;
        this.stackTraces = stackTraces;
        this.state = state;
        this.runtimeApi = runtimeApi;
        this.process = process;
        this.peakMemory = PeakResidentMemory.of(process);
    }

    static ExecutionEnvironment start(FunctionConfig config, FunctionBootstrap bootstrap, Map<String, String> lambdaEnvironment,
                                      FunctionLog log, StackTraceFiles stackTraces) {
        return start(config, bootstrap, lambdaEnvironment, log, stackTraces, List.of());
    }

    /** @param jvmOptions added to the runtime's own, e.g. a class-data archive's (see {@link ClassDataArchive}) */
    static ExecutionEnvironment start(FunctionConfig config, FunctionBootstrap bootstrap, Map<String, String> lambdaEnvironment,
                                      FunctionLog log, StackTraceFiles stackTraces, List<String> jvmOptions) {
        try {
            RuntimeState state = new RuntimeState();
            RuntimeApiServer runtimeApi = new RuntimeApiServer(state, FunctionArns.of(config), config.timeoutSeconds());
            List<String> command = command(config, bootstrap);
            command.addAll(1, jvmOptions);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(config.taskRoot().toFile());
            builder.environment().clear();
            builder.environment().putAll(lambdaEnvironment);
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
            ExecutionEnvironment environment = new ExecutionEnvironment(config, log, stackTraces, state, runtimeApi,
                    ChildProcesses.start(builder));
            environment.forwardOutput();
            environment.watchInitErrorAndExit();
            return environment;
        } catch (IOException e) {
            throw new IllegalStateException(config.name() + ": cannot start the Java runtime: " + e.getMessage(), e);
        }
    }

    /** The java21 managed runtime's JVM flags (heap at 85% of MemorySize, serial GC, C1 only) and its bootstrap. */
    private static List<String> command(FunctionConfig config, FunctionBootstrap bootstrap) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:MaxHeapSize=" + config.memoryMb() * 85 / 100 + "m",
                "-XX:+UseSerialGC",
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-Djava.net.preferIPv4Stack=true"));
        if (Runtime.version().feature() >= 24) {
            // Newer JDKs warn about the JNI and sun.misc.Unsafe use of the runtime interface client; Java 21 does not.
            command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        }
        command.addAll(bootstrap.javaArguments(config.handler()));
        return command;
    }

    private void forwardOutput() {
        forward(process.getInputStream(), "stdout");
        forward(process.getErrorStream(), "stderr");
    }

    private void forward(InputStream pipe, String name) {
        StackTraceFolding lines = new StackTraceFolding(log, config.name(), stackTraces);
        output.add(OutputPipe.start(pipe, process::isAlive, lines, config.name() + "-" + name + "-" + process.pid()));
    }

    /** Completes when the runtime has initialised and asks for its first event. */
    CompletableFuture<Long> initialised() {
        return state.firstPollAtNanos();
    }

    boolean isUsable() {
        return !broken && process.isAlive();
    }

    /**
     * Runs one invocation, including init on a cold start, and writes its START/END/REPORT lines.
     */
    InvocationResult invoke(String requestId, String payload) {
        Invocation invocation = new Invocation(requestId, payload);
        Duration allowance = INIT_ALLOWANCE.plusSeconds(config.timeoutSeconds());
        RuntimeState.Readiness readiness = state.awaitPolling(allowance.toMillis(), TimeUnit.MILLISECONDS);
        // START before the event is given: nothing the handler prints for it can come first
        OptionalLong coldStartInitNanos = start(requestId);
        long dispatchedAt = System.nanoTime();
        if (readiness == RuntimeState.Readiness.TIMED_OUT) {
            invocation.fail(LambdaErrors.timedOut(requestId, allowance.toMillis() / 1000.0));
            kill();
        } else {
            state.offer(invocation);  // a runtime that failed, as FAILED says, fails it at once
        }
        return awaitResult(invocation, dispatchedAt, coldStartInitNanos);
    }

    /**
     * The environment is broken once its runtime reports an init error or exits; the state fails the event it was
     * given, if any. The INIT_REPORT line is written as the error comes, even with no invocation waiting.
     */
    private void watchInitErrorAndExit() {
        state.initError().thenAccept(error -> {
            broken = true;
            log.line(config.name(), LambdaLogLines.initError(System.nanoTime() - startedAtNanos, error.errorType()));
        });
        process.onExit().thenRun(() -> {
            broken = true;
            state.runtimeExited(process.exitValue());
        });
    }

    /** Writes START; the first invocation after init carries the init's duration in its REPORT. */
    private OptionalLong start(String requestId) {
        OptionalLong coldStartInitNanos = OptionalLong.empty();
        if (!initReported && state.firstPollAtNanos().isDone()) {
            initReported = true;
            coldStartInitNanos = OptionalLong.of(state.firstPollAtNanos().join() - startedAtNanos);
        }
        log.line(config.name(), "START RequestId: " + requestId + " Version: $LATEST");
        return coldStartInitNanos;
    }

    private InvocationResult awaitResult(Invocation invocation, long dispatchedAt, OptionalLong coldStartInitNanos) {
        long deadline = dispatchedAt + TimeUnit.SECONDS.toNanos(config.timeoutSeconds());
        boolean timedOut = false;
        try {
            invocation.result().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            timedOut = true;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        if (!timedOut) {
            awaitNextPoll(deadline);
        }
        long durationNanos = System.nanoTime() - dispatchedAt;
        OptionalLong maxMemoryMb = peakMemory.megabytes();
        if (timedOut) {
            double seconds = durationNanos / 1e9;
            invocation.fail(LambdaErrors.timedOut(invocation.requestId(), seconds));
            kill();
            log.line(config.name(), LambdaLogLines.timedOut(invocation.requestId(), seconds));
        }
        drainOutput();
        invocation.exitStatus().ifPresent(status -> LambdaLogLines.runtimeExited(invocation.requestId(), status)
                .forEach(line -> log.line(config.name(), line)));
        log.line(config.name(), "END RequestId: " + invocation.requestId());
        log.line(config.name(), LambdaLogLines.report(invocation.requestId(), durationNanos, config.memoryMb(),
                maxMemoryMb, coldStartInitNanos, timedOut ? "timeout" : null));
        return invocation.result().join();
    }

    /** What the runtime printed for the invocation comes before its END, as on Lambda. */
    private void drainOutput() {
        output.forEach(pipe -> pipe.drain(OUTPUT_DRAIN_ALLOWANCE));
    }

    /** In Lambda the runtime's next GET /next, not its response, ends the invocation; a runtime that never asks is broken. */
    private void awaitNextPoll(long deadline) {
        long remaining = Math.max(0, deadline - System.nanoTime());
        if (state.awaitPolling(remaining, TimeUnit.NANOSECONDS) != RuntimeState.Readiness.POLLING) {
            broken = true;
        }
    }

    private void kill() {
        broken = true;
        process.destroyForcibly();
    }

    /**
     * Stops the JVM the way a normal exit does (SIGTERM: shutdown hooks, and the class-data archive a training JVM
     * writes then), killing it only if it has not exited within {@code grace}.
     *
     * @return whether it exited by itself
     */
    boolean stopGracefully(Duration grace) {
        broken = true;
        process.destroy();
        boolean exited;
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);  // parks; waitFor would pin on JDK 21
            exited = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            exited = false;
        }
        close();
        return exited;
    }

    /** Waits for the JVM through onExit, which parks: Process.waitFor holds a monitor, which pins on JDK 21. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        kill();
        try {
            process.onExit().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // killed; the kernel reaps it
        }
        runtimeApi.close();
        state.close();
    }
}
