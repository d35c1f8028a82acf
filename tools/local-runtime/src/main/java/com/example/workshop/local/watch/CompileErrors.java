package com.example.workshop.local.watch;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A build that did not compile, told as javac tells it: {@code src/main/java/.../Tag.java:20: error: ';' expected}. */
final class CompileErrors extends RuntimeException {

    /** More would push the first one, usually the cause, off the screen. */
    private static final int SHOWN = 5;

    CompileErrors(String message) {
        super(message, null, false, false);
    }

    static CompileErrors of(List<Diagnostic<? extends JavaFileObject>> errors, Path stageDirectory) {
        String lines = errors.stream().limit(SHOWN).map(error -> line(error, stageDirectory))
                .collect(Collectors.joining("\n"));
        String more = errors.size() > SHOWN ? "\n(and " + (errors.size() - SHOWN) + " more errors)" : "";
        return new CompileErrors(lines + more);
    }

    private static String line(Diagnostic<? extends JavaFileObject> error, Path stageDirectory) {
        String where = error.getSource() == null ? "javac"
                : stageDirectory.relativize(Path.of(error.getSource().toUri())) + ":" + error.getLineNumber();
        return where + ": error: " + error.getMessage(Locale.getDefault()).replace("\n", "\n    ");
    }
}
