package com.example.workshop.local.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The folder where a function's stack traces are kept, one file per distinct trace (named after its content,
 * so a trace repeated by every failing request is written once).
 */
public final class StackTraceFiles {

    private final Path folder;
    private final String functionName;

    private StackTraceFiles(Path folder, String functionName) {
        this.folder = folder;
        this.functionName = functionName;
    }

    /** Traces of any function in {@code folder}, e.g. a stage's target/local/stack-traces. */
    public static StackTraceFiles in(Path folder) {
        return new StackTraceFiles(folder, "function");
    }

    /** Under the system's temporary folder, for functions run outside a stage. */
    public static StackTraceFiles temporary() {
        return in(Path.of(System.getProperty("java.io.tmpdir"), "workshop-stack-traces"));
    }

    /** The traces of one function, whose name starts each file's. */
    public StackTraceFiles of(String function) {
        return new StackTraceFiles(folder, function);
    }

    /** Writes the trace unless an identical one was; returns its path as a person in this folder would type it. */
    String write(String trace) {
        Path file = folder.resolve(functionName + "-" + digest(trace) + ".txt");
        try {
            Files.createDirectories(folder);
            Files.writeString(file, trace, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException written) {
            // the same trace, written before
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a stack trace to " + file, e);
        }
        return shown(file);
    }

    private static String shown(Path file) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }

    private static String digest(String trace) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(trace.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
