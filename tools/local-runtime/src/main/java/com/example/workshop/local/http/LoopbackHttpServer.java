package com.example.workshop.local.http;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small HTTP/1.1 server on 127.0.0.1, one virtual thread per connection, with keep-alive. It exists because
 * API Gateway hands header names to the function exactly as the client spelled them, which the JDK's
 * HttpServer does not preserve. Requests are read by the runtime's one strict reader ({@link RequestReader});
 * one it refuses is answered with its 4xx status and a short JSON body, then the connection is closed, and the API's
 * log says so: {@code [API] refused with 400: ...}.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = System.getLogger(LoopbackHttpServer.class.getName());

    private final ServerSocket listener;
    private final RequestLimits limits;
    private final Function<HttpRequest, HttpResponse> handler;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    public LoopbackHttpServer(int port, RequestLimits limits, Function<HttpRequest, HttpResponse> handler)
            throws IOException {
        this.listener = new ServerSocket(port, 128, InetAddress.getLoopbackAddress());
        this.limits = limits;
        this.handler = handler;
        Thread.ofVirtual().name("api-gateway-accept").start(this::acceptLoop);
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket connection = listener.accept();
                connection.setTcpNoDelay(true);
                connections.add(connection);
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; OutputStream out = new BufferedOutputStream(connection.getOutputStream())) {
            RequestReader requests = new RequestReader(connection, limits);
            try {
                serveRequests(requests, out, connection.getInetAddress().getHostAddress());
            } catch (MalformedHttpException refused) {
                LOG.log(Level.INFO, "[API] refused with " + refused.status() + ": " + refused.getMessage());
                write(out, refusal(refused), true, false);
                requests.discardRest();
            }
        } catch (SocketException e) {
            // client went away
        } catch (IOException e) {
            LOG.log(Level.WARNING, "[API] connection failed: " + e);
        } finally {
            connections.remove(connection);
        }
    }

    private void serveRequests(RequestReader requests, OutputStream out, String sourceIp) throws IOException {
        Optional<Request> next;
        while ((next = requests.next()).isPresent()) {
            Request request = next.get();
            boolean keepAlive = request.head().keepsAlive();
            RequestLine line = request.line();
            HttpRequest httpRequest = new HttpRequest(line.method(), line.target(), line.version(),
                    request.head().headers(), request.body(), sourceIp);
            write(out, handler.apply(httpRequest), !keepAlive, line.method().equals("HEAD"));
            if (!keepAlive) {
                return;
            }
        }
    }

    private static HttpResponse refusal(MalformedHttpException refused) {
        String body = JSON.createObjectNode().put("message", reason(refused.status()) + ": " + refused.getMessage()).toString();
        return HttpResponse.json(refused.status(), body, List.of());
    }

    private static void write(OutputStream out, HttpResponse response, boolean close, boolean headOnly) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ')
                .append(reason(response.status())).append("\r\n");
        head.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        for (Header header : response.headers()) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        head.append("Content-Length: ").append(response.body().length).append("\r\n");
        head.append("Connection: ").append(close ? "close" : "keep-alive").append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        if (!headOnly) {
            out.write(response.body());
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status " + status;
        };
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }
}
