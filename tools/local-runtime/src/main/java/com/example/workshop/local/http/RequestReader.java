package com.example.workshop.local.http;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the requests a client sends on one connection, one at a time, strictly and within {@link RequestLimits}:
 * the one place where the runtime's servers read HTTP by hand.
 *
 * <p>A request may take {@link RequestLimits#timeout()} to arrive from its first byte to its last; a connection
 * may stay that long idle between requests, then it is closed without a word (nothing was asked).
 */
public final class RequestReader {

    private static final Duration DRAIN_TIME = Duration.ofSeconds(1);
    private static final int DRAIN_BYTES = 1024 * 1024;

    private final Socket socket;
    private final RequestLimits limits;
    private final DeadlineInput deadline;
    private final InputStream in;

    public RequestReader(Socket socket, RequestLimits limits) throws IOException {
        this.socket = socket;
        this.limits = limits;
        this.deadline = new DeadlineInput(socket);
        this.in = new BufferedInputStream(deadline);
    }

    /**
     * The next request; empty when the client closed the connection, or left it idle for the timeout, between
     * requests.
     *
     * @throws MalformedHttpException for a request to answer with its status (408 when it came in too slowly,
     *                                400 when the connection ended in its middle), after which the connection
     *                                cannot be trusted to be at a request boundary and must be closed
     */
    public Optional<Request> next() throws IOException {
        deadline.expireAfter(limits.timeout());
        if (!requestStarts()) {
            return Optional.empty();
        }
        deadline.expireAfter(limits.timeout());
        try {
            HttpHead head = HttpHead.read(in, limits.headLimits());
            RequestLine line = RequestLine.parse(head.startLine(), limits.maxTargetChars());
            return Optional.of(new Request(line, head, body(head)));
        } catch (SocketTimeoutException e) {
            throw new MalformedHttpException(408, "the request did not arrive in full within "
                    + limits.timeout().toMillis() + " ms");
        } catch (EOFException e) {
            throw MalformedHttpException.badRequest("the connection ended in the middle of the request");
        }
    }

    /**
     * After an answer to a request that was not read to its end: stops sending, then reads and drops what the
     * client still sends for a moment, so that closing does not reset the connection before the client has read
     * the answer.
     */
    public void discardRest() {
        try {
            socket.shutdownOutput();
            deadline.expireAfter(DRAIN_TIME);
            in.skipNBytes(DRAIN_BYTES);
        } catch (IOException enoughOrGone) {
            // the client stopped sending, went away, or kept sending: close either way
        }
    }

    /** Waits for the first byte of a request without consuming it; false when none comes. */
    private boolean requestStarts() throws IOException {
        in.mark(1);
        try {
            if (in.read() < 0) {
                return false;
            }
        } catch (SocketTimeoutException idle) {
            return false;
        }
        in.reset();
        return true;
    }

    private byte[] body(HttpHead head) throws IOException {
        if (head.has("Transfer-Encoding")) {
            throw head.has("Content-Length")
                    ? MalformedHttpException.badRequest("the request has both Transfer-Encoding and Content-Length")
                    : new MalformedHttpException(411, "a request body must come with a Content-Length; "
                    + "Transfer-Encoding (chunked bodies) is not supported here");
        }
        long length = head.contentLength().orElse(0);
        if (length > limits.maxBodyBytes()) {
            throw new MalformedHttpException(413, "the body is larger than " + limits.maxBodyBytes() + " bytes");
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new EOFException();
        }
        return body;
    }

    /** The socket's input, each read waiting no longer than what is left until the deadline. */
    private static final class DeadlineInput extends FilterInputStream {

        private final Socket socket;
        private long deadlineNanos;

        DeadlineInput(Socket socket) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
        }

        void expireAfter(Duration timeout) {
            deadlineNanos = System.nanoTime() + timeout.toNanos();
        }

        @Override
        public int read() throws IOException {
            waitNoLongerThanTheDeadline();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            waitNoLongerThanTheDeadline();
            return super.read(buffer, offset, length);
        }

        @Override
        public long skip(long count) throws IOException {
            waitNoLongerThanTheDeadline();
            return super.skip(count);
        }

        private void waitNoLongerThanTheDeadline() throws IOException {
            long leftMillis = Duration.ofNanos(deadlineNanos - System.nanoTime()).toMillis();
            if (leftMillis <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            socket.setSoTimeout((int) Math.min(leftMillis, Integer.MAX_VALUE));
        }
    }
}
