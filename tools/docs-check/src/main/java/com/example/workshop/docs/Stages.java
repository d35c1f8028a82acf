package com.example.workshop.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The workshop's stage folders ({@code module-N-name/} with a template.yaml) and their templates' names. */
final class Stages {

    private final Path root;
    private final List<String> names;

    Stages(Path root) {
        this.root = root;
        try (var folders = Files.list(root)) {
            this.names = folders
                    .filter(folder -> folder.getFileName().toString().startsWith("module-"))
                    .filter(folder -> Files.isRegularFile(folder.resolve("template.yaml")))
                    .map(folder -> folder.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> names() {
        return names;
    }

    /** A stage by folder name or by number, as {@code ./workshop run 3} names it. */
    Optional<String> find(String nameOrNumber) {
        return names.stream()
                .filter(name -> name.equals(nameOrNumber) || name.startsWith("module-" + nameOrNumber + "-"))
                .findFirst();
    }

    Set<String> logicalIds(List<String> stages) {
        return topLevelKeys(stages, "Resources");
    }

    Set<String> outputKeys(List<String> stages) {
        return topLevelKeys(stages, "Outputs");
    }

    private Set<String> topLevelKeys(List<String> stages, String section) {
        Set<String> keys = new TreeSet<>();
        for (String stage : stages) {
            keys.addAll(childKeys(readTemplate(stage), section));
        }
        return keys;
    }

    /** Keys one level under a top-level section of a block-style YAML template. */
    private static List<String> childKeys(List<String> lines, String section) {
        List<String> keys = new ArrayList<>();
        boolean inSection = false;
        for (String line : lines) {
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            boolean topLevel = !Character.isWhitespace(line.charAt(0));
            if (topLevel) {
                inSection = line.startsWith(section + ":");
            } else if (inSection && line.matches("^ {2}[A-Za-z0-9]+:.*")) {
                keys.add(line.trim().substring(0, line.trim().indexOf(':')));
            }
        }
        return keys;
    }

    private List<String> readTemplate(String stage) {
        try {
            return Files.readAllLines(root.resolve(stage).resolve("template.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
