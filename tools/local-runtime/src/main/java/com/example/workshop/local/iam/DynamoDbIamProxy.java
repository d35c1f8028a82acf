package com.example.workshop.local.iam;

import com.example.workshop.local.http.HttpHead;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Enforces each function's Policies on its DynamoDB calls: an HTTP proxy on 127.0.0.1 in front of the local
 * DynamoDB endpoint. A function's environment points the SDK at it ({@link #environmentFor}) with the
 * function's own access key id; a call its policy allows is passed to DynamoDB byte for byte and the answer
 * relayed back as it comes; any other call is answered with the AccessDeniedException DynamoDB would return on
 * AWS. Calls signed with an unknown key are refused.
 *
 * <p>Each client connection is served by one virtual thread over one upstream connection, with blocking I/O:
 * no hand-off between threads, so the proxy adds little latency even on a busy laptop. Messages are framed by
 * Content-Length, which is how the AWS SDKs send DynamoDB's JSON requests.
 */
public final class DynamoDbIamProxy implements AutoCloseable {

    private static final Logger LOG = System.getLogger(DynamoDbIamProxy.class.getName());

    private final InetSocketAddress dynamoDb;
    private final CallAuthorizer authorizer;
    private final ServerSocket listener;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();

    private DynamoDbIamProxy(URI dynamoDb, TableArns tables) throws IOException {
        this.dynamoDb = new InetSocketAddress(dynamoDb.getHost(), dynamoDb.getPort());
        this.authorizer = new CallAuthorizer(tables);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    /** Starts a proxy on a free loopback port in front of {@code dynamoDb} (an {@code http://host:port} endpoint). */
    public static DynamoDbIamProxy start(URI dynamoDb, TableArns tables) {
        try {
            DynamoDbIamProxy proxy = new DynamoDbIamProxy(dynamoDb, tables);
            Thread.ofPlatform().daemon().name("dynamodb-iam-proxy").start(proxy::acceptConnections);
            LOG.log(Level.INFO, "IAM proxy for DynamoDB listening on {0}, forwarding to {1}", proxy.endpoint(), dynamoDb);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the IAM proxy for DynamoDB", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
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
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.shutdownNow();
    }

    private void acceptConnections() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                connections.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; Socket upstream = new Socket()) {
            client.setTcpNoDelay(true);
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            OutputStream toClient = new BufferedOutputStream(client.getOutputStream());
            HttpHead request;
            while ((request = HttpHead.read(fromClient)) != null) {
                if (request.header("Transfer-Encoding").isPresent()) {
                    LOG.log(Level.WARNING, "IAM proxy: closing a connection that sent a chunked request; "
                            + "DynamoDB requests carry a Content-Length");
                    return;
                }
                byte[] body = fromClient.readNBytes((int) request.contentLength().orElse(0));
                Optional<DynamoDbError> refusal = authorizer.check(request.header("Authorization").orElse(null),
                        request.header("X-Amz-Target").orElse(null), body);
                if (refusal.isPresent()) {
                    answer(toClient, refusal.get());
                } else if (!forward(request, body, upstream, toClient)) {
                    return;
                }
                if (!request.keepsAlive()) {
                    return;
                }
            }
        } catch (SocketException closedByPeer) {
            // the client or the endpoint went away; nothing to answer
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "IAM proxy: connection failed: {0}", e.toString());
        }
    }

    /** Sends the request as received and relays the response; false when the connection cannot be reused. */
    private boolean forward(HttpHead request, byte[] body, Socket upstream, OutputStream toClient) throws IOException {
        if (!upstream.isConnected()) {
            upstream.connect(dynamoDb, 2_000);
            upstream.setTcpNoDelay(true);
        }
        OutputStream toDynamoDb = upstream.getOutputStream();
        toDynamoDb.write(request.bytes());
        toDynamoDb.write(body);
        toDynamoDb.flush();

        InputStream fromDynamoDb = upstream.getInputStream();
        HttpHead response = HttpHead.read(fromDynamoDb);
        if (response == null) {
            throw new SocketException("DynamoDB endpoint closed the connection");
        }
        toClient.write(response.bytes());
        boolean framed = response.contentLength().isPresent();
        if (framed) {
            copy(fromDynamoDb, toClient, response.contentLength().getAsLong());
        } else {
            fromDynamoDb.transferTo(toClient);
        }
        toClient.flush();
        return framed && response.keepsAlive();
    }

    private static void copy(InputStream from, OutputStream to, long length) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int read = from.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new SocketException("DynamoDB endpoint closed the connection mid-response");
            }
            to.write(buffer, 0, read);
            left -= read;
        }
    }

    private static void answer(OutputStream toClient, DynamoDbError error) throws IOException {
        byte[] body = error.body();
        String head = "HTTP/1.1 " + DynamoDbError.STATUS + " Bad Request\r\n"
                + "Content-Type: " + DynamoDbError.CONTENT_TYPE + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "x-amzn-RequestId: " + UUID.randomUUID() + "\r\n"
                + "x-amz-crc32: " + DynamoDbError.crc32(body) + "\r\n"
                + "\r\n";
        toClient.write(head.getBytes(StandardCharsets.ISO_8859_1));
        toClient.write(body);
        toClient.flush();
    }
}
