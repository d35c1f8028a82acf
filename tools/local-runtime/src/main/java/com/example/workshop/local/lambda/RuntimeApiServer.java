package com.example.workshop.local.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Runtime API (2018-06-01) for one execution environment, which the runtime interface client polls.
 * See https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html.
 *
 * <p>It is served under a path of 128 random bits, {@code /<secret>/2018-06-01/runtime/...}, carried in
 * AWS_LAMBDA_RUNTIME_API ({@code 127.0.0.1:<port>/<secret>}): the runtime interface client builds its URLs as
 * {@code "http://" + AWS_LAMBDA_RUNTIME_API + "/2018-06-01/runtime/..."}, so it finds the API, while a process
 * that knows only the port gets 404 and can neither take the environment's events nor post its responses.
 */
final class RuntimeApiServer implements AutoCloseable {

    private static final String API = "/2018-06-01/runtime";
    private static final Pattern INVOCATION_REPORT = Pattern.compile("/invocation/([^/]+)/(response|error)");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ACCEPTED = "{\"status\":\"OK\"}";
    private static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

    private final String functionArn;
    private final int timeoutSeconds;
    private final String secret = newSecret();
    private final HttpServer server;
    /**
     * Platform threads: the JDK's HttpServer reads request bodies inside synchronized methods, which pin a virtual
     * thread's carrier on JDK 21. An environment needs two at most (its poll for the next event and its report).
     */
    private final ExecutorService executor = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("runtime-api-", 0).factory());
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final CompletableFuture<Long> firstPollAtNanos = new CompletableFuture<>();
    private final Semaphore polls = new Semaphore(0);
    private final CompletableFuture<InitError> initError = new CompletableFuture<>();
    private volatile Invocation current;

    RuntimeApiServer(String functionArn, int timeoutSeconds) throws IOException {
        this.functionArn = functionArn;
        this.timeoutSeconds = timeoutSeconds;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext(prefix() + "/", this::handle);
        server.start();
    }

    private static String newSecret() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }

    private String prefix() {
        return "/" + secret + API;
    }

    /** host:port/secret, the value of AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort() + "/" + secret;
    }

    /** Completes when the runtime first asks for an event, i.e. when init is done. */
    CompletableFuture<Long> firstPollAtNanos() {
        return firstPollAtNanos;
    }

    /** What the runtime posts to /init/error: the error type header and the error JSON. */
    record InitError(String errorType, String errorJson) {
    }

    CompletableFuture<InitError> initError() {
        return initError;
    }

    /**
     * Waits for the runtime to ask for its next event after the current one: in Lambda that request, not the
     * response, ends the invocation, so everything the runtime logged for it comes before END.
     */
    boolean awaitNextPoll(long timeout, TimeUnit unit) throws InterruptedException {
        if (!polls.tryAcquire(2, timeout, unit)) {
            return false;
        }
        polls.release();
        return true;
    }

    /** Queues the invocation for the runtime's next GET /next. */
    void hand(Invocation invocation) {
        pending.add(invocation);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath().substring(prefix().length());
            Matcher report = INVOCATION_REPORT.matcher(path);
            if (method.equals("GET") && path.equals("/invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && report.matches()) {
                report(exchange, report.group(1), report.group(2).equals("response"));
            } else if (method.equals("POST") && path.equals("/init/error")) {
                String errorType = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
                initError.complete(new InitError(errorType == null ? "Runtime.Unknown" : errorType, body(exchange)));
                respond(exchange, 202, ACCEPTED);
            } else {
                respond(exchange, 404, "{\"errorMessage\":\"Not found: " + method + " " + API + path + "\",\"errorType\":\"InvalidRequest\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstPollAtNanos.complete(System.nanoTime());
        polls.release();
        Invocation invocation;
        try {
            invocation = pending.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        current = invocation;
        invocation.markDispatched();
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + timeoutSeconds * 1000L));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.set("Lambda-Runtime-Trace-Id", TraceIds.newTraceHeader());
        respond(exchange, 200, invocation.payload());
    }

    private void report(HttpExchange exchange, String requestId, boolean success) throws IOException {
        Invocation invocation = current;
        if (invocation == null || !invocation.requestId().equals(requestId)) {
            respond(exchange, 400, "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (success && body.length > MAX_RESPONSE_BYTES) {
            respond(exchange, 413, "{\"errorMessage\":\"Exceeded maximum allowed payload size (6291556 bytes).\",\"errorType\":\"RequestEntityTooLarge\"}");
            invocation.fail("{\"errorMessage\":\"Response payload size exceeded maximum allowed payload size (6291556 bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}");
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (success) {
            invocation.succeed(text);
        } else {
            invocation.fail(text);
        }
        respond(exchange, 202, ACCEPTED);
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
