package com.example.workshop.local.iam;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Enforces each function's Policies on its DynamoDB calls: an HTTP proxy on 127.0.0.1 in front of the local
 * DynamoDB endpoint. A function's environment points the SDK at it ({@link #environmentFor}) with the
 * function's own access key id; a call its policy allows is forwarded byte for byte, any other is answered
 * with the AccessDeniedException DynamoDB would return on AWS. Calls signed with an unknown key are refused.
 */
public final class DynamoDbIamProxy implements AutoCloseable {

    private static final Logger LOG = System.getLogger(DynamoDbIamProxy.class.getName());
    /** Hop-by-hop headers, and those the JDK HTTP client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "host", "content-length", "connection", "keep-alive", "transfer-encoding", "expect", "upgrade", "te",
            "trailer", "proxy-connection", "date");

    private final URI dynamoDb;
    private final CallAuthorizer authorizer;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private DynamoDbIamProxy(URI dynamoDb, TableArns tables) throws IOException {
        this.dynamoDb = dynamoDb;
        this.authorizer = new CallAuthorizer(tables);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    /** Starts a proxy on a free loopback port in front of {@code dynamoDb}. */
    public static DynamoDbIamProxy start(URI dynamoDb, TableArns tables) {
        try {
            DynamoDbIamProxy proxy = new DynamoDbIamProxy(dynamoDb, tables);
            proxy.server.start();
            LOG.log(Level.INFO, "IAM proxy for DynamoDB listening on {0}, forwarding to {1}", proxy.endpoint(), dynamoDb);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the IAM proxy for DynamoDB", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Lets the function's calls through, as far as its policy allows. */
    public void register(FunctionIdentity identity) {
        authorizer.register(identity);
    }

    /** The environment variables that make the function's SDK clients call DynamoDB through this proxy, as itself. */
    public Map<String, String> environmentFor(FunctionIdentity identity) {
        return Map.of(
                "AWS_ENDPOINT_URL_DYNAMODB", endpoint().toString(),
                "AWS_ACCESS_KEY_ID", identity.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", FunctionIdentity.SECRET_ACCESS_KEY);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
        client.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Optional<DynamoDbError> refusal = authorizer.check(exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Amz-Target"), body);
            if (refusal.isPresent()) {
                answer(exchange, refusal.get());
            } else {
                forward(exchange, body);
            }
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(dynamoDb.resolve(exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + dynamoDb, interrupted);
        }
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        exchange.sendResponseHeaders(response.statusCode(), responseLength(response));
        try (InputStream from = response.body(); OutputStream to = exchange.getResponseBody()) {
            from.transferTo(to);
        }
    }

    /** In HttpServer's terms: -1 for no body, 0 for a body of unknown length (sent chunked). */
    private static long responseLength(HttpResponse<?> response) {
        OptionalLong declared = response.headers().firstValueAsLong("content-length");
        if (declared.isEmpty()) {
            return 0;
        }
        return declared.getAsLong() == 0 ? -1 : declared.getAsLong();
    }

    private static void answer(HttpExchange exchange, DynamoDbError error) throws IOException {
        byte[] body = error.body();
        exchange.getResponseHeaders().set("Content-Type", DynamoDbError.CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.getResponseHeaders().set("x-amz-crc32", DynamoDbError.crc32(body));
        exchange.sendResponseHeaders(DynamoDbError.STATUS, body.length);
        exchange.getResponseBody().write(body);
    }
}
