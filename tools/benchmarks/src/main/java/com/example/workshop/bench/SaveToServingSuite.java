package com.example.workshop.bench;

import com.example.workshop.local.files.FileTrees;
import com.example.workshop.local.deploy.LocalDeployment;
import com.example.workshop.local.deploy.Stage;
import com.example.workshop.local.watch.WatchMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Save to serving: a one-line change in a handler (the text of RecordVisitHandler's page), from the file written
 * to the first response with the new text, in watch mode and by a restart ({@code Ctrl-C}, then
 * {@code ./workshop run} again, which rebuilds with Maven). The variants alternate (watch, restart, then restart,
 * watch) on a copy of stage 3 with its tables in a database file, as a learner's run keeps them.
 */
final class SaveToServingSuite {

    static final String SUITE = "watch";
    private static final String MODULE = "module-3-counter";
    private static final String HANDLER = "src/main/java/com/example/workshop/RecordVisitHandler.java";
    private static final String FIRST_LINE = "YOUR VISIT COUNTS.";
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final Options options;
    private final Report report;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Stage stage;
    private LocalDeployment deployment;
    private WatchMode watch;
    private String served = FIRST_LINE;
    private int edits;

    SaveToServingSuite(Options options, Report report) {
        this.options = options;
        this.report = report;
    }

    void run() {
        Path folder = copyOfStage();
        stage = Stage.resolve(options.repository(), folder.toString());
        List<Double> watchMs = new ArrayList<>(), watchCpu = new ArrayList<>();
        List<Double> restartMs = new ArrayList<>(), restartCpu = new ArrayList<>();
        try {
            startRun();
            awaitServed(served);
            for (int i = -options.warmups(); i < options.runs(); i++) {
                boolean watchFirst = Math.floorMod(i, 2) == 0;
                for (boolean watching : watchFirst ? new boolean[]{true, false} : new boolean[]{false, true}) {
                    double[] measured = watching ? measure(this::noRestart) : measure(this::restart);
                    if (i >= 0) {
                        (watching ? watchMs : restartMs).add(measured[0]);
                        (watching ? watchCpu : restartCpu).add(measured[1]);
                    }
                }
            }
        } finally {
            stopRun();
            FileTrees.delete(folder.getParent());
        }
        record(watchMs, watchCpu, restartMs, restartCpu);
    }

    private void record(List<Double> watchMs, List<Double> watchCpu, List<Double> restartMs, List<Double> restartCpu) {
        Stats watchTotal = report.add(SUITE, "RecordVisitHandler line", "watch", "ms", watchMs).stats();
        Stats watchCpuStats = report.add(SUITE, "RecordVisitHandler line", "watch-cpu", "ms", watchCpu).stats();
        Stats restartTotal = report.add(SUITE, "RecordVisitHandler line", "restart", "ms", restartMs).stats();
        Stats restartCpuStats = report.add(SUITE, "RecordVisitHandler line", "restart-cpu", "ms", restartCpu).stats();
        Table table = new Table("Save to serving (" + MODULE + ")",
                ("A one-line change of RecordVisitHandler's page: file written to the first GET /tags/{tag} answering "
                        + "the new text, polled every 20 ms. watch = `./workshop run --watch` (javac in the runtime's JVM, "
                        + "new execution environments); restart = stop, then run again (Maven build, new deployment). "
                        + "%d runs per variant alternating, %d discarded first. CPU = the runtime JVM's plus the new "
                        + "function JVMs' (Maven's own is not counted). ms: median (IQR).").formatted(options.runs(),
                        options.warmups()),
                "variant", "save to serving", "CPU");
        table.row("watch", iqr(watchTotal), iqr(watchCpuStats));
        table.row("restart", iqr(restartTotal), iqr(restartCpuStats));
        report.add(table);
        System.out.println("watch   save to serving " + watchTotal + " | CPU " + watchCpuStats);
        System.out.println("restart save to serving " + restartTotal + " | CPU " + restartCpuStats);
        report.check("save to serving <= 3 s in watch mode (one-line handler change)",
                "%.0f ms median".formatted(watchTotal.median()), watchTotal.median() <= 3000);
    }

    private static String iqr(Stats stats) {
        return "%.0f (%.0f-%.0f)".formatted(stats.median(), stats.p25(), stats.p75());
    }

    /** @return wall ms and CPU ms from the write to the first response with the new text */
    private double[] measure(Runnable afterWrite) {
        String next = "YOUR VISIT COUNTS (edit " + ++edits + ").";
        long cpuBefore = ownCpuNanos();
        Instant written = Instant.now();
        long start = System.nanoTime();
        edit(served, next);
        afterWrite.run();
        awaitServed(next);
        double wallMs = (System.nanoTime() - start) / 1e6;
        double cpuMs = (ownCpuNanos() - cpuBefore) / 1e6 + childCpuNanosSince(written) / 1e6;
        served = next;
        Sleep.millis(2000); // the replaced environments stop; the next run starts from a quiet machine
        return new double[]{wallMs, cpuMs};
    }

    private void noRestart() {
    }

    private void restart() {
        stopRun();
        startRun();
    }

    private void startRun() {
        LocalDeployment.Options runOptions = new LocalDeployment.Options(stage.databaseFile(), 0, true,
                DeployedStage.MAX_ENVIRONMENTS, (function, line) -> { });
        deployment = LocalDeployment.start(stage, runOptions);
        watch = WatchMode.start(deployment);
        deployment.startApiFunctionsAhead();
    }

    private void stopRun() {
        if (watch != null) {
            watch.close();
        }
        if (deployment != null) {
            deployment.close();
        }
    }

    private void awaitServed(String text) {
        URI uri = URI.create(deployment.api().baseUrl() + "tags/bench");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains(text)) {
                    return;
                }
            } catch (IOException e) {
                // not serving yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Sleep.millis(20);
        }
        throw new IllegalStateException("not served within " + PATIENCE + ": " + text);
    }

    private void edit(String from, String to) {
        Path file = stage.directory().resolve(HANDLER);
        try {
            Files.writeString(file, Files.readString(file).replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The function JVMs started since: the environments serving the new code. */
    private static long childCpuNanosSince(Instant since) {
        return ProcessHandle.current().descendants()
                .filter(child -> child.info().startInstant().map(started -> started.isAfter(since)).orElse(false))
                .mapToLong(child -> child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }

    private Path copyOfStage() {
        Path from = options.repository().resolve(MODULE);
        try {
            Path to = Files.createTempDirectory("save-to-serving-").resolve(MODULE);
            FileTrees.copy(from, to, FileTrees.WITHOUT_BUILD);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
