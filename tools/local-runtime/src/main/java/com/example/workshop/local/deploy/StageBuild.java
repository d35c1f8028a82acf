package com.example.workshop.local.deploy;

import com.example.workshop.local.files.FileTrees;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a stage into {@code target/lambda}, laid out like the deployment package {@code sam build} makes and
 * Lambda unpacks into /var/task: the compiled classes at the root, the runtime dependencies in lib/. The build
 * is the one {@code sam build} runs, with the repository-only profile off; it is skipped when nothing changed.
 */
public final class StageBuild {

    private static final String TASK_ROOT = "target/lambda";
    private static final String NEXT_TASK_ROOT = TASK_ROOT + ".next";
    private static final String MARKER = ".built";
    private static final Logger LOG = System.getLogger(StageBuild.class.getName());

    private StageBuild() {
    }

    /** Where the build puts the task root: {@code <stage>/target/lambda}, with the dependencies in its lib/. */
    public static Path taskRoot(Stage stage) {
        return stage.directory().resolve(TASK_ROOT);
    }

    /** The task root, built first if missing or older than the stage's sources. */
    public static Path ensureBuilt(Stage stage) {
        Path taskRoot = taskRoot(stage);
        if (!isUpToDate(stage, taskRoot)) {
            build(List.of(stage), stage.directory(), List.of());
        }
        return taskRoot;
    }

    /**
     * Builds every stage of the list whose task root is missing or stale in one Maven run of the repository's
     * aggregator POM ({@code -pl}): one Maven start instead of one per stage, which is most of a build's time.
     */
    public static void ensureBuilt(Path repositoryRoot, List<Stage> stages) {
        List<Stage> stale = stages.stream().filter(stage -> !isUpToDate(stage, taskRoot(stage))).toList();
        if (stale.isEmpty()) {
            return;
        }
        Path root = repositoryRoot.toAbsolutePath().normalize();
        String modules = stale.stream()
                .map(stage -> root.relativize(stage.directory()).toString())
                .collect(Collectors.joining(","));
        build(stale, root, List.of("-pl", modules));
    }

    /**
     * Builds into {@code target/lambda.next} and puts it in place of the task root only once Maven succeeded: a
     * build that fails (a pom.xml being edited) leaves the last good task root to the environments that start from
     * it. The output folder is relative, so that in a multi-module run each stage's lands in its own target/.
     */
    private static void build(List<Stage> stages, Path directory, List<String> selection) {
        LOG.log(Level.INFO, "Building " + stages.stream().map(Stage::name).collect(Collectors.joining(", "))
                + " (mvn compile dependency:copy-dependencies) ...");
        stages.forEach(stage -> FileTrees.delete(nextTaskRoot(stage)));
        List<String> arguments = new ArrayList<>(List.of("-B", "-q", "-Dstyle.color=never", "-P", "!workshop-repo",
                "-Dmaven.test.skip=true", "compile", "dependency:copy-dependencies", "-DincludeScope=runtime",
                "-Dmdep.prependGroupId=true", "-DoutputDirectory=" + NEXT_TASK_ROOT + "/lib"));
        arguments.addAll(selection);
        try {
            runMaven(directory, arguments);
            stages.forEach(StageBuild::replaceTaskRoot);
        } finally {
            stages.forEach(stage -> FileTrees.delete(nextTaskRoot(stage)));
        }
    }

    private static void replaceTaskRoot(Stage stage) {
        Path next = nextTaskRoot(stage);
        FileTrees.copy(stage.directory().resolve("target/classes"), next);
        touch(next.resolve(MARKER));
        FileTrees.delete(taskRoot(stage));
        try {
            Files.move(next, taskRoot(stage), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path nextTaskRoot(Stage stage) {
        return stage.directory().resolve(NEXT_TASK_ROOT);
    }

    private static boolean isUpToDate(Stage stage, Path taskRoot) {
        Path marker = taskRoot.resolve(MARKER);
        if (!Files.exists(marker)) {
            return false;
        }
        FileTime built = lastModified(marker);
        try (Stream<Path> sources = Stream.concat(
                Stream.of(stage.directory().resolve("pom.xml")),
                walk(stage.directory().resolve("src/main")))) {
            return sources.noneMatch(source -> lastModified(source).compareTo(built) > 0);
        }
    }

    /** Maven's output goes to the log with the progress, never to stdout, which `invoke` keeps for the response. */
    private static void runMaven(Path directory, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(maven()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        if (Runtime.version().feature() >= 24) {
            // Maven's own Guava and Guice use sun.misc.Unsafe, which JDK 24+ warns about at every start.
            builder.environment().merge("MAVEN_OPTS", "--sun-misc-unsafe-memory-access=allow", (a, b) -> a + " " + b);
        }
        try {
            Process build = builder.start();
            try (BufferedReader lines = build.inputReader()) {
                lines.lines().forEach(line -> LOG.log(Level.INFO, line));
            }
            if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new IllegalStateException("The build of " + directory.getFileName()
                        + " failed (see Maven's output above); fix it and run again.");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run Maven ('" + command.getFirst() + "'): " + e.getMessage()
                    + ". Install Maven 3.8+ or put mvn on the PATH.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("build interrupted", e);
        }
    }

    private static String maven() {
        String mavenHome = System.getenv("MAVEN_HOME");
        return mavenHome != null && Files.isExecutable(Path.of(mavenHome, "bin", "mvn"))
                ? Path.of(mavenHome, "bin", "mvn").toString()
                : "mvn";
    }

    private static Stream<Path> walk(Path directory) {
        try {
            return Files.exists(directory) ? Files.walk(directory) : Stream.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void touch(Path path) {
        try {
            Files.writeString(path, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
