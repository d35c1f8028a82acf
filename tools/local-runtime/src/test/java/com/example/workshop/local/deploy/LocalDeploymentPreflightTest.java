package com.example.workshop.local.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deployment that cannot succeed fails before it starts anything: the sign is the database file, which
 * dynoxide creates as it starts.
 */
class LocalDeploymentPreflightTest {

    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

    private static LocalDeployment.Options options(Path databaseFile, int apiPort) {
        return new LocalDeployment.Options(databaseFile, apiPort, true, 1, (function, line) -> { });
    }

    @Test
    void aTakenPortStopsTheRunBeforeDynoxideStarts(@TempDir Path data) throws IOException {
        Path database = data.resolve("dynamodb.db");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> LocalDeployment.start(Stage.resolve(REPOSITORY, "4"), options(database, port)));

            assertTrue(refused.getMessage().startsWith("Port " + port + " on 127.0.0.1 is already in use"),
                    refused.getMessage());
        }
        assertFalse(Files.exists(database), "no dynoxide opened the database");
    }

    @Test
    void aSecondRunOnTheSameDataIsRefusedNamingTheFirstOnesPidButAnInvokeIsNot(@TempDir Path data) {
        Path database = data.resolve("dynamodb.db");
        Stage stage = Stage.resolve(REPOSITORY, "1");
        try (LocalDeployment first = LocalDeployment.start(stage, options(database, 0))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> LocalDeployment.start(stage, options(database, 0)).close());

            assertTrue(refused.getMessage().startsWith("module-1-hello is already running locally (pid "
                    + ProcessHandle.current().pid() + ", which holds " + data.resolve(RunLock.FILE_NAME)),
                    refused.getMessage());
            assertDoesNotThrow(() -> first.dynamoDb().client().listTables(), "the first run's dynoxide still answers");
            assertDoesNotThrow(() -> LocalDeployment.startToInvoke(stage, options(database, -1), "MainFunction").close(),
                    "an invoke may share the data of a run, as the guides show");
        }
        LocalDeployment.start(stage, options(database, 0)).close(); // stopped, the first run let go of its data
    }

    @Test
    void aHandlerClassTheBuildLacksStopsTheRunBeforeDynoxideStarts(@TempDir Path folder) throws IOException {
        Path stageFolder = builtStageWithoutClasses(folder.resolve("misnamed-handler"));
        Path database = folder.resolve("dynamodb.db");

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> LocalDeployment.start(Stage.resolve(REPOSITORY, stageFolder.toString()), options(database, 0)));

        assertTrue(refused.getMessage().startsWith("MainFunction: the build has no class for its Handler "
                + "com.example.workshop.MainHandler::handleRequest (no com/example/workshop/MainHandler.class in "),
                refused.getMessage());
        assertFalse(Files.exists(database), "no dynoxide opened the database");
    }

    @Test
    void invokingAFunctionTheTemplateLacksStopsBeforeDynoxideStarts(@TempDir Path data) {
        Path database = data.resolve("dynamodb.db");

        UnknownNameException refused = assertThrows(UnknownNameException.class, () -> LocalDeployment.startToInvoke(
                Stage.resolve(REPOSITORY, "1"), options(database, -1), "NoSuchFunction").close());

        assertTrue(refused.getMessage().endsWith("has no function NoSuchFunction; its functions are [MainFunction]"),
                refused.getMessage());
        assertFalse(Files.exists(database), "no dynoxide opened the database");
    }

    /** Stage 1's template over an up-to-date build that holds no classes, as a mistyped Handler would find it. */
    private static Path builtStageWithoutClasses(Path stage) throws IOException {
        Files.createDirectories(stage.resolve("target/lambda"));
        Files.copy(REPOSITORY.resolve("module-1-hello/template.yaml"), stage.resolve("template.yaml"));
        Files.writeString(stage.resolve("pom.xml"), "<project/>");
        Files.writeString(stage.resolve("target/lambda/.built"), "");
        return stage;
    }
}
