package com.example.workshop.bench;

import com.example.workshop.local.files.FileTrees;
import com.example.workshop.local.lambda.FunctionConfig;
import com.example.workshop.local.template.FunctionResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark 1: cold start per handler, shipped vs naive, then the start-up options tried on one function.
 * Variants run alternately (A B, then B A) so drift on the machine hits them alike.
 */
final class ColdStartSuite {

    static final String SUITE = "cold-start";
    static final String OPTIONS_SUITE = "cold-start-options";
    static final String CPU = "-cpu";
    static final String SHIPPED = "shipped";
    static final String NAIVE = "naive";
    static final String ARCHIVE_SUITE = "cold-start-archive";
    /** The shipped package started with the local runtime's class-data archive, trained beforehand. */
    static final String ARCHIVE = "archive";
    /** The shipped package, in a folder of its own whose archive is deleted before each run: the training start. */
    static final String TRAINING = "archive-training";

    /** How a function is started for one series: which package, which handler, which extra variables. */
    record Variant(String name, Path taskRoot, String handler, Map<String, String> environment, boolean archive) {
        Variant(String name, Path taskRoot, String handler, Map<String, String> environment) {
            this(name, taskRoot, handler, environment, false);
        }
    }

    private final Options options;
    private final Report report;
    private boolean warmedUp;

    ColdStartSuite(Options options, Report report) {
        this.options = options;
        this.report = report;
    }

    void run(List<Stage> stages) {
        Table archiveTable = new Table("First visit with the local runtime's class-data archive",
                ("The same alternation as the table above: shipped is a plain cold start (as on Lambda); archive "
                        + "starts the JVM with the class-data archive the local runtime trained on an earlier run "
                        + "(-XX:SharedArchiveFile, dynamic AppCDS); archive-training is the very first start, the one "
                        + "that trains it (-XX:ArchiveClassesAtExit; the archive is written as the JVM exits, after the "
                        + "measurement). Milliseconds: median (IQR) [min-max]; CPU median (IQR)."),
                "stage", "function", "shipped total", "shipped CPU", "archive total", "archive CPU",
                "archive / shipped (total)", "archive / shipped (CPU)", "training total", "training CPU");
        Table table = new Table("Cold start per handler: shipped vs naive",
                ("A fresh JVM per run, through the local runtime's bootstrap (runtime interface client + Runtime API), "
                        + "from process start to the first successful response against dynoxide; %d runs per variant, "
                        + "alternating (%d discarded runs before the first function). Milliseconds: median (IQR) [min-max]. Init = REPORT Init "
                        + "Duration, first = REPORT Duration of the first invocation; CPU = user + system time of the "
                        + "function's JVM up to the response, median (IQR).")
                        .formatted(options.runs(), options.warmups()),
                "stage", "function", "shipped total", "shipped init + first", "shipped CPU", "naive total", "naive init + first",
                "naive CPU", "shipped / naive (total)", "shipped / naive (CPU)");
        for (Stage stage : stages) {
            for (FunctionResource function : stage.functions()) {
                List<Variant> variants = new ArrayList<>(List.of(shipped(stage, function)));
                if (stage.hasPackage(NAIVE)) {
                    variants.add(naive(stage, function));
                }
                variants.addAll(archived(stage, function));
                Map<String, Measured> measured = alternate(SUITE, stage, function, variants);
                addArchiveRow(archiveTable, stage, function, measured);
                Measured s = measured.get(SHIPPED);
                Measured n = measured.get(NAIVE);
                table.row(stage.module(), function.logicalId(), s.total(), s.split(), s.cpu(),
                        n == null ? "-" : n.total(), n == null ? "-" : n.split(), n == null ? "-" : n.cpu(),
                        n == null ? "-" : Table.format(s.series.stats().median() / n.series.stats().median()),
                        n == null ? "-" : Table.format(s.cpuSeries.stats().median() / n.cpuSeries.stats().median()));
                if (n != null) {
                    double ratio = s.series.stats().median() / n.series.stats().median();
                    double cpuRatio = s.cpuSeries.stats().median() / n.cpuSeries.stats().median();
                    report.check("cold start of %s/%s <= half of naive".formatted(stage.module(), function.logicalId()),
                            "%.0f ms vs %.0f ms (%.2fx); CPU %.0f ms vs %.0f ms (%.2fx)".formatted(
                                    s.series.stats().median(), n.series.stats().median(), ratio,
                                    s.cpuSeries.stats().median(), n.cpuSeries.stats().median(), cpuRatio),
                            ratio <= 0.5);
                }
            }
        }
        report.add(table);
        report.add(archiveTable);
    }

