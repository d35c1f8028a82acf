package com.example.workshop.local.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One local run of a stage at a time: two would share its database file (two dynoxides writing one SQLite file)
 * and its stream checkpoints. The lock is {@code run.lock} beside the database, holding the pid of its owner;
 * the operating system releases it when that process ends, even by {@code kill -9}.
 */
final class RunLock implements AutoCloseable {

    static final String FILE_NAME = "run.lock";

    /** Closing any channel of a file drops all of this JVM's locks on it, so a second try here must not open one. */
    private static final Set<Path> HELD_BY_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks the folder of {@code databaseFile} for this process, or says which process has it. */
    static RunLock acquire(Path databaseFile, String stageName) {
        Path file = databaseFile.toAbsolutePath().resolveSibling(FILE_NAME);
        if (!HELD_BY_THIS_JVM.add(file)) {
            throw alreadyRunning(stageName, file, String.valueOf(ProcessHandle.current().pid()));
        }
        try {
            return lock(file, stageName);
        } catch (RuntimeException e) {
            HELD_BY_THIS_JVM.remove(file);
            throw e;
        }
    }

    private static RunLock lock(Path file, String stageName) {
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw alreadyRunning(stageName, file, ownerPid(file));
            }
            channel.truncate(0).write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)), 0);
            return new RunLock(file, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static String ownerPid(Path file) throws IOException {
        String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
        return pid.isEmpty() ? "unknown" : pid;
    }

    private static IllegalStateException alreadyRunning(String stageName, Path file, String pid) {
        return new IllegalStateException(stageName + " is already running locally (pid " + pid + ", which holds "
                + file + "): stop that run first (Ctrl-C in its terminal, or kill " + pid
                + "); two runs of a stage would share its database file.");
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            channel.truncate(0);
            lock.release();
        } finally {
            HELD_BY_THIS_JVM.remove(file);
        }
    }
}
