package com.example.workshop.local.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts child processes that cannot outlive this JVM: on Linux, through util-linux
 * {@code setpriv --pdeathsig KILL}, so the kernel kills the child when the JVM dies, even of a {@code kill -9}
 * that leaves it no time to stop its children. Where {@code setpriv} is missing, the child is started as it is.
 */
public final class ChildProcesses {

    private static final Optional<Path> SETPRIV =
            Executables.onPath(System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "setpriv");

    /**
     * The kernel signals the child when the thread that started it ends, not the process: children are started
     * from this one thread, which lives as long as the JVM.
     */
    private static final ExecutorService STARTER = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("child-process-starter").factory());

    private ChildProcesses() {
    }

    /** Starts {@code builder}'s command (with its directory, environment and redirects) as a child that dies with this JVM. */
    public static Process start(ProcessBuilder builder) throws IOException {
        SETPRIV.ifPresent(setpriv -> builder.command(diesWithParent(setpriv, builder.command())));
        try {
            return STARTER.submit(builder::start).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + builder.command(), e);
        }
    }

    private static List<String> diesWithParent(Path setpriv, List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of(setpriv.toString(), "--pdeathsig", "KILL", "--"));
        wrapped.addAll(command);
        return wrapped;
    }
}
