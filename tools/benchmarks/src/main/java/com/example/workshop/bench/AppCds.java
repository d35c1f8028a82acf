package com.example.workshop.bench;

import com.example.workshop.local.files.FileTrees;
import com.example.workshop.local.lambda.FunctionConfig;
import com.example.workshop.local.lambda.FunctionLog;
import com.example.workshop.local.lambda.FunctionPool;
import com.example.workshop.local.template.FunctionResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An application class-data sharing archive shipped in the package: a copy of the shipped package plus
 * {@code app-cds.jsa}, written by a training run (one cold start under {@code -XX:ArchiveClassesAtExit}).
 */
final class AppCds {

    static final String ARCHIVE = "app-cds.jsa";

    private AppCds() {
    }

    /** @return the archive, inside a copy of the stage's shipped package under {@code root} */
    static Path train(Stage stage, FunctionResource function, Path root) {
        Path taskRoot = root.resolve(stage.module());
        FileTrees.copy(stage.packageOf(ColdStartSuite.SHIPPED), taskRoot);
        Path archive = taskRoot.resolve(ARCHIVE).toAbsolutePath();
        FunctionConfig config = stage.config(function, taskRoot, function.handler(),
                Map.of("JAVA_TOOL_OPTIONS", "-XX:ArchiveClassesAtExit=" + archive));
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        FunctionLog quiet = (name, line) -> lines.add(line);
        try (FunctionPool pool = new FunctionPool(config, 1, quiet, false)) {
            if (!pool.invoke(stage.eventFor(function)).succeeded()) {
                throw new IllegalStateException("AppCDS training run of " + function.logicalId() + " failed:\n"
                        + String.join("\n", lines));
            }
            exitGracefully();
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run wrote no " + archive);
        }
        return archive;
    }

    /** The archive is written when the JVM exits normally: SIGTERM the environment's JVM before the pool kills it. */
    private static void exitGracefully() {
        ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().orElse("").contains("AWSLambda"))
                .forEach(child -> {
                    child.destroy();
                    try {
                        child.onExit().get(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("the training JVM did not exit", e);
                    }
                });
    }
}
