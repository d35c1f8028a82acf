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
 * Starts child processes that cannot outlive this JVM. On Linux, through util-linux {@code setpriv --pdeathsig KILL},
 * so the kernel kills the child when the JVM dies, even of a {@code kill -9} that leaves it no time to stop its
 * children. Elsewhere (macOS, no setpriv, WORKSHOP_PORTABLE=1) a shutdown hook ends them as the JVM exits, and
 * {@link #recordIn} keeps their ids so that the next run ends those a {@code kill -9} left behind.
 */
public final class ChildProcesses {

    private static final Optional<Path> SETPRIV = PortableMode.on() ? Optional.empty()
            : Executables.onPath(System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "setpriv");

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
            return STARTER.submit(() -> {
                Process process = builder.start();
                if (SETPRIV.isEmpty()) {
                    UnguardedChildren.track(process);
                }
                return process;
            }).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + builder.command(), e);
        }
    }

    /**
     * Ends the children that earlier runs recorded in {@code folder} and could not stop themselves (they were
     * killed), then records this run's children there. Children of runs still going are left alone.
     */
    public static void recordIn(Path folder) {
        try {
            STARTER.submit(() -> UnguardedChildren.recordIn(folder)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot end the processes recorded in " + folder, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> diesWithParent(Path setpriv, List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of(setpriv.toString(), "--pdeathsig", "KILL", "--"));
        wrapped.addAll(command);
        return wrapped;
    }
}
