package com.example.workshop.local.lambda;

import com.example.workshop.local.process.ChildProcesses;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
 * reused invocation after invocation until it fails, times out or is closed.
 */
final class ExecutionEnvironment implements AutoCloseable {

    /** Lambda gives init 10 s, then retries it within the invocation's own timeout. */
    private static final Duration INIT_ALLOWANCE = Duration.ofSeconds(10);
    /** Bounds the wait for the output of a runtime whose threads go on printing after its invocation. */
    private static final Duration OUTPUT_DRAIN_ALLOWANCE = Duration.ofMillis(250);

    private final FunctionConfig config;
    private final FunctionLog log;
    private final StackTraceFiles stackTraces;
    private final RuntimeApiServer runtimeApi;
    private final Process process;
    private final PeakResidentMemory peakMemory;
    private final long startedAtNanos = System.nanoTime();
    private boolean initReported;
    private OptionalLong coldStartInitNanos = OptionalLong.empty();
    private volatile boolean broken;
    private volatile Invocation current;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<OutputPipe> output = new ArrayList<>();

    private ExecutionEnvironment(FunctionConfig config, FunctionLog log, StackTraceFiles stackTraces,
                                 RuntimeApiServer runtimeApi, Process process) {
        this.config = config;
        this.log = log;
        this.stackTraces = stackTraces;
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
            RuntimeApiServer runtimeApi = new RuntimeApiServer(FunctionArns.of(config), config.timeoutSeconds());
            List<String> command = command(config, bootstrap);
            command.addAll(1, jvmOptions);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(config.taskRoot().toFile());
            builder.environment().clear();
            builder.environment().putAll(lambdaEnvironment);
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
            ExecutionEnvironment environment = new ExecutionEnvironment(config, log, stackTraces, runtimeApi,
                    ChildProcesses.start(builder));
            environment.forwardOutput();
            environment.failCurrentOnInitErrorOrExit();
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
        StackTraceFolding lines = new StackTraceFolding(line -> log.line(config.name(), line), stackTraces);
        output.add(OutputPipe.start(pipe, process::isAlive, lines, config.name() + "-" + name + "-" + process.pid()));
    }

    /** Completes when the runtime has initialised and asks for its first event. */
    CompletableFuture<Long> initialised() {
        return runtimeApi.firstPollAtNanos();
    }

    boolean isUsable() {
        return !broken && process.isAlive();
    }

    /**
     * Runs one invocation, including init on a cold start, and writes its START/END/REPORT lines.
     */
    InvocationResult invoke(String requestId, String payload) {
        Invocation invocation = new Invocation(requestId, payload, () -> start(requestId));
        current = invocation;
        runtimeApi.hand(invocation);
        failIfAlreadyDead(invocation);
        long dispatchedAt = awaitDispatch(invocation);
        return awaitResult(invocation, dispatchedAt);
    }

    /** A runtime that reports an init error or exits fails the invocation it was given, if any. */
    private void failCurrentOnInitErrorOrExit() {
        runtimeApi.initError().thenAccept(error -> {
            broken = true;
            log.line(config.name(), LambdaLogLines.initError(System.nanoTime() - startedAtNanos, error.errorType()));
            failCurrent(error.errorJson());
        });
        process.onExit().thenRun(() -> {
            broken = true;
            Invocation invocation = current;
            if (invocation != null) {
                invocation.runtimeExited(process.exitValue());
            }
        });
    }

    /** The callbacks above may have run before this invocation became the current one. */
    private void failIfAlreadyDead(Invocation invocation) {
        if (runtimeApi.initError().isDone()) {
            invocation.fail(runtimeApi.initError().join().errorJson());
        } else if (!process.isAlive()) {
            invocation.runtimeExited(process.exitValue());
        }
    }

    private void failCurrent(String errorJson) {
        Invocation invocation = current;
        if (invocation != null) {
            invocation.fail(errorJson);
        }
    }

    private long awaitDispatch(Invocation invocation) {
        Duration allowance = INIT_ALLOWANCE.plusSeconds(config.timeoutSeconds());
        try {
            CompletableFuture.anyOf(invocation.dispatchedAtNanos(), invocation.result())
                    .get(allowance.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            invocation.fail(LambdaErrors.timedOut(invocation.requestId(), allowance.toMillis() / 1000.0));
            kill();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return invocation.dispatchedAtNanos().getNow(System.nanoTime());
    }

    /** Runs as the runtime receives the event, so START comes before anything the handler prints. */
    private void start(String requestId) {
        coldStartInitNanos = OptionalLong.empty();
        if (!initReported && runtimeApi.firstPollAtNanos().isDone()) {
            initReported = true;
            coldStartInitNanos = OptionalLong.of(runtimeApi.firstPollAtNanos().join() - startedAtNanos);
        }
        log.line(config.name(), "START RequestId: " + requestId + " Version: $LATEST");
    }

    private InvocationResult awaitResult(Invocation invocation, long dispatchedAt) {
        if (!invocation.dispatchedAtNanos().isDone()) {
            // the runtime failed before taking the event: Lambda still logs the invocation's START
            start(invocation.requestId());
        }
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

    private void awaitNextPoll(long deadline) {
        try {
            while (process.isAlive() && System.nanoTime() < deadline) {
                if (runtimeApi.awaitNextPoll(50, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        broken = true;
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
    }
}
