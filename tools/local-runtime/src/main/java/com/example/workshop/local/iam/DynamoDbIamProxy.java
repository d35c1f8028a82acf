package com.example.workshop.local.iam;

import com.example.workshop.local.http.HttpHead;
import com.example.workshop.local.http.MalformedHttpException;
import com.example.workshop.local.http.Request;
import com.example.workshop.local.http.RequestLimits;
import com.example.workshop.local.http.RequestReader;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Enforces each function's Policies on its DynamoDB calls: an HTTP proxy on 127.0.0.1 in front of the local
 * DynamoDB endpoint. A function's environment points the SDK at it ({@link #environmentFor}) with the
 * function's own access key id; a call its policy allows is passed on to DynamoDB and the answer relayed back as
 * it comes; any other call is answered with the AccessDeniedException DynamoDB would return on AWS. Calls signed
 * with an unknown key are refused. Each request is read once, strictly, and what goes on to DynamoDB is built
 * from what was checked ({@link DynamoDbRequest}), so DynamoDB cannot act on a request other than the one allowed.
 *
 * <p>Each client connection is served by one virtual thread over one upstream connection, with blocking I/O:
 * no hand-off between threads, so the proxy adds little latency even on a busy laptop. Messages are framed by
 * Content-Length, which is how the AWS SDKs send DynamoDB's JSON requests.
 */
public final class DynamoDbIamProxy implements AutoCloseable {

    private static final Logger LOG = System.getLogger(DynamoDbIamProxy.class.getName());
    /** DynamoDB's own request limit is 16 MB (BatchWriteItem); a URL or headers this large are no SDK's. */
    private static final RequestLimits LIMITS =
            new RequestLimits(8192, 64 * 1024, 16L * 1024 * 1024, Duration.ofSeconds(30));

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

    /** Every permission the functions' DynamoDB calls needed so far, allowed or denied, in order. */
    public List<AuthorizedCall> calls() {
        return authorizer.calls();
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
        try (client; Upstream upstream = new Upstream(dynamoDb)) {
            client.setTcpNoDelay(true);
            RequestReader requests = new RequestReader(client, LIMITS);
            OutputStream toClient = new BufferedOutputStream(client.getOutputStream());
            try {
                Optional<Request> request = requests.next();
                while (request.isPresent() && serve(request.get(), upstream, toClient)) {
                    request = requests.next();
                }
            } catch (MalformedHttpException refused) {
                refuse(toClient, DynamoDbError.validation(refused.getMessage()));
                requests.discardRest();
            }
        } catch (SocketException closedByPeer) {
            // the client or the endpoint went away; nothing to answer
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "IAM proxy: connection failed: {0}", e.toString());
        }
    }

    /** Answers one request; false when the connection is not to be used again. */
    private boolean serve(Request request, Upstream upstream, OutputStream toClient) throws IOException {
        DynamoDbRequest call;
        try {
            call = DynamoDbRequest.of(request);
        } catch (DynamoDbRequest.Refused refused) {
            refuse(toClient, refused.error());
            return false;
        }
        Optional<DynamoDbError> denial = authorizer.check(call);
        if (denial.isPresent()) {
            answer(toClient, denial.get(), false);
        } else if (!forward(call, upstream, toClient)) {
            return false;
        }
        return request.head().keepsAlive();
    }

    private static void refuse(OutputStream toClient, DynamoDbError error) throws IOException {
        LOG.log(Level.WARNING, "BAD REQUEST to the IAM proxy, refused before it reached DynamoDB: {0}. "
                + "The AWS SDK never sends such a request; something else wrote it.", error.message());
        answer(toClient, error, true);
    }

    /** Sends the checked request and relays the response; false when the connection cannot be reused. */
    private boolean forward(DynamoDbRequest call, Upstream upstream, OutputStream toClient) throws IOException {
        upstream.connect();
        OutputStream toDynamoDb = upstream.out;
        toDynamoDb.write(call.forwarded().bytes());
        toDynamoDb.write(call.body());
        toDynamoDb.flush();

        InputStream fromDynamoDb = upstream.in;
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

    /** The connection to DynamoDB that serves one client connection, opened at its first allowed call. */
    private static final class Upstream implements AutoCloseable {

        private final InetSocketAddress address;
        private final Socket socket = new Socket();
        private InputStream in;
        private OutputStream out;

        Upstream(InetSocketAddress address) {
            this.address = address;
        }

        void connect() throws IOException {
            if (!socket.isConnected()) {
                socket.connect(address, 2_000);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream());
                out = new BufferedOutputStream(socket.getOutputStream());
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
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

    private static void answer(OutputStream toClient, DynamoDbError error, boolean closing) throws IOException {
        byte[] body = error.body();
        String head = "HTTP/1.1 " + DynamoDbError.STATUS + " Bad Request\r\n"
                + "Content-Type: " + DynamoDbError.CONTENT_TYPE + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "x-amzn-RequestId: " + UUID.randomUUID() + "\r\n"
                + "x-amz-crc32: " + DynamoDbError.crc32(body) + "\r\n"
                + (closing ? "Connection: close\r\n" : "")
                + "\r\n";
        toClient.write(head.getBytes(StandardCharsets.ISO_8859_1));
        toClient.write(body);
        toClient.flush();
    }
}
