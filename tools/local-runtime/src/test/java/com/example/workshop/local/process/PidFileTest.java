package com.example.workshop.local.process;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a run killed outright (kill -9, no shutdown hook) left behind is ended by the next run, and nothing else. */
class PidFileTest {

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void endProcesses() {
        started.forEach(Process::destroyForcibly);
    }

    private Process sleeper() throws Exception {
        Process process = new ProcessBuilder("sleep", "300").start();
        started.add(process);
        return process;
    }

    private static String line(Process process) {
        Instant start = process.info().startInstant().orElseThrow();
        return process.pid() + " " + start.toEpochMilli() + "\n";
    }

    @Test
    void theNextRunEndsTheChildrenOfARunThatIsGone(@TempDir Path folder) throws Exception {
        Process killedRun = sleeper();
        Process itsChild = sleeper();
        Path record = folder.resolve(killedRun.pid() + ".pids");
        Files.writeString(record, line(killedRun) + line(itsChild));
        killedRun.destroyForcibly().waitFor();

        PidFile.endLeftovers(folder, Duration.ofSeconds(5));

        assertTrue(itsChild.waitFor(5, TimeUnit.SECONDS), "the leftover child was ended");
        assertFalse(Files.exists(record));
    }

    @Test
    void theChildrenOfARunStillGoingAreLeftAlone(@TempDir Path folder) throws Exception {
        Process liveRun = sleeper();
        Process itsChild = sleeper();
        Path record = folder.resolve(liveRun.pid() + ".pids");
        Files.writeString(record, line(liveRun) + line(itsChild));

        PidFile.endLeftovers(folder, Duration.ofSeconds(5));

        assertTrue(itsChild.isAlive());
        assertTrue(Files.exists(record));
    }

    @Test
    void aProcessThatGotARecordedIdLaterIsLeftAlone(@TempDir Path folder) throws Exception {
        Process killedRun = sleeper();
        Process stranger = sleeper();
        long otherStart = stranger.info().startInstant().orElseThrow().toEpochMilli() - 60_000;
        Files.writeString(folder.resolve(killedRun.pid() + ".pids"), line(killedRun) + stranger.pid() + " " + otherStart + "\n");
        killedRun.destroyForcibly().waitFor();

        PidFile.endLeftovers(folder, Duration.ofSeconds(5));

        assertTrue(stranger.isAlive(), "same id, another start time: not the recorded child");
    }
}
