package com.example.workshop.docs;

import com.example.workshop.local.files.FileTrees;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows the module guides as a learner does, in a folder of its own: starts it with {@code ./workshop start},
 * applies each marked step ({@link LearnerStep}), and after each guide compares the folder with the finished stage
 * as {@code ./workshop start --from N} copies it. A guide replayed alone starts from the previous stage.
 */
final class GuideReplay {

    private static final Pattern MODULE = Pattern.compile("module-(\\d+)-.+");

    private final Path root;
    private final Path workspace;
    private final LearnerFolder learner;
    /** The stage the learner's folder holds now; null before the first guide, or after a guide that went wrong. */
    private String stageReached;

    GuideReplay(Path root, Path workspace) {
        this.root = root;
        this.workspace = workspace.toAbsolutePath().normalize();
        this.learner = new LearnerFolder(root, this.workspace.resolve(LearnerFolder.NAME));
    }

    LearnerFolder learner() {
        return learner;
    }

    /** For the guides' commands alone ({@code bash run learner} blocks and marked steps), without servers. */
    static List<String> replayFileSteps(Path root, Path workspace) {
        GuideReplay replay = new GuideReplay(root, workspace);
        List<String> failures = new java.util.ArrayList<>();
        for (Doc guide : Doc.all(root).stream().filter(doc -> doc.stage() != null).toList()) {
            addIfFailed(failures, guide.name(), replay.prepare(guide));
            for (CodeBlock block : guide.blocks()) {
                String where = guide.name() + ":" + block.lineNumber();
                if (block.learnerStep().isPresent()) {
                    addIfFailed(failures, where, replay.apply(block));
                } else if (block.hasFlag("run") && block.hasFlag("learner")) {
                    addIfFailed(failures, where, replay.run(replay.learner.substitute(block.body())));
                }
            }
            addIfFailed(failures, guide.name(), replay.finish(guide));
        }
        return failures;
    }

    /** Before a module guide: the learner's folder as the previous module leaves it. Null, or why not. */
    String prepare(Doc guide) {
        int module = moduleNumber(guide.stage());
        String previous = stageNumbered(module - 1);
        if (previous != null && previous.equals(stageReached)) {
            return null;
        }
        reset();
        return module == 1 ? null : start(learner.path(), module - 1);
    }

    /** No learner's folder: as before ./workshop start. */
    void reset() {
        FileTrees.delete(learner.path());
        stageReached = null;
    }

    /** Does a marked step to the learner's folder. Null, or why it could not. */
    String apply(CodeBlock block) {
        try {
            learner.apply(block);
            return null;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return block.learnerStep().orElseThrow() + ": " + e.getMessage();
        }
    }

    /** After a module guide: null when the learner's folder is the finished stage, else how it differs. */
    String finish(Doc guide) {
        int module = moduleNumber(guide.stage());
        Path expected = workspace.resolve("expected-module-" + module);
        FileTrees.delete(expected);
        String failure = start(expected, module);
        if (failure != null) {
            return failure;
        }
        List<String> differences = learner.differencesFrom(expected);
        if (differences.isEmpty()) {
            stageReached = guide.stage();
            return null;
        }
        stageReached = null;
        return "a learner who follows " + guide.name() + " does not end with " + guide.stage()
                + " (as ./workshop start --from " + module + " copies it):\n  " + String.join("\n  ", differences);
    }

    /** Runs a shell command from the repository root, as the guides' commands run. Null, or why it failed. */
    String run(String script) {
        try {
            Process process = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", script)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return "still running after 2 min: " + script;
            }
            return process.exitValue() == 0 ? null : "exited " + process.exitValue() + ": " + script + "\n" + output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private String start(Path folder, int module) {
        return run("./workshop start '" + folder + "' --from " + module);
    }

    private String stageNumbered(int module) {
        return new Stages(root).find(Integer.toString(module)).orElse(null);
    }

    static int moduleNumber(String stage) {
        Matcher matcher = MODULE.matcher(stage);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a module: " + stage);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static void addIfFailed(List<String> failures, String where, String failure) {
        if (failure != null) {
            failures.add(where + ": " + failure);
        }
    }
}