    private void addArchiveRow(Table table, Stage stage, FunctionResource function, Map<String, Measured> measured) {
        Measured s = measured.get(SHIPPED);
        Measured a = measured.get(ARCHIVE);
        Measured t = measured.get(TRAINING);
        double ratio = a.series.stats().median() / s.series.stats().median();
        double cpuRatio = a.cpuSeries.stats().median() / s.cpuSeries.stats().median();
        table.row(stage.module(), function.logicalId(), s.total(), s.cpu(), a.total(), a.cpu(), Table.format(ratio),
                Table.format(cpuRatio), t.total(), t.cpu());
        report.check("first visit of %s/%s with the class-data archive <= 0.7x without".formatted(stage.module(),
                        function.logicalId()),
                "%.0f ms vs %.0f ms (%.2fx); CPU %.2fx".formatted(a.series.stats().median(), s.series.stats().median(),
                        ratio, cpuRatio),
                ratio <= 0.7);
    }

    /** The archive variants; the archive one is trained first, by a start that is not measured. */
    private List<Variant> archived(Stage stage, FunctionResource function) {
        Variant archive = new Variant(ARCHIVE, stage.packageOf(SHIPPED), function.handler(), Map.of(), true);
        ColdStart.measure(stage.config(function, archive.taskRoot(), archive.handler(), Map.of()),
                stage.eventFor(function), Stage.isStreamHandler(function), true);
        Path copy = options.packages().resolve(TRAINING).resolve(stage.module());
        if (!Files.isDirectory(copy)) {
            FileTrees.copy(stage.packageOf(SHIPPED), copy);
        }
        return List.of(archive, new Variant(TRAINING, copy, function.handler(), Map.of(), true));
    }

