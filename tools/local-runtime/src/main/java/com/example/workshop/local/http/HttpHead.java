package com.example.workshop.local.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The start line and headers of an HTTP/1.1 message, read strictly (RFC 9112): every line ends in CRLF, a header
 * line is a token, a colon and a value without control characters; bare CR or LF, folded lines, a space before
 * the colon and a second {@code Content-Length} or {@code Host} are refused, never guessed at. Whoever acts on a
 * head so read sees the same headers as whoever checked it. Header names keep the sender's spelling and order,
 * which API Gateway hands to the function.
 *
 * @param startLine {@code GET /Prod/ HTTP/1.1} for a request, {@code HTTP/1.1 200 OK} for a response
 */
public record HttpHead(String startLine, List<Header> headers) {

    /** Headers a message may carry once at most: two would leave the reader to pick one. */
    private static final List<String> SINGLE = List.of("Content-Length", "Host");
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    public HttpHead {
        headers = List.copyOf(headers);
    }

    /** {@link #read(InputStream, HeadLimits)} with {@link HeadLimits#DEFAULT}. */
    public static HttpHead read(InputStream in) throws IOException {
        return read(in, HeadLimits.DEFAULT);
    }

    /**
     * Reads up to and including the blank line; null when the peer closed the connection before sending a byte.
     *
     * @throws MalformedHttpException when the head breaks a rule of HTTP/1.1 or a limit
     * @throws EOFException           when the connection closed in the middle of the head
     */
    public static HttpHead read(InputStream in, HeadLimits limits) throws IOException {
        String startLine = readLine(in, limits.maxStartLineBytes(), true);
        if (startLine == null) {
            return null;
        }
        if (startLine.isEmpty()) {
            throw MalformedHttpException.badRequest("the message starts with an empty line");
        }
        List<Header> headers = new ArrayList<>();
        int headerBytesLeft = limits.maxHeaderBytes();
        String line;
        while (!(line = readLine(in, headerBytesLeft, false)).isEmpty()) {
            headers.add(header(line));
            headerBytesLeft -= line.length() + 2;
        }
        HttpHead head = new HttpHead(startLine, headers);
        for (String name : SINGLE) {
            head.single(name);
        }
        return head;
    }

    /** Every value of the header, whatever the case of its name, in the order sent. */
    public List<String> values(String name) {
        return headers.stream().filter(header -> header.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }

    public boolean has(String name) {
        return headers.stream().anyMatch(header -> header.name().equalsIgnoreCase(name));
    }

    /** The value of a header the message may carry once at most; a second one is refused (400). */
    public Optional<String> single(String name) throws MalformedHttpException {
        List<String> values = values(name);
        if (values.size() > 1) {
            throw MalformedHttpException.badRequest("the " + name + " header appears " + values.size() + " times");
        }
        return values.stream().findFirst();
    }

    /** Empty without the header; {@link Long#MAX_VALUE} for a number too large to hold. */
    public OptionalLong contentLength() throws MalformedHttpException {
        Optional<String> value = single("Content-Length");
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        String digits = value.get();
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw MalformedHttpException.badRequest("Content-Length is not a number: " + printable(digits));
        }
        return OptionalLong.of(digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits));
    }

    /** False when the message asks to close the connection after it, or is HTTP/1.0. */
    public boolean keepsAlive() {
        boolean close = values("Connection").stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .anyMatch(option -> option.strip().equalsIgnoreCase("close"));
        return !close && !startLine.startsWith("HTTP/1.0") && !startLine.endsWith(" HTTP/1.0");
    }

    /** The head as it goes on the wire: start line, headers, blank line. */
    public byte[] bytes() {
        StringBuilder text = new StringBuilder(startLine).append("\r\n");
        headers.forEach(header -> text.append(header.name()).append(": ").append(header.value()).append("\r\n"));
        return text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * One line without its CRLF; null for a start line when the stream ended before its first byte.
     *
     * @param maxBytes the most the line may hold: over it, 414 for a start line, 431 for a header line
     */
    private static String readLine(InputStream in, int maxBytes, boolean startLine) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int next = in.read();
            if (next < 0) {
                if (startLine && line.isEmpty()) {
                    return null;
                }
                throw new EOFException("the connection closed in the middle of an HTTP head");
            }
            if (next == '\n') {
                throw MalformedHttpException.badRequest("a line ends in a bare LF, without CR: " + printable(line));
            }
            if (next == '\r') {
                if (in.read() != '\n') {
                    throw MalformedHttpException.badRequest("a CR is not followed by LF: " + printable(line));
                }
                return line.toString();
            }
            if (line.length() >= maxBytes) {
                throw startLine
                        ? new MalformedHttpException(414, "the request line is longer than " + maxBytes + " bytes")
                        : new MalformedHttpException(431, "the headers are larger than their limit");
            }
            line.append((char) next);
        }
    }

    private static Header header(String line) throws MalformedHttpException {
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            throw MalformedHttpException.badRequest(
                    "a header line starts with a space or tab (a folded header, which HTTP/1.1 forbids): " + printable(line));
        }
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw MalformedHttpException.badRequest("a header line has no colon: " + printable(line));
        }
        String name = line.substring(0, colon);
        if (!isToken(name)) {
            throw MalformedHttpException.badRequest("not a header name: \"" + printable(name) + "\"");
        }
        String value = withoutSurroundingBlanks(line.substring(colon + 1));
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7F)) {
            throw MalformedHttpException.badRequest("the " + name + " header holds a control character");
        }
        return new Header(name, value);
    }

    /** RFC 9110's token: the characters of a method or a header name. */
    public static boolean isToken(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c < 0x7F
                && (Character.isLetterOrDigit(c) || TOKEN_SYMBOLS.indexOf(c) >= 0));
    }

    private static String withoutSurroundingBlanks(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }

    /** The text with control characters shown as {@code \xNN}, cut at 100 characters: safe to log and answer. */
    static String printable(CharSequence text) {
        StringBuilder shown = new StringBuilder();
        text.chars().limit(100).forEach(c -> shown.append(c < 0x20 || c >= 0x7F ? "\\x%02X".formatted(c) : (char) c));
        return text.length() > 100 ? shown.append("...").toString() : shown.toString();
    }
}
