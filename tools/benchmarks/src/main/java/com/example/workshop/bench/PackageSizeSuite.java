package com.example.workshop.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Benchmark 2: the size of each stage's deployment package (what `sam build` produces: classes at the root,
 * runtime dependencies in lib/), unzipped and zipped as `sam deploy` uploads it, against the naive dependency set.
 */
final class PackageSizeSuite {

    /** Jars the stages ship but never load: the SDK's default Apache 5 client, since they pick URLConnection. */
    static final List<String> UNUSED_CLIENT_JARS = List.of("apache5-client-", "httpclient5-", "httpcore5-");

    private final Report report;

    PackageSizeSuite(Report report) {
        this.report = report;
    }

    void run(List<Stage> stages) {
        Table table = new Table("Deployment package size",
                "Classes + lib/ from `mvn dependency:copy-dependencies -DincludeScope=runtime`, as `sam build` lays them "
                        + "out; zipped with java.util.zip at the default level. KiB. \"without Apache 5\" is the shipped "
                        + "package minus any apache5-client, httpclient5 and httpcore5 jars (the SDK's default client, "
                        + "which the stages never load; equal to shipped once they exclude it).",
                "stage", "shipped unzipped", "shipped zipped", "without Apache 5 (zipped)", "naive unzipped",
                "naive zipped", "shipped / naive (zipped)", "jars shipped / naive");
        for (Stage stage : stages) {
            Size shipped = Size.of(stage.packageOf(ColdStartSuite.SHIPPED), path -> true);
            Size lean = Size.of(stage.packageOf(ColdStartSuite.SHIPPED), PackageSizeSuite::isUsed);
            record(stage, "shipped", shipped);
            record(stage, "shipped-without-apache5", lean);
            if (!stage.hasPackage(ColdStartSuite.NAIVE)) {
                table.row(stage.module(), kib(shipped.unzipped()), kib(shipped.zipped()), "-", "-", "-", "-",
                        shipped.jars() + " / -");
                continue;
            }
            Size naive = Size.of(stage.packageOf(ColdStartSuite.NAIVE), path -> true);
            record(stage, "naive", naive);
            double ratio = (double) shipped.zipped() / naive.zipped();
            table.row(stage.module(), kib(shipped.unzipped()), kib(shipped.zipped()), kib(lean.zipped()),
                    kib(naive.unzipped()), kib(naive.zipped()), ratio, shipped.jars() + " / " + naive.jars());
            report.check("package of " + stage.module() + " <= half of naive (zipped)",
                    "%.0f KiB vs %.0f KiB (%.2fx; %.2fx without Apache 5)".formatted(kib(shipped.zipped()),
                            kib(naive.zipped()), ratio, (double) lean.zipped() / naive.zipped()),
                    ratio <= 0.5);
        }
        report.add(table);
    }

    private void record(Stage stage, String variant, Size size) {
        report.add("package-size", stage.module(), variant + "-zipped", "bytes", List.of((double) size.zipped()));
        report.add("package-size", stage.module(), variant + "-unzipped", "bytes", List.of((double) size.unzipped()));
    }

    private static boolean isUsed(Path file) {
        String name = file.getFileName().toString();
        return UNUSED_CLIENT_JARS.stream().noneMatch(name::startsWith);
    }

    private static double kib(long bytes) {
        return bytes / 1024.0;
    }

    /** A package's bytes on disk and zipped, and how many jars it has. */
    record Size(long unzipped, long zipped, int jars) {

        static Size of(Path root, Predicate<Path> included) {
            try (Stream<Path> walk = Files.walk(root)) {
                List<Path> files = walk.filter(Files::isRegularFile).filter(included).sorted().toList();
                long unzipped = 0;
                for (Path file : files) {
                    unzipped += Files.size(file);
                }
                int jars = (int) files.stream().filter(f -> f.toString().endsWith(".jar")).count();
                return new Size(unzipped, zippedSize(root, files), jars);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static long zippedSize(Path root, List<Path> files) throws IOException {
            CountingStream counter = new CountingStream();
            try (ZipOutputStream zip = new ZipOutputStream(counter)) {
                for (Path file : files) {
                    zip.putNextEntry(new ZipEntry(root.relativize(file).toString()));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
            return counter.count;
        }
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
