package com.example.workshop.local.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Copies and deletes folders: a stage's build, a learner's copy of a stage, a scratch folder. */
public final class FileTrees {

    /** For {@link #copy(Path, Path, Predicate)}: a stage's folder without its build output ({@code target/}). */
    public static final Predicate<Path> WITHOUT_BUILD = relative -> !relative.startsWith("target");

    private FileTrees() {
    }

    public static void copy(Path from, Path to) {
        copy(from, to, relative -> true);
    }

    /**
     * Copies every file and folder under {@code from} whose path relative to it {@code include} accepts into
     * {@code to}, in the same layout, with the files' times (a build compares them), replacing what is there.
     */
    public static void copy(Path from, Path to, Predicate<Path> include) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path relative = from.relativize(source);
                if (!include.test(relative)) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the folder and everything in it; nothing happens if it does not exist. */
    public static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