    /** Where the local runtime keeps a task root's archives (ClassDataArchive.directoryFor). */
    private static void deleteArchives(Path taskRoot) {
        Path archives = taskRoot.toAbsolutePath().normalize().resolveSibling("local").resolve("class-data");
        if (Files.isDirectory(archives)) {
            try (Stream<Path> files = Files.list(archives)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The start-up options tried on one function, each against the shipped package in the same alternation. */
    void runOptions(Stage stage, String functionId) {
        FunctionResource function = stage.template().function(functionId);
        List<Variant> variants = new ArrayList<>(List.of(shipped(stage, function), naive(stage, function)));
        if (stage.hasPackage("crt")) {
            variants.add(new Variant("crt-client", stage.packageOf("crt"), "com.example.workshop.baseline.CrtApiHandler",
                    Map.of("BASELINE_DELEGATE", function.handlerClassName())));
        }
        Path archive = AppCds.train(stage, function, options.packages().resolve("appcds"));
        variants.add(new Variant("appcds", archive.getParent(), function.handler(),
                Map.of("JAVA_TOOL_OPTIONS", "-XX:SharedArchiveFile=" + archive)));
        variants.add(new Variant("no-cds", stage.packageOf(SHIPPED), function.handler(),
                Map.of("JAVA_TOOL_OPTIONS", "-Xshare:off")));
        Map<String, Measured> measured = alternate(OPTIONS_SUITE, stage, function, variants);
        double shippedMedian = measured.get(SHIPPED).series.stats().median();
        Table table = new Table("Start-up options on %s/%s".formatted(stage.module(), functionId),
                "Same method as above, every option in the same alternation. JAVA_TOOL_OPTIONS is read before the "
                        + "runtime's own flags (-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto), so a flag the "
                        + "runtime also sets cannot be undone by it: adding -XX:TieredStopAtLevel=1 or -XX:+UseSerialGC changes "
                        + "nothing, and another collector stops the JVM (\"Multiple garbage collectors selected\"). "
                        + "For the same reason no-cds (-Xshare:off) is overridden by -Xshare:auto: it is the shipped "
                        + "package again, an A/A control showing the method's noise.",
                "variant", "total", "init + first", "CPU", "vs shipped (total)", "vs shipped (CPU)");
        double shippedCpu = measured.get(SHIPPED).cpuSeries.stats().median();
        measured.forEach((name, m) -> table.row(name, m.total(), m.split(), m.cpu(),
                Table.format(m.series.stats().median() / shippedMedian),
                Table.format(m.cpuSeries.stats().median() / shippedCpu)));
        report.add(table);
    }

    private static Variant shipped(Stage stage, FunctionResource function) {
        return new Variant(SHIPPED, stage.packageOf(SHIPPED), function.handler(), Map.of());
    }

    private static Variant naive(Stage stage, FunctionResource function) {
        String handler = Stage.isStreamHandler(function)
                ? "com.example.workshop.baseline.NaiveStreamHandler"
                : "com.example.workshop.baseline.NaiveApiHandler";
        return new Variant(NAIVE, stage.packageOf(NAIVE), handler,
                Map.of("BASELINE_DELEGATE", function.handlerClassName()));
    }

    /** A variant's cold starts: the series of totals plus the split into init and first invocation. */
    record Measured(Report.Series series, Stats init, Stats first, Report.Series cpuSeries) {
        String total() {
            Stats s = series.stats();
            return "%s (%s-%s) [%s-%s]".formatted(Table.format(s.median()), Table.format(s.p25()), Table.format(s.p75()),
                    Table.format(s.min()), Table.format(s.max()));
        }

        String cpu() {
            Stats s = cpuSeries.stats();
            return "%s (%s-%s)".formatted(Table.format(s.median()), Table.format(s.p25()), Table.format(s.p75()));
        }

        String split() {
            return Table.format(init.median()) + " + " + Table.format(first.median());
        }
    }

    private Map<String, Measured> alternate(String suite, Stage stage, FunctionResource function, List<Variant> variants) {
        Map<String, List<ColdStart>> samples = new LinkedHashMap<>();
        variants.forEach(v -> samples.put(v.name(), new ArrayList<>()));
        String event = stage.eventFor(function);
        boolean stream = Stage.isStreamHandler(function);
        // Discarded runs fill the page cache with the JDK and the packages; once per package is enough.
        int warmups = warmedUp && suite.equals(SUITE) ? 0 : options.warmups();
        warmedUp = true;
        for (int run = 0; run < warmups + options.runs(); run++) {
            List<Variant> order = new ArrayList<>(variants);
            if (run % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (Variant variant : order) {
                FunctionConfig config = stage.config(function, variant.taskRoot(), variant.handler(), variant.environment());
                if (variant.name().equals(TRAINING)) {
                    deleteArchives(variant.taskRoot());
                }
                ColdStart coldStart = ColdStart.measure(config, event, stream, variant.archive());
                if (run >= warmups) {
                    samples.get(variant.name()).add(coldStart);
                }
            }
        }
        Map<String, Measured> measured = new LinkedHashMap<>();
        samples.forEach((variant, starts) -> {
            String subject = stage.module() + "/" + function.logicalId();
            String seriesSuite = variant.startsWith(ARCHIVE) ? ARCHIVE_SUITE : suite;
            Report.Series series = report.add(seriesSuite, subject, variant, "ms",
                    starts.stream().map(ColdStart::totalMs).toList());
            Report.Series cpu = report.add(seriesSuite + CPU, subject, variant, "ms",
                    starts.stream().map(ColdStart::cpuMs).toList());
            Measured m = new Measured(series, Stats.of(starts.stream().map(ColdStart::initMs).toList()),
                    Stats.of(starts.stream().map(ColdStart::durationMs).toList()), cpu);
            System.out.printf("cold start %-40s %-10s %s; CPU median %.0f%n", subject, variant, series.stats(),
                    cpu.stats().median());
            measured.put(variant, m);
        });
        return measured;
    }
}
