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

    private Benchmarks() {
    }

    public static void main(String[] args) {
        Options options = Options.parse(args);
        Report report = new Report();
        report.setting("options", options.suites());
        report.setting("coldStartRuns", options.runs());
        try (DynoxideServer dynoxide = DynoxideServer.startInMemory()) {
            List<Stage> stages = modules(options).stream()
                    .map(module -> Stage.deploy(module, options.repository(), options.packages(), dynoxide.endpoint()))
                    .toList();
            if (options.runs("size")) {
                new PackageSizeSuite(report).run(stages);
            }
            if (options.runs("cold")) {
                ColdStartSuite coldStarts = new ColdStartSuite(options, report);
                coldStarts.run(stages);
                stages.stream().filter(stage -> stage.module().equals(OPTIONS_STAGE)).findFirst()
                        .ifPresent(stage -> coldStarts.runOptions(stage, OPTIONS_FUNCTION));
            }
        } finally {
            report.write(options.results());
            Chart.coldStarts(report.series(), options.chart());
        }
        System.out.println("results in " + options.results() + ", chart " + options.chart());
    }

    /** Every stage packaged by benchmarks/run. */
    private static List<String> modules(Options options) {
        try (Stream<Path> packages = Files.list(options.packages().resolve(ColdStartSuite.SHIPPED))) {
            return packages.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no packages: run benchmarks/run, which builds them", e);
        }
    }
}
