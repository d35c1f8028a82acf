package com.example.workshop.bench;

import com.example.workshop.local.files.FileTrees;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The learner's loop, through the real command line: {@code ./workshop run} from the command to the first 200 of
 * {@code GET /Prod/} (with nothing changed since the last run, and after a one-line change in a handler, which
 * rebuilds the stage through Maven), and {@code ./workshop check N} per stage, start to exit. Each stage runs from a
 * scratch copy, so the working tree is untouched. CPU = user + system time of the command and everything it
 * started (dynoxide, the function JVMs, Maven), read from /proc.
 */
final class LoopSuite {

    static final String START_SUITE = "start-to-first-page";
    static final String CHECK_SUITE = "check";
    static final String CPU = "-cpu";
    static final String UNCHANGED = "unchanged";
    static final String CHANGED = "one-line change";
    private static final String RUN_STAGE = "module-4-streams";
    private static final String CHANGED_HANDLER = "src/main/java/com/example/workshop/MainHandler.java";
    private static final long TICK_MS = 10; // /proc's clock ticks are 1/100 s on Linux

    private final Options options;
    private final Report report;
    private final Path work;
    private int edits;

    LoopSuite(Options options, Report report) {
        this.options = options;
        this.report = report;
        this.work = options.packages().resolveSibling("loop");
    }

    void runStartToFirstPage() {
        Path stage = scratchCopy(RUN_STAGE);
        measureRun(stage); // builds the copy and trains its class-data archives: not measured
        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        samples.put(UNCHANGED, new ArrayList<>());
        samples.put(CHANGED, new ArrayList<>());
        for (int run = 0; run < options.runs(); run++) {
            List<String> order = new ArrayList<>(samples.keySet());
            if (run % 2 == 1) {
                Collections.reverse(order);
            }
            for (String variant : order) {
                if (variant.equals(CHANGED)) {
                    editOneLine(stage.resolve(CHANGED_HANDLER));
                }
                samples.get(variant).add(measureRun(stage));
            }
        }
        Table table = new Table("Start to first page: ./workshop run 4",
                ("From the command to the first 200 of GET /Prod/ (polled every 10 ms), module-4-streams from a scratch "
                        + "copy; %d runs per variant, alternating, after one discarded run. unchanged = nothing changed "
                        + "since the last run; one-line change = a comment line added to MainHandler.java before the "
                        + "run (Maven rebuilds the stage, the function's class-data archive is trained again). "
                        + "Milliseconds: median (IQR) [min-max]; CPU = user + system of the command and all it started.")
                        .formatted(options.runs()),
                "variant", "wall", "CPU");
        samples.forEach((variant, runs) -> {
            Report.Series wall = report.add(START_SUITE, "module-4-streams", variant, "ms", column(runs, 0));
            Report.Series cpu = report.add(START_SUITE + CPU, "module-4-streams", variant, "ms", column(runs, 1));
            table.row(variant, spread(wall.stats()), spread(cpu.stats()));
            System.out.printf("start to first page %-16s %s; CPU median %.0f%n", variant, wall.stats(),
                    cpu.stats().median());
        });
        report.add(table);
    }

    void runChecks() {
        List<String> stages = modules();
        Map<String, Path> copies = new LinkedHashMap<>();
        stages.forEach(module -> copies.put(module, scratchCopy(module)));
        copies.forEach((module, copy) -> measureCheck(module, copy)); // builds each copy: not measured
        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        stages.forEach(module -> samples.put(module, new ArrayList<>()));
        for (int run = 0; run < options.runs(); run++) {
            List<String> order = new ArrayList<>(stages);
            if (run % 2 == 1) {
                Collections.reverse(order);
            }
            order.forEach(module -> samples.get(module).add(measureCheck(module, copies.get(module))));
        }
        Table table = new Table("./workshop check N per stage",
                ("The command from start to exit on a built copy of the stage (nothing changed since the last check): "
                        + "deploy on a free port with empty tables, then the stage's checks; %d runs per stage, "
                        + "alternating, after one discarded run. Milliseconds: median (IQR) [min-max]; CPU = user + "
                        + "system of the command and all it started.").formatted(options.runs()),
                "stage", "wall", "CPU");
        samples.forEach((module, runs) -> {
            Report.Series wall = report.add(CHECK_SUITE, module, "check", "ms", column(runs, 0));
            Report.Series cpu = report.add(CHECK_SUITE + CPU, module, "check", "ms", column(runs, 1));
            table.row(module, spread(wall.stats()), spread(cpu.stats()));
            System.out.printf("check %-18s %s; CPU median %.0f%n", module, wall.stats(), cpu.stats().median());
        });
        report.add(table);
    }

