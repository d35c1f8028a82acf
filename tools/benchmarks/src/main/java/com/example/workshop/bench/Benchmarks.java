package com.example.workshop.bench;

import com.example.workshop.local.dynamodb.DynoxideServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Runs the benchmarks of docs/performance.md; see benchmarks/run, which builds what they measure first. */
public final class Benchmarks {

    static final String OPTIONS_STAGE = "module-3-counter";
    static final String OPTIONS_FUNCTION = "RecordVisitFunction";
    static final String COUNTER_STAGE = "module-3-counter";
    static final String STREAMS_STAGE = "module-4-streams";

    private Benchmarks() {
    }

    public static void main(String[] args) {
        Options options = Options.parse(args);
        if (options.chartOnly()) {
            List<Report.Series> series = Report.readSeries(options.results());
            Chart.coldStarts(series, options.chart());
            Chart.learnersLoop(series, options.chart().resolveSibling("learners-loop.png"));
            return;
        }
        Report report = new Report();
        report.setting("options", options.suites());
        report.setting("coldStartRuns", options.runs());
        report.fact("loadAverageAtStart", Machine.loadAverage());
        try {
            runColdStartsAndSizes(options, report);
            if (options.runs("warm") || options.runs("throughput")) {
                try (DeployedStage stage = DeployedStage.start(options.repository(), COUNTER_STAGE, false)) {
                    if (options.runs("warm")) {
                        new WarmLatencySuite(options, report).run(stage, COUNTER_STAGE);
                    }
                    if (options.runs("throughput")) {
                        new ThroughputSuite(options, report).run(stage, COUNTER_STAGE);
                    }
                }
            }
            LoopSuite loop = new LoopSuite(options, report);
            if (options.runs("loop")) {
                loop.runStartToFirstPage();
            }
            if (options.runs("check")) {
                loop.runChecks();
            }
            if (options.runs("stream")) {
                StreamSuite streams = new StreamSuite(options, report);
                try (DeployedStage stage = DeployedStage.start(options.repository(), STREAMS_STAGE, true)) {
                    streams.run(stage, STREAMS_STAGE);
                }
                streams.runDynoxideFloor();
            }
            if (options.runs(SaveToServingSuite.SUITE)) {
                new SaveToServingSuite(options, report).run();
            }
        } finally {
            report.fact("loadAverageAtEnd", Machine.loadAverage());
            report.write(options.results());
            Chart.coldStarts(report.series(), options.chart());
            Chart.learnersLoop(report.series(), options.chart().resolveSibling("learners-loop.png"));
        }
        System.out.println("results in " + options.results() + ", chart " + options.chart());
    }

    private static void runColdStartsAndSizes(Options options, Report report) {
        if (!options.runs("cold") && !options.runs("size") && !options.runs("options")) {
            return;
        }
        try (DynoxideServer dynoxide = DynoxideServer.startInMemory()) {
            List<Stage> stages = modules(options).stream()
                    .map(module -> Stage.deploy(module, options.repository(), options.packages(), dynoxide.endpoint()))
                    .toList();
            if (options.runs("size")) {
                new PackageSizeSuite(report).run(stages);
            }
            ColdStartSuite coldStarts = new ColdStartSuite(options, report);
            if (options.runs("cold")) {
                coldStarts.run(stages);
            }
            if (options.runs("options")) {
                stages.stream().filter(stage -> stage.module().equals(OPTIONS_STAGE)).findFirst()
                        .ifPresent(stage -> coldStarts.runOptions(stage, OPTIONS_FUNCTION));
            }

        }
    }

    /** Every stage packaged by benchmarks/run. */
    private static List<String> modules(Options options) {
        try (Stream<Path> packages = Files.list(options.packages().resolve(ColdStartSuite.SHIPPED))) {
            return packages.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("module-"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no packages: run benchmarks/run, which builds them", e);
        }
    }
}
