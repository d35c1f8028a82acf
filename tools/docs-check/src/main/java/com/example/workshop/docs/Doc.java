package com.example.workshop.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Markdown guide split into lines, with its fenced code blocks and its prose lines. */
public final class Doc {

    /** Build output, npm packages and the learner's own folder: no README there is the repository's. */
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", "node_modules", "my-workshop");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})(.*)$");

    private final Path file;
    private final String name;
    private final List<String> lines;
    private final List<CodeBlock> blocks;

    private Doc(Path file, String name, List<String> lines) {
        this.file = file;
        this.name = name;
        this.lines = lines;
        this.blocks = findBlocks(lines);
    }

    public static Doc read(Path root, Path file) {
        try {
            return new Doc(file, root.relativize(file).toString(), Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** README.md, every docs/*.md, then every other README.md of the repository (stages, tools), in a stable order. */
    public static List<Doc> all(Path root) {
        List<Doc> docs = new ArrayList<>();
        if (Files.exists(root.resolve("README.md"))) {
            docs.add(read(root, root.resolve("README.md")));
        }
        try (var files = Files.list(root.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(f -> docs.add(read(root, f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        nestedReadmes(root).forEach(readme -> docs.add(read(root, readme)));
        return docs;
    }

    /** README.md files below the root, outside docs/ (listed already), build output, npm packages and dot-folders. */
    private static List<Path> nestedReadmes(Path root) {
        List<Path> readmes = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    String name = directory.getFileName() == null ? "" : directory.getFileName().toString();
                    boolean skipped = !directory.equals(root) && (name.startsWith(".")
                            || SKIPPED_FOLDERS.contains(name) || directory.equals(root.resolve("docs")));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().equals("README.md") && !file.getParent().equals(root)) {
                        readmes.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        readmes.sort(null);
        return readmes;
    }

    public Path file() {
        return file;
    }

    /** Path relative to the repository root, as shown in messages. */
    public String name() {
        return name;
    }

    public List<CodeBlock> blocks() {
        return blocks;
    }

    /** The stage folder a module guide is about ({@code docs/module-3-counter.md} is about {@code module-3-counter}). */
    public String stage() {
        String fileName = file.getFileName().toString();
        return fileName.startsWith("module-") ? fileName.substring(0, fileName.length() - ".md".length()) : null;
    }

    /**
     * The stage folder whose names the document's commands use: a module guide's, or the folder of a stage's
     * README ({@code module-3-counter/README.md} is about {@code module-3-counter}); null for other documents.
     */
    public String describedStage() {
        Path folder = file.getParent().getFileName();
        boolean stageReadme = file.getFileName().toString().equals("README.md") && folder != null
                && folder.toString().startsWith("module-");
        return stageReadme ? folder.toString() : stage();
    }

    /**
     * Where a reader runs the document's commands: the repository root for the guides in docs/ (and the root
     * README), the README's own folder for the others ({@code cd module-3-counter} first, as its reader would).
     */
    public Path workingDirectory() {
        Path folder = file.toAbsolutePath().getParent();
        return folder.getFileName().toString().equals("docs") ? folder.getParent() : folder;
    }

    /** Lines outside code blocks, with their 0-based index; text of block lines is blanked. */
    public List<String> prose() {
        List<String> prose = new ArrayList<>(lines);
        for (CodeBlock block : blocks) {
            for (int i = block.openLine(); i <= block.closeLine() && i < prose.size(); i++) {
                prose.set(i, "");
            }
        }
        return prose;
    }

    /** True when the block runs to the end of the file without a closing fence. */
    public boolean isUnclosed(CodeBlock block) {
        return block.closeLine() >= lines.size();
    }

    public Problem problem(int line, String message) {
        return new Problem(name, line, message);
    }

    /** The document with the bodies of some blocks replaced. */
    public String withBodies(Map<CodeBlock, String> newBodies) {
        StringBuilder text = new StringBuilder();
        int next = 0;
        for (CodeBlock block : blocks) {
            if (!newBodies.containsKey(block)) {
                continue;
            }
            appendLines(text, lines.subList(next, block.openLine() + 1));
            text.append(newBodies.get(block));
            next = block.closeLine();
        }
        appendLines(text, lines.subList(next, lines.size()));
        return text.toString();
    }

    private static void appendLines(StringBuilder text, List<String> lines) {
        lines.forEach(line -> text.append(line).append('\n'));
    }

    private static List<CodeBlock> findBlocks(List<String> lines) {
        List<CodeBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String fence = open.group(1);
            int close = closingFence(lines, i + 1, fence);
            String body = String.join("\n", lines.subList(Math.min(i + 1, close), close)) + (close > i + 1 ? "\n" : "");
            var marker = i > 0 ? Marker.parse(lines.get(i - 1)) : Optional.<Marker>empty();
            var learnerStep = marker.isPresent() && i > 1 ? LearnerStep.parse(lines.get(i - 2)) : Optional.<LearnerStep>empty();
            blocks.add(new CodeBlock(i, close, open.group(2), body, marker, learnerStep));
            i = close;
        }
        return blocks;
    }

    private static int closingFence(List<String> lines, int from, String fence) {
        for (int i = from; i < lines.size(); i++) {
            String trimmed = lines.get(i).trim();
            if (trimmed.startsWith(fence) && trimmed.chars().allMatch(c -> c == fence.charAt(0))) {
                return i;
            }
        }
        return lines.size();
    }
}
