package com.example.workshop.local.lambda.bootstrap;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A failure to report for the function (the runtime interface client's UserFault): what went wrong, the exception's
 * class and stack trace when there was one, and whether the runtime must stop ({@code fatal}).
 */
final class HandlerFault extends RuntimeException {

    private static final String RUNTIME_PACKAGE = HandlerFault.class.getPackageName();

    final String message;
    final String exceptionType;
    final String trace;
    final boolean fatal;

    HandlerFault(String message, String exceptionType, String trace, boolean fatal) {
        super(message, null, false, false);
        this.message = message;
        this.exceptionType = exceptionType;
        this.trace = trace;
        this.fatal = fatal;
    }

    static HandlerFault withMessage(String message) {
        return new HandlerFault(message, null, null, false);
    }

    static HandlerFault of(Throwable t) {
        return t instanceof HandlerFault fault ? fault : of(t, false);
    }

    static HandlerFault of(Throwable t, boolean fatal) {
        String message = t.getLocalizedMessage() == null ? t.getClass().getName() : t.getLocalizedMessage();
        return new HandlerFault(message, t.getClass().getName(), trace(t), fatal);
    }

    /** The handler class failed to load or initialize: reported as an init error. */
    static HandlerFault loadingClass(Throwable e, String className) {
        return new HandlerFault("Error loading class " + className + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                e.getClass().getName(), trace(e), true);
    }

    static HandlerFault classNotFound(Throwable e, String className) {
        return new HandlerFault("Class not found: " + className, e.getClass().getName(), trace(e), false);
    }

    /** What the runtime logs: the message, the exception's class and its stack trace. */
    String reportableError() {
        if (exceptionType != null || trace != null) {
            return String.format("%s: %s\n%s\n", message, exceptionType == null ? "" : exceptionType,
                    trace == null ? "" : trace);
        }
        return message + "\n";
    }

    static String trace(Throwable t) {
        filterStackTrace(t);
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** Cuts every stack trace (with its causes and suppressed ones) at the first frame of this runtime's code. */
    static <T extends Throwable> T filterStackTrace(T t) {
        filter(t, Collections.newSetFromMap(new IdentityHashMap<>()));
        return t;
    }

    private static void filter(Throwable t, Set<Throwable> visited) {
        if (!visited.add(t)) {
            return;
        }
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().startsWith(RUNTIME_PACKAGE)) {
                t.setStackTrace(Arrays.copyOf(frames, i));
                break;
            }
        }
        if (t.getCause() != null) {
            filter(t.getCause(), visited);
        }
        for (Throwable suppressed : t.getSuppressed()) {
            filter(suppressed, visited);
        }
    }
}
