package com.example.workshop.local.lambda.bootstrap;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.amazonaws.services.lambda.runtime.serialization.util.ReflectUtil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The logger {@code context.getLogger()} and {@code LambdaRuntime.getLogger()} return, in Lambda's TEXT log format:
 * a message with a level is prefixed with it ({@code [INFO] ...}) and dropped below AWS_LAMBDA_LOG_LEVEL.
 */
final class TextLambdaLogger implements LambdaLogger {

    private final LogLevel minimumLevel;

    private TextLambdaLogger(LogLevel minimumLevel) {
        this.minimumLevel = minimumLevel;
    }

    /** Makes it the logger of {@link LambdaRuntime}, as the runtime interface client does with its own. */
    static TextLambdaLogger install(LogLevel minimumLevel) {
        TextLambdaLogger logger = new TextLambdaLogger(minimumLevel);
        ReflectUtil.setStaticField(LambdaRuntime.class, "logger", true, logger);
        return logger;
    }

    @Override
    public void log(String message) {
        log(message, LogLevel.UNDEFINED);
    }

    @Override
    public void log(byte[] message) {
        log(message, LogLevel.UNDEFINED);
    }

    @Override
    public void log(String message, LogLevel level) {
        if (enabled(level)) {
            String text = level == LogLevel.UNDEFINED ? message : "[" + level + "] " + message;
            write(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void log(byte[] message, LogLevel level) {
        if (enabled(level)) {
            write(message);
        }
    }

    private boolean enabled(LogLevel level) {
        return level == LogLevel.UNDEFINED || level.ordinal() >= minimumLevel.ordinal();
    }

    private static synchronized void write(byte[] message) {
        try {
            System.out.write(message == null ? "null".getBytes(StandardCharsets.UTF_8) : message);
        } catch (IOException e) {
            e.printStackTrace();
        }
    }
}
