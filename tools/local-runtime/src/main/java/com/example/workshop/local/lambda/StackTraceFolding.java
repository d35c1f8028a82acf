package com.example.workshop.local.lambda;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Passes a function's output on line by line, except Java stack traces: each becomes one line, the exception's
 * with its root cause and the function's own frame where the trace has them, naming the file that holds the
 * whole trace. A failing DynamoDB call prints some eighty lines per request otherwise.
 *
 * <p>The runtime interface client logs an unhandled exception as {@code <message>: <exception class>} and then
 * the trace, which starts with {@code <exception class>: <message>}: that pair becomes a single line too.
 *
 * <p>What it passes on is the function's output, so it goes to the function's log, not the platform's.
 */
final class StackTraceFolding implements OutputPipe.LogLines {

    private static final Pattern TRACE_LINE =
            Pattern.compile("\\s+at \\S.*|\\s*\\.\\.\\. \\d+ (more|common frames omitted)|\\s*(Caused by|Suppressed): .*");
    private static final Pattern LIBRARY_FRAME =
            Pattern.compile("\\s+at (java|javax|jdk|sun|com\\.sun|software\\.amazon|com\\.amazonaws|com\\.fasterxml)\\..*");
    /** The line before a trace may be its runtime's summary of it: kept back until the next line shows. */
    private static final int HELD_BACK = 2;

    private final FunctionLog log;
    private final String functionName;
    private final StackTraceFiles files;
    private final Deque<String> held = new ArrayDeque<>();
    private List<String> trace;
    private boolean blankAfterTrace;

    StackTraceFolding(FunctionLog log, String functionName, StackTraceFiles files) {
        this.log = log;
        this.functionName = functionName;
        this.files = files;
    }

    @Override
    public void line(String line) {
        if (trace != null && TRACE_LINE.matcher(line).matches()) {
            trace.add(line);
        } else if (trace != null && line.isEmpty() && !blankAfterTrace) {
            blankAfterTrace = true; // the runtime interface client ends a logged trace with an empty line
        } else if (TRACE_LINE.matcher(line).matches()) {
            trace = new ArrayList<>();
            if (!held.isEmpty()) {
                trace.add(held.pollLast());
            }
            trace.add(line);
        } else {
            foldTrace();
            held.addLast(line);
            while (held.size() > HELD_BACK) {
                log.line(functionName, held.pollFirst());
            }
        }
    }

    @Override
    public void flush() {
        foldTrace();
        while (!held.isEmpty()) {
            log.line(functionName, held.pollFirst());
        }
    }

    private void foldTrace() {
        if (trace == null) {
            return;
        }
        String where = rootCause().map(cause -> "caused by " + cause + "; ").orElse("")
                + ownFrame().map(frame -> "at " + frame + "; ").orElse("")
                + "stack trace in " + files.write(String.join("\n", trace) + "\n");
        String exception = trace.getFirst();
        String summary = held.peekLast();
        if (TRACE_LINE.matcher(exception).matches()) {
            held.addLast("(" + where + ")"); // frames without their exception line
        } else if (summary != null && summary.endsWith(": " + exceptionClass(exception))) {
            held.pollLast();
            held.addLast(summary + " (" + where + ")");
        } else {
            held.addLast(exception + " (" + where + ")");
        }
        trace = null;
        blankAfterTrace = false;
    }

    /** The innermost cause, often what says what went wrong, e.g. {@code java.net.ConnectException: Connection refused}. */
    private Optional<String> rootCause() {
        return trace.reversed().stream()
                .filter(line -> line.startsWith("Caused by: "))
                .map(line -> line.substring("Caused by: ".length()))
                .findFirst();
    }

    /** The first frame of the function's own code, e.g. {@code com.example.workshop.Handler.handleRequest(Handler.java:42)}. */
    private Optional<String> ownFrame() {
        return trace.stream()
                .filter(line -> line.strip().startsWith("at ") && !LIBRARY_FRAME.matcher(line).matches())
                .map(line -> line.strip().substring(3))
                .findFirst();
    }

    /** {@code java.lang.IllegalStateException: oops} gives {@code java.lang.IllegalStateException}. */
    private static String exceptionClass(String exceptionLine) {
        int colon = exceptionLine.indexOf(": ");
        return (colon < 0 ? exceptionLine : exceptionLine.substring(0, colon)).strip();
    }
}
