package com.example.workshop.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The learner's folder ({@code my-workshop/} in the guides) as the guide replay builds it: somewhere else, so a
 * replay never touches a learner's own folder. The guides' steps are applied to it, the guides' commands name it.
 */
final class LearnerFolder {

    /** The name the guides use; the replay's folder has it too, so what the commands print stays the same. */
    static final String NAME = "my-workshop";

    private static final Pattern NAMED = Pattern.compile("(?<![\\w./-])" + NAME + "(?![\\w-])");
    /** {@code ./workshop start} without a folder starts my-workshop/ at the repository root. */
    private static final Pattern START_WITHOUT_FOLDER = Pattern.compile("(\\./workshop start)(?=[ \\t]*(?:$|--|[;&|)]))",
            Pattern.MULTILINE);

    private final Path root;
    private final Path folder;

    LearnerFolder(Path root, Path folder) {
        this.root = root;
        this.folder = folder.toAbsolutePath().normalize();
    }

    Path path() {
        return folder;
    }

    /** A guide's command with my-workshop made this folder. */
    String substitute(String script) {
        String started = START_WITHOUT_FOLDER.matcher(script).replaceAll("$1 " + NAME);
        return NAMED.matcher(started).replaceAll(Matcher.quoteReplacement(folder.toString()));
    }

    /** Does what the block's step tells the learner to do; throws IllegalArgumentException when it cannot. */
    void apply(CodeBlock block) {
        LearnerStep step = block.learnerStep().orElseThrow();
        Path file = folder.resolve(step.path());
        if (step.kind() == LearnerStep.Kind.FILE && step.selector() == null) {
            write(file, block.body());
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the step changes " + step.path() + ", which the learner's folder lacks");
        }
        String text = read(file);
        write(file, switch (step.kind()) {
            case DIFF -> LearnerEdits.applyDiff(text, block.body());
            case FILE -> step.path().endsWith(".xml")
                    ? LearnerEdits.replaceXmlElement(text, step.selector(), block.body())
                    : LearnerEdits.replaceOrAddYamlKey(text, step.selector(), block.body(), read(sourceOf(block)));
        });
    }

    /**
     * How this folder differs from {@code expected} (every file but build output), one line per file; empty when
     * they are the same.
     */
    List<String> differencesFrom(Path expected) {
        Map<String, Path> mine = files(folder);
        Map<String, Path> theirs = files(expected);
        List<String> differences = new ArrayList<>();
        for (var entry : theirs.entrySet()) {
            Path own = mine.get(entry.getKey());
            if (own == null) {
                differences.add(entry.getKey() + ": missing");
            } else {
                firstDifference(read(own), read(entry.getValue()))
                        .ifPresent(difference -> differences.add(entry.getKey() + ": " + difference));
            }
        }
        mine.keySet().stream().filter(name -> !theirs.containsKey(name))
                .forEach(name -> differences.add(name + ": not in the finished stage"));
        return differences;
    }

    /** The repository file the block's snippet shows. */
    private Path sourceOf(CodeBlock block) {
        String reference = block.marker().orElseThrow().arguments().getFirst();
        int hash = reference.indexOf('#');
        return root.resolve(hash < 0 ? reference : reference.substring(0, hash));
    }

    private static Optional<String> firstDifference(String actual, String expected) {
        List<String> actualLines = actual.lines().toList();
        List<String> expectedLines = expected.lines().toList();
        for (int i = 0; i < Math.max(actualLines.size(), expectedLines.size()); i++) {
            String found = i < actualLines.size() ? actualLines.get(i) : "(end of file)";
            String wanted = i < expectedLines.size() ? expectedLines.get(i) : "(end of file)";
            if (!found.equals(wanted)) {
                return Optional.of("line " + (i + 1) + " is \"" + found.strip() + "\", the finished stage has \""
                        + wanted.strip() + "\"");
            }
        }
        return actual.equals(expected) ? Optional.empty() : Optional.of("differs in line endings");
    }

    /** Files by path relative to the folder, without target/ (what builds and local runs write). */
    private static Map<String, Path> files(Path directory) {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(Files::isRegularFile)
                    .filter(file -> !directory.relativize(file).startsWith("target"))
                    .forEach(file -> files.put(directory.relativize(file).toString(), file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
