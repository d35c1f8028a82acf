package com.example.workshop.local.watch;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The files of a stage that changed in one burst of saves. */
record Change(Path stageDirectory, Set<Path> files) {

    Change {
        files = Set.copyOf(files);
    }

    boolean pom() {
        return files.stream().anyMatch(file -> StageFiles.isPom(stageDirectory, file));
    }

    boolean template() {
        return files.stream().anyMatch(file -> StageFiles.isTemplate(stageDirectory, file));
    }

    boolean sources() {
        return files.stream().anyMatch(file -> StageFiles.isSource(stageDirectory, file));
    }

    /** {@code Tag.java changed}, {@code Tag.java, template.yaml changed} or {@code 5 files changed}. */
    String describe() {
        List<String> names = files.stream().map(file -> file.getFileName().toString()).distinct()
                .sorted(Comparator.naturalOrder()).toList();
        return (names.size() <= 3 ? String.join(", ", names) : files.size() + " files") + " changed";
    }
}
