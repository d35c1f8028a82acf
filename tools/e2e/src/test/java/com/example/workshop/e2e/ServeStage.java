package com.example.workshop.e2e;

import com.example.workshop.local.cli.ConsoleLog;
import com.example.workshop.local.deploy.LocalDeployment;
import com.example.workshop.local.deploy.Stage;
import com.example.workshop.local.lambda.FunctionLog;
import com.example.workshop.local.lambda.FunctionPool;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Serves a stage as {@code ./workshop run} does, in a JVM of its own, on a free port and with its data in the
 * file given (never the stage's own target/local), until its standard input closes.
 * Arguments: the stage and the database file.
 */
public final class ServeStage {

    static final String API_LINE_PREFIX = "API: ";

    private ServeStage() {
    }

    public static void main(String[] args) throws IOException {
        ConsoleLog.on(System.out);
        LocalDeployment.Options options = new LocalDeployment.Options(Path.of(args[1]), 0, true,
                FunctionPool.DEFAULT_MAX_ENVIRONMENTS, FunctionLog.printingTo(System.out));
        try (LocalDeployment deployment = LocalDeployment.start(Stage.resolve(RunningStage.REPOSITORY, args[0]), options)) {
            System.out.println(API_LINE_PREFIX + deployment.api().baseUrl());
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
