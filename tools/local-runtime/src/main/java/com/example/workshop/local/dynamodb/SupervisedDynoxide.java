package com.example.workshop.local.dynamodb;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A dynoxide server that is started again whenever it exits without being asked to: on the same database file
 * and the same port, so every endpoint handed out (to the functions, the IAM proxy, the stream mappings) stays
 * valid. Its exit is noticed at once and said in one line with its exit status.
 */
final class SupervisedDynoxide implements EngineStatus, AutoCloseable {

    private static final Logger LOG = System.getLogger(SupervisedDynoxide.class.getName());
    /** A server that ran less than this, twice in a row, is restarted after a pause growing up to the maximum. */
    private static final Duration SHORT_LIFE = Duration.ofSeconds(10);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);
    private static final Duration STOP_GRACE = Duration.ofMillis(200);
    /** What dynoxide prints once started: as its last line, it says nothing of why it exited. */
    private static final String STARTUP_BANNER = "Dynoxide listening on";

    private final Path binary;
    private final Path dbPath;
    private final URI endpoint;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition serving = lock.newCondition();
    private final ExecutorService restarts = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("dynoxide-supervisor").factory());
    private DynoxideServer server;
    private long startedAtNanos;
    private boolean up;
    private long outages;
    private int shortLives;
    private boolean closed;

    private SupervisedDynoxide(Path binary, Path dbPath, DynoxideServer server) {
        this.binary = binary;
        this.dbPath = dbPath;
        this.endpoint = server.endpoint();
    }

    static SupervisedDynoxide start(Path binary, Path dbPath) {
        DynoxideServer first = DynoxideServer.start(binary, dbPath);
        SupervisedDynoxide supervised = new SupervisedDynoxide(binary, dbPath, first);
        supervised.serveWith(first);
        return supervised;
    }

    URI endpoint() {
        return endpoint;
    }

    private void serveWith(DynoxideServer started) {
        lock.lock();
        try {
            if (closed) {
                started.close();
                return;
            }
            server = started;
            startedAtNanos = System.nanoTime();
            up = true;
            serving.signalAll();
        } finally {
            lock.unlock();
        }
        started.onExit().thenAccept(status -> restarts.execute(() -> exited(started, status)));
    }

    private void exited(DynoxideServer gone, int status) {
        Duration pause;
        lock.lock();
        try {
            if (closed || gone != server) {
                return;
            }
            up = false;
            outages++;
            shortLives = System.nanoTime() - startedAtNanos < SHORT_LIFE.toNanos() ? shortLives + 1 : 0;
            pause = shortLives < 2 ? Duration.ZERO : pause(shortLives - 1);
        } finally {
            lock.unlock();
        }
        if (stopping()) {
            gone.close();
            return;
        }
        String said = gone.lastOutputLine();
        gone.close();
        boolean saidWhy = !said.isBlank() && !said.startsWith(STARTUP_BANNER);
        LOG.log(Level.WARNING, "dynoxide exited ({0}){1}; restarting it on {2} at {3}{4}", describe(status),
                saidWhy ? ", saying: " + said : "", dbPath == null ? "an empty in-memory database" : dbPath,
                endpoint, pause.isZero() ? "" : " in " + pause.toMillis() + " ms");
        restartAfter(pause);
    }

    /**
     * Ctrl-C signals every process of the terminal's foreground group, dynoxide too: its exit may then come just
     * before this JVM starts stopping. A moment later that is known, and such an exit is no outage to report.
     */
    private boolean stopping() {
        try {
            Thread.sleep(STOP_GRACE);
        } catch (InterruptedException closing) {
            return true;
        }
        return isClosed() || jvmShuttingDown();
    }

    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shutdownInProgress) {
            return true;
        }
    }

    private void restartAfter(Duration pause) {
        long downSince = System.nanoTime();
        while (!isClosed()) {
            try {
                Thread.sleep(pause);
                serveWith(DynoxideServer.startOn(binary, dbPath, endpoint.getPort()));
                LOG.log(Level.INFO, "dynoxide serves again at {0} ({1} ms after it exited)", endpoint,
                        String.valueOf(Duration.ofNanos(System.nanoTime() - downSince).toMillis()));
                return;
            } catch (IllegalStateException failed) {
                pause = pause(++shortLives);
                LOG.log(Level.WARNING, "dynoxide did not start again ({0}); trying again in {1} ms",
                        failed.getMessage().lines().findFirst().orElse(""), String.valueOf(pause.toMillis()));
            } catch (InterruptedException stopping) {
                return;
            }
        }
    }

    private static Duration pause(int shortLives) {
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(shortLives - 1, 10));
        return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
    }

    /** 137 is {@code exit status 137 (killed by signal 9, SIGKILL)}: the JDK reports a signal as 128 + its number. */
    static String describe(int status) {
        String signal = switch (status - 128) {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 6 -> "SIGABRT";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 15 -> "SIGTERM";
            default -> null;
        };
        return "exit status " + status + (signal == null ? "" : " (killed by signal " + (status - 128) + ", " + signal + ")");
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isUp() {
        lock.lock();
        try {
            return up;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long outages() {
        lock.lock();
        try {
            return outages;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean awaitUp(Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (!up && !closed && left > 0) {
                left = serving.awaitNanos(left);
            }
            return up;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the server for good: its exit is then expected, and nothing restarts it. */
    @Override
    public void close() {
        DynoxideServer last;
        lock.lock();
        try {
            closed = true;
            up = false;
            last = server;
            serving.signalAll();
        } finally {
            lock.unlock();
        }
        restarts.shutdownNow();
        if (last != null) {
            last.close();
        }
    }
}
