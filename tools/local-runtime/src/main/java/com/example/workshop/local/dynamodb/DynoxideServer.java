package com.example.workshop.local.dynamodb;

import com.example.workshop.local.process.ChildProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A dynoxide process serving DynamoDB and DynamoDB Streams on a free loopback port, in memory or backed
 * by a database file (then a restart on the same file finds the same tables and items).
 */
public final class DynoxideServer implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);
    private static final int PORT_ATTEMPTS = 3;

    private final Process process;
    private final URI endpoint;
    private final DynoxideLog log;

    private DynoxideServer(Process process, URI endpoint, DynoxideLog log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** Starts an in-memory server: its data disappears when it stops. */
    public static DynoxideServer startInMemory() {
        return start(DynoxideBinary.locate(), null);
    }

    /**
     * Starts {@code binary}, in memory when {@code dbPath} is null, else keeping its data in that file (created if
     * missing); retries on another port if the one chosen was taken meanwhile.
     */
    public static DynoxideServer start(Path binary, Path dbPath) {
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            try {
                return startOnce(binary, dbPath, freeLoopbackPort());
            } catch (IllegalStateException e) {
                failure = e;
            }
        }
        throw failure;
    }

    /** Starts {@code binary} on {@code port}, which must be free: a restart keeps the endpoint its clients know. */
    static DynoxideServer startOn(Path binary, Path dbPath, int port) {
        return startOnce(binary, dbPath, port);
    }

    private static DynoxideServer startOnce(Path binary, Path dbPath, int port) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "serve", "--host", "127.0.0.1",
                "--port", String.valueOf(port)));
        if (dbPath != null) {
            command.addAll(List.of("--db-path", dbPath.toAbsolutePath().toString()));
        }
        try {
            DynoxideLog log = DynoxideLog.forDatabase(dbPath);
            Process process = ChildProcesses.start(
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.redirect()));
            DynoxideServer server = new DynoxideServer(process, URI.create("http://127.0.0.1:" + port), log);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + binary + ": " + e.getMessage(), e);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the port accepts connections and ListTables answers; fails with dynoxide's output if it exits. */
    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (!accepts(endpoint)) {
            if (!process.isAlive()) {
                throw startFailure("exited with code " + process.exitValue());
            }
            if (Instant.now().isAfter(deadline)) {
                throw startFailure("did not answer within " + STARTUP_TIMEOUT.toSeconds() + "s");
            }
            sleep(Duration.ofMillis(20));
        }
        try (DynamoDbClient client = SdkClients.dynamoDb(endpoint)) {
            client.listTables();
        } catch (SdkException e) {
            throw startFailure("accepts connections but does not answer ListTables: " + e.getMessage());
        }
    }

    private static boolean accepts(URI endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Stops the process (if still alive) and describes why it could not be used, with its output. */
    private IllegalStateException startFailure(String what) {
        String output = log.read();
        close();
        return new IllegalStateException("dynoxide " + what + " (endpoint " + endpoint + ")"
                + (output.isBlank() ? "" : ":\n" + output));
    }

    public URI endpoint() {
        return endpoint;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    int port() {
        return endpoint.getPort();
    }

    /** Completes with the exit status when the process ends, however it ends. */
    CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /** The last line dynoxide printed, if any: after a crash, often what it died of. */
    String lastOutputLine() {
        String output = log.read();
        return output.substring(output.lastIndexOf('\n') + 1);
    }

    /** Stops the process and waits for it, so a database file it used can be reopened at once. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        log.deleteIfTemporary();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for dynoxide", e);
        }
    }
}
