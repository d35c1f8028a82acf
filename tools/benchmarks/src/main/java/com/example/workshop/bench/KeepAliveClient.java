package com.example.workshop.bench;

import com.example.workshop.local.http.HttpHead;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The thinnest HTTP/1.1 client: one kept-alive loopback connection, a GET written as bytes, the answer read with the
 * local runtime's own {@link HttpHead}. The warm-latency suite uses it so that what it calls the runtime's overhead
 * is not the cost of a general-purpose client ({@code java.net.http} alone adds about 0.7 ms per request here).
 */
final class KeepAliveClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    KeepAliveClient(URI base) {
        try {
            socket = new Socket(base.getHost(), base.getPort());
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + base, e);
        }
    }

    /** GETs {@code uri} and reads the whole answer; fails on anything but 200. */
    void get(URI uri) {
        try {
            out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            HttpHead head = HttpHead.read(in);
            byte[] body = in.readNBytes((int) head.contentLength().orElse(0));
            if (!head.startLine().contains(" 200 ")) {
                throw new IllegalStateException("GET " + uri + " answered " + head.startLine() + ": "
                        + new String(body, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
