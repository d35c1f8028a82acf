package com.example.workshop.local.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * One output pipe of an execution environment (its stdout or its stderr), written to the function's log line
 * by line by a platform thread of its own.
 *
 * <p>That thread never blocks in a read: it reads what the pipe holds and otherwise waits on a condition, so
 * {@link #drain} can wake it and know, without a race, that everything written before the call is logged (an
 * invocation's END line waits for that). And it is a platform thread: a read of a pipe on a virtual thread
 * holds its carrier, and once the scheduler's idle carriers retire, held ones are all that is left.
 */
final class OutputPipe {

    /** How soon a line printed between invocations shows; a drain does not wait for it. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    /**
     * How long the pipe stays empty before what was read is taken as complete: a stack trace written in two
     * chunks then still becomes one line. A drain does not wait for it either.
     */
    private static final Duration QUIET = Duration.ofMillis(20);

    /** Where the lines go; {@link #flush} comes whenever the pipe has nothing more to give for now. */
    interface LogLines {
        void line(String line);

        void flush();
    }

    private final InputStream pipe;
    private final BooleanSupplier writerAlive;
    private final LogLines lines;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Condition drained = lock.newCondition();
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[8192];
    private long lastReadNanos;
    private long drainsAsked;
    private long drainsDone;
    private boolean ended;

    private OutputPipe(InputStream pipe, BooleanSupplier writerAlive, LogLines lines) {
        this.pipe = pipe;
        this.writerAlive = writerAlive;
        this.lines = lines;
    }

    /** @param writerAlive whether the process writing to the pipe still runs */
    static OutputPipe start(InputStream pipe, BooleanSupplier writerAlive, LogLines lines, String threadName) {
        OutputPipe output = new OutputPipe(pipe, writerAlive, lines);
        Thread.ofPlatform().daemon().name(threadName).start(output::forward);
        return output;
    }

    private void forward() {
        lock.lock();
        try {
            while (!ended) {
                if (readWhatIsThere()) {
                    lastReadNanos = System.nanoTime();
                    continue;
                }
                if (drainsDone < drainsAsked || System.nanoTime() - lastReadNanos >= QUIET.toNanos()) {
                    caughtUp();
                }
                wake.await(POLL_INTERVAL.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            end();
            lock.unlock();
        }
    }

    /** False when the pipe is empty for now; sets {@link #ended} when it is empty for good. */
    private boolean readWhatIsThere() {
        try {
            boolean alive = writerAlive.getAsBoolean();
            int available = pipe.available();
            if (available == 0) {
                // a writer that is gone left everything it wrote in the pipe: empty now means empty for good
                ended = !alive;
                return false;
            }
            int read = pipe.read(buffer, 0, Math.min(available, buffer.length));
            if (read < 0) {
                ended = true;
                return false;
            }
            split(read);
            return true;
        } catch (IOException closed) {
            ended = true;
            return false;
        }
    }

    private void split(int length) {
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\n') {
                lines.line(takePartialLine());
            } else {
                partialLine.write(buffer[i]);
            }
        }
    }

    private String takePartialLine() {
        String line = partialLine.toString(StandardCharsets.UTF_8);
        partialLine.reset();
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** Everything asked for by the drains so far was in the pipe when they asked, and is logged now. */
    private void caughtUp() {
        if (drainsDone < drainsAsked && partialLine.size() > 0) {
            lines.line(takePartialLine());
        }
        lines.flush();
        drainsDone = drainsAsked;
        drained.signalAll();
    }

    private void end() {
        if (partialLine.size() > 0) {
            lines.line(takePartialLine());
        }
        lines.flush();
        ended = true;
        drained.signalAll();
    }

    /**
     * Waits, at most {@code timeout}, until everything written to the pipe before this call is logged, a last
     * line without its newline included. A runtime writes its output for an invocation before it asks for the
     * next event, so once that request has come, a drained pipe holds nothing more of the invocation.
     */
    void drain(Duration timeout) {
        long left = timeout.toNanos();
        lock.lock();
        try {
            long asked = ++drainsAsked;
            wake.signal();
            while (!ended && drainsDone < asked && left > 0) {
                left = drained.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
