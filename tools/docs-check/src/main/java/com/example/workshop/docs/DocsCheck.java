package com.example.workshop.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks every README.md and docs/*.md against the repository, or with {@code write} regenerates their
 * marked excerpts and diffs from the sources.
 */
public final class DocsCheck {

    static final String WRITE_COMMAND = "tools/docs-check/run write";

    private final Path root;
    private final Excerpts excerpts;

    public DocsCheck(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.excerpts = new Excerpts(this.root);
    }

    public static void main(String[] args) {
        DocsCheck docs = new DocsCheck(Path.of(System.getProperty("repo.root", ".")));
        if (args.length > 0 && args[0].equals("write")) {
            docs.write().forEach(doc -> System.out.println("rewrote " + doc));
        }
        List<Problem> problems = docs.check();
        problems.forEach(System.out::println);
        if (!problems.isEmpty()) {
            System.exit(1);
        }
    }

    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        Links links = new Links(root);
        Commands commands = new Commands(root);
        for (Doc doc : Doc.all(root)) {
            problems.addAll(checkBlocks(doc));
            problems.addAll(links.check(doc));
            problems.addAll(commands.check(doc));
        }
        problems.addAll(commands.checkAcrossDocs());
        return problems;
    }

    /** Regenerates every marked block whose source changed; returns the guides it rewrote. */
    public List<String> write() {
        List<String> rewritten = new ArrayList<>();
        for (Doc doc : Doc.all(root)) {
            Map<CodeBlock, String> changed = new LinkedHashMap<>();
            for (CodeBlock block : doc.blocks()) {
                if (doc.isUnclosed(block)) {
                    continue;
                }
                block.marker().ifPresent(marker -> {
                    try {
                        String expected = excerpts.render(marker);
                        if (!expected.equals(block.body())) {
                            changed.put(block, expected);
                        }
                    } catch (IllegalArgumentException wrongMarker) {
                        // left for check() to report
                    }
                });
            }
            if (!changed.isEmpty()) {
                writeString(doc.file(), doc.withBodies(changed));
                rewritten.add(doc.name());
            }
        }
        return rewritten;
    }

    private List<Problem> checkBlocks(Doc doc) {
        List<Problem> problems = new ArrayList<>();
        CodeBlock previous = null;
        for (CodeBlock block : doc.blocks()) {
            if (doc.isUnclosed(block)) {
                problems.add(doc.problem(block.lineNumber(), "code block never closed"));
            }
            if (block.marker().isPresent()) {
                checkExcerpt(doc, block, problems);
            } else if (block.language().equals("java") || block.language().equals("diff")) {
                problems.add(doc.problem(block.lineNumber(), "a " + block.language()
                        + " block must come from the code: put a <!-- snippet: path --> or <!-- diff: old new --> line before it"));
            }
            block.learnerStep().ifPresent(step -> checkLearnerStep(doc, block, step, problems));
            if (block.hasFlag("learner") && !block.hasFlag("run")) {
                problems.add(doc.problem(block.lineNumber(), "a learner command is run by the guide replay: mark it ```bash run learner"));
            }
            boolean followsRun = previous != null && (previous.hasFlag("run") || previous.hasFlag("run-background"));
            if (block.hasFlag("output") && !followsRun) {
                problems.add(doc.problem(block.lineNumber(), "an output block must follow a ```bash run block"));
            }
            previous = block;
        }
        problems.addAll(danglingMarkers(doc));
        return problems;
    }

    private void checkExcerpt(Doc doc, CodeBlock block, List<Problem> problems) {
        Marker marker = block.marker().orElseThrow();
        try {
            if (!excerpts.render(marker).equals(block.body())) {
                problems.add(doc.problem(block.lineNumber(), "block differs from its source (" + marker
                        + "); regenerate it with: " + WRITE_COMMAND));
            }
        } catch (IllegalArgumentException wrongMarker) {
            problems.add(doc.problem(block.lineNumber(), marker + ": " + wrongMarker.getMessage()));
        }
    }

    /**
     * A learner step shows the guide's own stage: the whole file or part of it at the same path, or the change of that
     * file from an earlier stage. So what the learner writes is what the finished stage has.
     */
    private static void checkLearnerStep(Doc doc, CodeBlock block, LearnerStep step, List<Problem> problems) {
        Marker marker = block.marker().orElseThrow();
        String stagePath = doc.stage() + "/" + step.path();
        String problem = null;
        if (doc.stage() == null) {
            problem = "learner steps belong in the module guides (docs/module-N-*.md)";
        } else if (step.path().startsWith("/") || step.path().contains("..")) {
            problem = "a learner step names a path inside the learner's folder";
        } else if (step.kind() == LearnerStep.Kind.FILE && (marker.kind() != Marker.Kind.SNIPPET
                || !marker.arguments().equals(List.of(doc.stage() + "/" + step.reference())))) {
            problem = "a " + step + " step shows that file of this guide's stage: <!-- snippet: " + doc.stage() + "/"
                    + step.reference() + " -->";
        } else if (step.selector() != null && !step.path().matches(".*\\.(ya?ml|xml)")) {
            problem = "a learner-file step with #selector replaces a YAML key or an XML element: use a .yaml or .xml file";
        } else if (step.kind() == LearnerStep.Kind.DIFF && (marker.kind() != Marker.Kind.DIFF
                || !marker.arguments().get(marker.arguments().size() - 1).equals(stagePath)
                || !marker.arguments().getFirst().matches("module-[^/]+/" + java.util.regex.Pattern.quote(step.path())))) {
            problem = "a " + step + " step shows the change of that file from an earlier stage: <!-- diff: module-M-.../"
                    + step.path() + " " + stagePath + " -->";
        }
        if (problem != null) {
            problems.add(doc.problem(block.lineNumber(), problem));
        }
    }

    private static List<Problem> danglingMarkers(Doc doc) {
        Set<Integer> markedFences = doc.blocks().stream()
                .filter(block -> block.marker().isPresent())
                .map(block -> block.openLine() - 1)
                .collect(Collectors.toSet());
        List<String> prose = doc.prose();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < prose.size(); i++) {
            if (Marker.parse(prose.get(i)).isPresent() && !markedFences.contains(i)) {
                problems.add(doc.problem(i + 1, "marker not directly followed by a fenced block"));
            }
            if (LearnerStep.parse(prose.get(i)).isPresent() && !markedFences.contains(i + 1)) {
                problems.add(doc.problem(i + 1, "a learner step goes right above a block's snippet or diff marker"));
            }
        }
        return problems;
    }

    private static void writeString(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
