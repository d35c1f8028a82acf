package com.example.workshop.local.process;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run's record of the children it started, {@code <folder>/<pid>.pids}: a line {@code <pid> <start-millis>} for
 * the run itself, then one per child. The start time tells a process from a later one that got the same id, so
 * nothing but the run's own children is ever ended, and only once the run itself is gone.
 */
record PidFile(Path file) {

    private static final String SUFFIX = ".pids";
    private static final long UNKNOWN_START = -1;
    private static final Logger LOG = System.getLogger(PidFile.class.getName());

    static PidFile forThisProcess(Path folder) throws IOException {
        Files.createDirectories(folder);
        ProcessHandle self = ProcessHandle.current();
        PidFile record = new PidFile(folder.resolve(self.pid() + SUFFIX));
        Files.writeString(record.file, self.pid() + " " + startMillis(self) + "\n", StandardCharsets.UTF_8);
        return record;
    }

    /** Children whose start time the platform does not tell are not recorded: they could not be told apart later. */
    void add(ProcessHandle child) {
        long start = startMillis(child);
        if (start == UNKNOWN_START) {
            return;
        }
        try {
            Files.writeString(file, child.pid() + " " + start + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot record child process " + child.pid() + " in " + file + ": " + e.getMessage());
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the next run deletes a record whose run and children are gone
        }
    }

    /** Ends the children recorded by runs that are no longer running, and deletes their records. */
    static void endLeftovers(Path folder, Duration grace) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> records = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path record : records) {
                List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);
                boolean runGone = !lines.isEmpty() && isValid(lines.getFirst()) && running(lines.getFirst()).isEmpty();
                if (runGone) {
                    lines.stream().skip(1).map(PidFile::running).flatMap(Optional::stream).forEach(child -> end(child, grace));
                    Files.deleteIfExists(record);
                }
            }
        }
    }

    private static boolean isValid(String line) {
        return line.matches("\\d+ -?\\d+");
    }

    /** The process a line names, if it still runs (same id and, where known, same start time). */
    private static Optional<ProcessHandle> running(String line) {
        if (!isValid(line)) {
            return Optional.empty();
        }
        String[] fields = line.split(" ");
        long start = Long.parseLong(fields[1]);
        return ProcessHandle.of(Long.parseLong(fields[0]))
                .filter(process -> start == UNKNOWN_START || startMillis(process) == start);
    }

    private static void end(ProcessHandle process, Duration grace) {
        try {
            process.destroy();
            if (!exits(process, grace)) {
                process.destroyForcibly();
                exits(process, grace);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static boolean exits(ProcessHandle process, Duration within) throws InterruptedException {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(UNKNOWN_START);
    }
}
