package com.example.workshop.local.iam;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The start line and headers of an HTTP/1.1 message, kept as the exact bytes received so the proxy can pass
 * them on unchanged. Header lookups are case-insensitive.
 */
record HttpHead(byte[] bytes, String startLine, Map<String, String> headers) {

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    /** Reads up to and including the blank line; null when the peer closed the connection between messages. */
    static HttpHead read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int matched = 0;
        while (matched < 4) {
            int next = in.read();
            if (next < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed in the middle of an HTTP head");
            }
            head.write(next);
            matched = next == "\r\n\r\n".charAt(matched) ? matched + 1 : next == '\r' ? 1 : 0;
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("HTTP head larger than " + MAX_HEAD_BYTES + " bytes");
            }
        }
        return parse(head.toByteArray());
    }

    private static HttpHead parse(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim(),
                        (first, second) -> first + ", " + second);
            }
        }
        return new HttpHead(bytes, lines[0], headers);
    }

    String header(String name) {
        return headers.get(name.toLowerCase());
    }

    OptionalLong contentLength() {
        String value = header("Content-Length");
        return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
    }

    boolean keepsAlive() {
        return !"close".equalsIgnoreCase(header("Connection"));
    }

    /** The status code of a response head ({@code HTTP/1.1 200 OK}). */
    int status() {
        return Integer.parseInt(startLine.split(" ", 3)[1]);
    }
}
