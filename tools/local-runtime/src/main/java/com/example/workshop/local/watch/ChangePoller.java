package com.example.workshop.local.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Looks at the stage's files every {@link #INTERVAL} and hands on a {@link Change} once a burst of saves is over
 * (an editor writes a file several times, a refactoring several files): when a look finds nothing new since the
 * previous one.
 *
 * <p>It polls instead of using a {@link java.nio.file.WatchService}: the JDK's WatchService on macOS is itself a
 * poller that looks every 2 to 10 seconds, too slow for a save-and-reload loop, and a stage has a few dozen files,
 * whose times cost nothing to read. Polling behaves the same on Linux, macOS and Windows, and sees new folders
 * without registering them.
 */
final class ChangePoller implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(200);

    private final Path stageDirectory;
    private final Consumer<Change> onChange;
    private final Runnable first;
    private final Thread thread;
    private volatile boolean closed;

    private ChangePoller(Path stageDirectory, Runnable first, Consumer<Change> onChange) {
        this.stageDirectory = stageDirectory;
        this.first = first;
        this.onChange = onChange;
        // a platform thread: the reload it runs starts processes and compiles, blocking work
        this.thread = Thread.ofPlatform().daemon().name("watch-" + stageDirectory.getFileName()).unstarted(this::poll);
    }

    /**
     * @param first    runs on the poller's thread once it has seen the files, before it looks again
     * @param onChange runs on the poller's thread: changes saved meanwhile are handed on after it returns
     */
    static ChangePoller start(Path stageDirectory, Runnable first, Consumer<Change> onChange) {
        ChangePoller poller = new ChangePoller(stageDirectory, first, onChange);
        poller.thread.start();
        return poller;
    }

    private void poll() {
        Map<Path, StageFiles.State> seen = StageFiles.snapshot(stageDirectory);
        Set<Path> pending = new HashSet<>();
        first.run();
        while (!closed) {
            try {
                Thread.sleep(INTERVAL);
            } catch (InterruptedException e) {
                return;
            }
            Map<Path, StageFiles.State> now = StageFiles.snapshot(stageDirectory);
            Set<Path> changed = StageFiles.changed(seen, now);
            seen = now;
            if (!changed.isEmpty()) {
                pending.addAll(changed);
            } else if (!pending.isEmpty() && !closed) {
                onChange.accept(new Change(stageDirectory, pending));
                pending = new HashSet<>();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
