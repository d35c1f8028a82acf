package com.example.workshop.local.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends bytes exactly as given over a plain socket and reads what comes back: for the requests no HTTP client
 * would send. Waits at most ten seconds for an answer, so a server that never answers fails the test instead
 * of hanging it.
 */
public final class RawHttp implements AutoCloseable {

    /** What the server answered; {@link #NONE} when it closed the connection without a word. */
    public record Answer(int status, String head, String body) {

        public static final Answer NONE = new Answer(-1, "", "");

        public String header(String name) {
            Matcher value = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\r?$").matcher(head);
            return value.find() ? value.group(1) : null;
        }
    }

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^Content-Length:\\s*(\\d+)");
    private final Socket socket;

    public RawHttp(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
    }

    /** Sends {@code request} (ISO-8859-1) on a new connection and reads one answer. */
    public static Answer exchange(int port, String request) throws IOException {
        try (RawHttp connection = new RawHttp(port)) {
            connection.send(request);
            return connection.answer();
        }
    }

    public void send(String bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Signals the end of what this client sends, as {@code printf ... | nc} does; the server may still answer. */
    public void endOfRequests() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads one response, framed by its Content-Length. */
    public Answer answer() throws IOException {
        InputStream in = socket.getInputStream();
        String head;
        try {
            head = readHead(in);
        } catch (SocketException reset) {
            return Answer.NONE;
        }
        if (head == null) {
            return Answer.NONE;
        }
        Matcher length = CONTENT_LENGTH.matcher(head);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        int status = Integer.parseInt(head.substring(9, 12));
        return new Answer(status, head, new String(body, StandardCharsets.UTF_8));
    }

    /** True when the server has closed the connection (nothing more to read). */
    public boolean closedByServer() throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketException reset) {
            return true;
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int next = in.read();
            if (next < 0) {
                return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
            }
            head.write(next);
            matched = next == "\r\n\r\n".charAt(matched) ? matched + 1 : next == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