    /** {wall ms, CPU ms} of one {@code ./workshop run} until its first page, then stopped as Ctrl-C stops it. */
    private double[] measureRun(Path stage) {
        int port = freePort();
        long start = System.nanoTime();
        Process run = workshop("run", stage.toString(), "--port", Integer.toString(port));
        List<String> output = drain(run);
        try {
            while (!answers200(port)) {
                if (!run.isAlive()) {
                    throw new IllegalStateException("./workshop run exited with " + run.exitValue() + ":\n"
                            + String.join("\n", output));
                }
                Sleep.millis(10);
            }
            double wallMs = (System.nanoTime() - start) / 1e6;
            double cpuMs = treeCpuMs(run.toHandle());
            return new double[]{wallMs, cpuMs};
        } finally {
            stop(run);
        }
    }

    /** {wall ms, CPU ms} of one {@code ./workshop check N folder}, which must pass. */
    private double[] measureCheck(String module, Path copy) {
        String number = module.substring("module-".length(), module.indexOf('-', "module-".length()));
        long childrenCpuBefore = reapedChildrenCpuMs();
        long start = System.nanoTime();
        Process check = workshop("check", number, copy.toString());
        List<String> output = drain(check);
        int status = waitFor(check);
        double wallMs = (System.nanoTime() - start) / 1e6;
        if (status != 0) {
            throw new IllegalStateException("./workshop check " + number + " failed:\n" + String.join("\n", output));
        }
        return new double[]{wallMs, reapedChildrenCpuMs() - childrenCpuBefore};
    }

    private Process workshop(String... arguments) {
        List<String> command = new ArrayList<>(List.of(options.repository().resolve("workshop").toString()));
        command.addAll(List.of(arguments));
        try {
            return new ProcessBuilder(command).directory(options.repository().toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the output (for a failure's message) on a platform thread: a blocking pipe read must not pin a carrier. */
    private static List<String> drain(Process process) {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader reader = process.inputReader()) {
                reader.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException closed) {
                // the process is gone
            }
        });
        return lines;
    }

    private static boolean answers200(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/Prod/")
                    .toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(120_000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    /** SIGTERM, as Ctrl-C: the run stops what it started and keeps the archives its first environments trained. */
    private static void stop(Process run) {
        run.destroy();
        try {
            run.onExit().get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            run.destroyForcibly();
        }
    }

    private static int waitFor(Process process) {
        try {
            return process.onExit().get(10, TimeUnit.MINUTES).exitValue();
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the command did not finish", e);
        }
    }

    /** The process's own CPU, what its exited children used, and the CPU of every descendant still running. */
    private static double treeCpuMs(ProcessHandle root) {
        long ticks = procTicks(root.pid(), true);
        for (ProcessHandle descendant : root.descendants().toList()) {
            ticks += procTicks(descendant.pid(), false);
        }
        return ticks * TICK_MS;
    }

    /** What this JVM's exited, waited-for children (and theirs) used: fields cutime + cstime of /proc/self/stat. */
    private static long reapedChildrenCpuMs() {
        long[] fields = statFields(ProcessHandle.current().pid());
        return (fields[15] + fields[16]) * TICK_MS;
    }

    private static long procTicks(long pid, boolean withChildren) {
        long[] fields = statFields(pid);
        return fields[13] + fields[14] + (withChildren ? fields[15] + fields[16] : 0);
    }

    /** /proc/PID/stat as numbers, 0-based by field number - 1 (the command name, which may hold spaces, is skipped). */
    private static long[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long[] fields = new long[rest.length + 2];
            for (int i = 0; i < rest.length; i++) {
                fields[i + 2] = rest[i].matches("-?\\d{1,18}") ? Long.parseLong(rest[i]) : 0;
            }
            return fields;
        } catch (IOException gone) {
            return new long[52];
        }
    }

    /** A scratch copy of a stage folder, without its build output, under the benchmarks' work folder. */
    private Path scratchCopy(String module) {
        Path from = options.repository().resolve(module);
        Path to = work.resolve(module);
        if (Files.isDirectory(to)) {
            return to; // kept between runs, built and trained: the "nothing changed" state
        }
        FileTrees.copy(from, to, FileTrees.WITHOUT_BUILD);
        return to;
    }

    private void editOneLine(Path source) {
        try {
            Files.writeString(source, Files.readString(source) + "// benchmark edit " + ++edits + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> modules() {
        try (Stream<Path> children = Files.list(options.repository())) {
            return children.map(path -> path.getFileName().toString()).filter(name -> name.matches("module-\\d+-.+"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Double> column(List<double[]> runs, int index) {
        return runs.stream().map(values -> values[index]).toList();
    }

    private static String spread(Stats s) {
        return "%s (%s-%s) [%s-%s]".formatted(Table.format(s.median()), Table.format(s.p25()), Table.format(s.p75()),
                Table.format(s.min()), Table.format(s.max()));
    }
}
