package com.example.workshop.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Children no kernel mechanism ties to this JVM. A shutdown hook stops them as the JVM exits (Ctrl-C, SIGTERM, the
 * end of main); and once a run has named its folder, each is recorded in a {@link PidFile} there, for the next run
 * to end if this JVM is killed outright. Called from the child-process starter thread only.
 */
final class UnguardedChildren {

    static final Duration GRACE = Duration.ofSeconds(5);

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final List<PidFile> RECORDS = new ArrayList<>();

    private static boolean hookInstalled;
    private static Path folder;
    private static PidFile record;

    private UnguardedChildren() {
    }

    static void track(Process process) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(UnguardedChildren::stopAll, "stop-child-processes"));
            hookInstalled = true;
        }
        LIVE.add(process);
        process.onExit().thenRun(() -> LIVE.remove(process));
        if (folder != null) {
            record().add(process.toHandle());
        }
    }

    static Void recordIn(Path runFolder) {
        try {
            PidFile.endLeftovers(runFolder, GRACE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!runFolder.equals(folder)) {
            folder = runFolder;
            record = null;
            LIVE.forEach(process -> record().add(process.toHandle()));
        }
        return null;
    }

    private static PidFile record() {
        if (record == null) {
            try {
                record = PidFile.forThisProcess(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record child processes in " + folder, e);
            }
            RECORDS.add(record);
        }
        return record;
    }

    /** Asks each child to stop (dynoxide then closes its database file), and kills those still there after a grace period. */
    private static void stopAll() {
        LIVE.forEach(Process::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (Process process : LIVE) {
            try {
                if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
        RECORDS.forEach(PidFile::delete);
    }
}
