package com.example.workshop.local.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The start line and headers of an HTTP/1.1 message, as received: the exact bytes, so a proxy can pass them on
 * unchanged, and the headers in the sender's spelling and order, which API Gateway hands to the function.
 *
 * @param startLine {@code GET /Prod/ HTTP/1.1} for a request, {@code HTTP/1.1 200 OK} for a response
 */
public record HttpHead(byte[] bytes, String startLine, List<Header> headers) {

    /** A message that is not HTTP/1.1 as this reader knows it. */
    public static final class MalformedException extends IOException {
        public MalformedException(String problem) {
            super(problem);
        }
    }

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final String END_OF_HEAD = "\r\n\r\n";

    public HttpHead {
        headers = List.copyOf(headers);
    }

    /** Reads up to and including the blank line; null when the peer closed the connection between messages. */
    public static HttpHead read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int matched = 0;
        while (matched < END_OF_HEAD.length()) {
            int next = in.read();
            if (next < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed in the middle of an HTTP head");
            }
            head.write(next);
            matched = next == END_OF_HEAD.charAt(matched) ? matched + 1 : next == '\r' ? 1 : 0;
            if (head.size() > MAX_HEAD_BYTES) {
                throw new MalformedException("HTTP head larger than " + MAX_HEAD_BYTES + " bytes");
            }
        }
        return parse(head.toByteArray());
    }

    private static HttpHead parse(byte[] bytes) throws MalformedException {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String[] lines = text.substring(0, text.length() - END_OF_HEAD.length()).split("\r\n");
        List<Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new MalformedException("not a header line: " + lines[i]);
            }
            headers.add(new Header(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
        }
        return new HttpHead(bytes, lines[0], headers);
    }

    /** The (last) value of the header, whatever the case of its name. */
    public Optional<String> header(String name) {
        return headers.stream().filter(header -> header.name().equalsIgnoreCase(name)).map(Header::value)
                .reduce((first, last) -> last);
    }

    public OptionalLong contentLength() throws MalformedException {
        Optional<String> value = header("Content-Length");
        try {
            return value.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.get()));
        } catch (NumberFormatException e) {
            throw new MalformedException("Content-Length is not a number: " + value.get());
        }
    }

    /** False when the message asks to close the connection after it, or is HTTP/1.0. */
    public boolean keepsAlive() {
        return !header("Connection").map("close"::equalsIgnoreCase).orElse(false) 
                && !startLine.startsWith("HTTP/1.0") && !startLine.endsWith(" HTTP/1.0");
    }
}
