package com.example.workshop.local.watch;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a stage's task root in this JVM, as Maven's compile would but in a fraction of its time: javac from the
 * JDK ({@code --release 21}) compiles src/main/java against the jars of the last Maven build, src/main/resources is
 * copied beside the classes, and those jars are linked into lib/ (hard links: nothing is copied).
 */
final class TaskRootCompiler {

    private final JavaCompiler javac;
    private final Path stageDirectory;

    private TaskRootCompiler(JavaCompiler javac, Path stageDirectory) {
        this.javac = javac;
        this.stageDirectory = stageDirectory;
    }

    /** Empty when this JVM is a JRE without javac: then a change rebuilds with Maven. */
    static Optional<TaskRootCompiler> forStage(Path stageDirectory) {
        return Optional.ofNullable(ToolProvider.getSystemJavaCompiler())
                .map(javac -> new TaskRootCompiler(javac, stageDirectory));
    }

    /**
     * @param lib    the runtime dependencies, as Maven's build copied them
     * @param output a new, empty folder: the task root
     * @throws CompileErrors when the sources do not compile
     */
    void build(Path lib, Path output) {
        List<Path> jars = jars(lib);
        compile(jars, output);
        copyResources(output);
        link(jars, output.resolve("lib"));
    }

    private void compile(List<Path> jars, Path output) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            String classpath = jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
            List<String> options = List.of("--release", "21", "-g", "-encoding", "UTF-8", "-proc:none", "-nowarn",
                    "-Xlint:none", "-classpath", classpath, "-d", output.toString());
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources());
            boolean compiled = javac.getTask(null, files, diagnostics, options, null, units).call();
            List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                    .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR).toList();
            if (!compiled || !errors.isEmpty()) {
                throw CompileErrors.of(errors, stageDirectory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> sources() {
        try (Stream<Path> files = walk(stageDirectory.resolve("src/main/java"))) {
            return files.filter(file -> file.toString().endsWith(".java") && Files.isRegularFile(file)).toList();
        }
    }

    private void copyResources(Path output) {
        Path resources = stageDirectory.resolve("src/main/resources");
        try (Stream<Path> files = walk(resources)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = output.resolve(resources.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A hard link where the file system has them, else a copy. */
    private static void link(List<Path> jars, Path lib) {
        try {
            Files.createDirectories(lib);
            for (Path jar : jars) {
                Path target = lib.resolve(jar.getFileName());
                try {
                    Files.createLink(target, jar);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> jars(Path lib) {
        try (Stream<Path> files = walk(lib)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static Stream<Path> walk(Path folder) {
        try {
            return Files.isDirectory(folder) ? Files.walk(folder) : Stream.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
