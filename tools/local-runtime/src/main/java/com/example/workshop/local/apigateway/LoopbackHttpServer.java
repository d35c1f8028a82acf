package com.example.workshop.local.apigateway;

import com.example.workshop.local.http.Header;
import com.example.workshop.local.http.HttpHead;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small HTTP/1.1 server on 127.0.0.1, one virtual thread per connection, with keep-alive. It exists because
 * API Gateway hands header names to the function exactly as the client spelled them, which the JDK's
 * HttpServer does not preserve.
 */
final class LoopbackHttpServer implements AutoCloseable {

    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final ServerSocket listener;
    private final Function<HttpRequest, HttpResponse> handler;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    LoopbackHttpServer(int port, Function<HttpRequest, HttpResponse> handler) throws IOException {
        this.listener = new ServerSocket(port, 128, InetAddress.getLoopbackAddress());
        this.handler = handler;
        Thread.ofVirtual().name("api-gateway-accept").start(this::acceptLoop);
    }

    int port() {
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
        try (connection;
             InputStream in = new BufferedInputStream(connection.getInputStream());
             OutputStream out = new BufferedOutputStream(connection.getOutputStream())) {
            String sourceIp = connection.getInetAddress().getHostAddress();
            HttpHead head;
            while ((head = HttpHead.read(in)) != null) {
                HttpRequest request = request(head, in, sourceIp);
                write(out, handler.apply(request), !head.keepsAlive(), request.method().equals("HEAD"));
                if (!head.keepsAlive()) {
                    return;
                }
            }
        } catch (HttpHead.MalformedException e) {
            // Nothing sensible to answer a client that does not speak HTTP/1.1; drop it.
        } catch (SocketException | EOFException e) {
            // client went away
        } catch (IOException e) {
            System.err.println("[API] connection failed: " + e);
        } finally {
            connections.remove(connection);
        }
    }

    private static HttpRequest request(HttpHead head, InputStream in, String sourceIp) throws IOException {
        String[] requestLine = head.startLine().split(" ");
        if (requestLine.length != 3) {
            throw new HttpHead.MalformedException("not a request line: " + head.startLine());
        }
        return new HttpRequest(requestLine[0], requestLine[1], requestLine[2], head.headers(), readBody(in, head), sourceIp);
    }

    private static byte[] readBody(InputStream in, HttpHead head) throws IOException {
        if (head.header("Transfer-Encoding").isPresent()) {
            // clients send Content-Length for the small bodies of this workshop
            throw new HttpHead.MalformedException("chunked requests are not supported");
        }
        long length = head.contentLength().orElse(0);
        if (length < 0 || length > MAX_BODY_BYTES) {
            throw new HttpHead.MalformedException("Content-Length " + length + " is out of range");
        }
        return in.readNBytes((int) length);
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
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
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
