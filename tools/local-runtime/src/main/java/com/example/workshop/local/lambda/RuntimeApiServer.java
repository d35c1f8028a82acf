package com.example.workshop.local.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 *
 * <p>It only translates HTTP to and from the environment's {@link RuntimeState}, as the Lambda runtime interface
 * emulator separates its handlers from its state: what the runtime may ask, and when, is the state's to say.
 */
final class RuntimeApiServer implements AutoCloseable {

    private static final String API = "/2018-06-01/runtime";
    private static final Pattern INVOCATION_REPORT = Pattern.compile("/invocation/([^/]+)/(response|error)");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ACCEPTED = "{\"status\":\"OK\"}";

    private final RuntimeState state;
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

    RuntimeApiServer(RuntimeState state, String functionArn, int timeoutSeconds) throws IOException {
        this.state = state;
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
                state.initError(exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"),
                        new String(body(exchange), StandardCharsets.UTF_8));
                respond(exchange, 202, ACCEPTED);
            } else {
                respond(exchange, 404, "{\"errorMessage\":\"Not found: " + method + " " + API + path + "\",\"errorType\":\"InvalidRequest\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        Invocation invocation;
        try {
            invocation = state.next();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (invocation == null) {
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + timeoutSeconds * 1000L));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.set("Lambda-Runtime-Trace-Id", TraceIds.newTraceHeader());
        respond(exchange, 200, invocation.payload());
    }

    private void report(HttpExchange exchange, String requestId, boolean success) throws IOException {
        switch (state.report(requestId, success, body(exchange))) {
            case ACCEPTED -> respond(exchange, 202, ACCEPTED);
            case UNKNOWN_REQUEST_ID ->
                    respond(exchange, 400, "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
            case TOO_LARGE ->
                    respond(exchange, 413, "{\"errorMessage\":\"Exceeded maximum allowed payload size (6291556 bytes).\",\"errorType\":\"RequestEntityTooLarge\"}");
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        return exchange.getRequestBody().readAllBytes();
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
