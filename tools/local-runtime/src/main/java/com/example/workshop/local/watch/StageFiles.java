package com.example.workshop.local.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The files of a stage that make what it serves: template.yaml, pom.xml and everything under src/main. A snapshot
 * holds each one's time and size; two snapshots differ where a file was written, added or deleted.
 */
final class StageFiles {

    static final String TEMPLATE = "template.yaml";
    static final String POM = "pom.xml";
    static final String SOURCES = "src/main";

    private StageFiles() {
    }

    /** A file's state as seen by a snapshot. */
    record State(long modifiedNanos, long size) {
    }

    static Map<Path, State> snapshot(Path stageDirectory) {
        Map<Path, State> states = new HashMap<>();
        for (String top : new String[]{TEMPLATE, POM}) {
            state(stageDirectory.resolve(top)).ifPresent(state -> states.put(stageDirectory.resolve(top), state));
        }
        Path sources = stageDirectory.resolve(SOURCES);
        if (Files.isDirectory(sources)) {
            try (Stream<Path> files = Files.walk(sources)) {
                files.forEach(file -> state(file).ifPresent(state -> states.put(file, state)));
            } catch (IOException | UncheckedIOException e) {
                // a folder deleted while walking: the next snapshot sees the result
            }
        }
        return states;
    }

    /** The files written, added or deleted between two snapshots. */
    static Set<Path> changed(Map<Path, State> before, Map<Path, State> after) {
        Set<Path> changed = new HashSet<>();
        after.forEach((file, state) -> {
            if (!state.equals(before.get(file))) {
                changed.add(file);
            }
        });
        before.keySet().stream().filter(file -> !after.containsKey(file)).forEach(changed::add);
        return changed;
    }

    private static Optional<State> state(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            long nanos = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            return Optional.of(new State(nanos, attributes.size()));
        } catch (IOException e) {
            return Optional.empty(); // deleted (NoSuchFileException) or unreadable: not there for the build either
        }
    }

    static boolean isTemplate(Path stageDirectory, Path file) {
        return Objects.equals(file, stageDirectory.resolve(TEMPLATE));
    }

    static boolean isPom(Path stageDirectory, Path file) {
        return Objects.equals(file, stageDirectory.resolve(POM));
    }

    static boolean isSource(Path stageDirectory, Path file) {
        return file.startsWith(stageDirectory.resolve(SOURCES));
    }
}
