package com.example.workshop.local.cli;

import com.example.workshop.local.deploy.LocalDeployment;
import com.example.workshop.local.deploy.StageBuild;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The one place the runtime's own log is configured. Every class logs through {@link System.Logger}, named after
 * itself (so after its package, its concern), which goes to java.util.logging; here its root gets one handler that
 * prints one line per record on the command's console stream, in one format.
 *
 * <p>That format: the access log, the build and the deployment say what they are in their own words
 * ({@code [API] GET /Prod/ 200 12 ms (MainFunction)}, {@code Building module-3-counter ...}, {@code Note: ...}), so
 * their records are printed as they are; the services' diagnostics (DynamoDB, IAM, streams, Lambda) carry their
 * level ({@code INFO: IAM proxy for DynamoDB listening on ...}).
 *
 * <p>The functions' own log lines are not in it: they are the functions' output, on a channel of their own
 * ({@link com.example.workshop.local.lambda.FunctionLog}).
 */
public final class ConsoleLog implements AutoCloseable {

    private static final String RUNTIME = "com.example.workshop.local";
    /** Loggers whose records are printed without their level. */
    private static final List<String> IN_THEIR_OWN_WORDS = List.of(
            RUNTIME + ".apigateway", RUNTIME + ".http", RUNTIME + ".deploy", RUNTIME + ".process", RUNTIME + ".cli",
            RUNTIME + ".watch");

    private final Logger root = Logger.getLogger("");
    private final Handler[] replaced = root.getHandlers();
    private final Level rootLevel = root.getLevel();
    private final Map<Logger, Level> levels = new LinkedHashMap<>();
    private final Handler console;

    private ConsoleLog(PrintStream console, String indent) {
        this.console = new ConsoleHandler(console, indent);
        for (Handler handler : replaced) {
            root.removeHandler(handler);
        }
        root.addHandler(this.console);
    }

    /** Prints the runtime's log on {@code console} (stderr for {@code invoke}, whose stdout is the response). */
    public static ConsoleLog on(PrintStream console) {
        return new ConsoleLog(console, "");
    }

    /**
     * For {@code check}: under its own lines, indented, only the build's progress, the template's notes and the
     * warnings; not the stream mapping's line per batch nor the API's line per request (the checks say those).
     */
    static ConsoleLog forCheck(PrintStream console) {
        ConsoleLog log = new ConsoleLog(console, "  ");
        log.root.setLevel(Level.WARNING);
        log.setLevel(LocalDeployment.class, Level.INFO);
        log.setLevel(StageBuild.class, Level.INFO);
        return log;
    }

    private void setLevel(Class<?> type, Level level) {
        Logger logger = Logger.getLogger(type.getName());
        levels.put(logger, logger.getLevel());
        logger.setLevel(level);
    }

    /** Puts back what was there: a test's JVM goes on with its own handlers and levels. */
    @Override
    public void close() {
        root.removeHandler(console);
        for (Handler handler : replaced) {
            root.addHandler(handler);
        }
        root.setLevel(rootLevel);
        levels.forEach(Logger::setLevel);
    }

    /**
     * java.util.logging's own shutdown hook resets it, closing every handler while {@code run}'s hook is still
     * stopping the stage, and the lines logged meanwhile (a warning about what did not stop, "Stopped") were lost.
     * With this manager, chosen before the first logger exists, the console handler prints until the JVM ends.
     */
    public static final class KeptUntilExit extends LogManager {

        @Override
        public void reset() {
            // nothing to reset: this process's handlers are the console's, and live as long as it does
        }
    }

    /**
     * Not a StreamHandler, whose publish is synchronized: a virtual thread (an API request) blocked writing to the
     * console inside it would pin its carrier. PrintStream takes its own lock, which parks.
     */
    private static final class ConsoleHandler extends Handler {

        private final PrintStream console;

        ConsoleHandler(PrintStream console, String indent) {
            this.console = console;
            setFormatter(new ConsoleFormat(indent));
        }

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                console.print(getFormatter().format(record));
                console.flush();
            }
        }

        @Override
        public void flush() {
            console.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }

    private static final class ConsoleFormat extends Formatter {

        private final String indent;

        ConsoleFormat(String indent) {
            this.indent = indent;
        }

        @Override
        public String format(LogRecord record) {
            String message = formatMessage(record) + thrown(record);
            String line = inTheirOwnWords(record.getLoggerName()) ? message
                    : record.getLevel().getLocalizedName() + ": " + message;
            return indent + line + System.lineSeparator();
        }

        private static boolean inTheirOwnWords(String loggerName) {
            return loggerName != null && IN_THEIR_OWN_WORDS.stream()
                    .anyMatch(name -> loggerName.equals(name) || loggerName.startsWith(name + "."));
        }

        /** As java.util.logging's SimpleFormatter: the stack trace on the lines after the message. */
        private static String thrown(LogRecord record) {
            if (record.getThrown() == null) {
                return "";
            }
            StringWriter trace = new StringWriter();
            try (PrintWriter out = new PrintWriter(trace)) {
                out.println();
                record.getThrown().printStackTrace(out);
            }
            return trace.toString();
        }
    }
}
