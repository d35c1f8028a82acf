package com.example.workshop.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the shell blocks of the guides without running them: bash syntax; that each block is run by
 * tools/docs-check/run commands ({@code bash run}), run by CI itself ({@code bash ci}), too slow to run
 * ({@code bash slow}: benchmarks) or needs AWS; and that the names the commands use exist: stages,
 * logical IDs, output keys, event files, and one stack name throughout.
 */
final class Commands {

    private static final Pattern WORKSHOP = Pattern.compile("\\./workshop\\s+(run|invoke)\\s+(\\S+)(?:\\s+([A-Za-z0-9]+))?");
    private static final Pattern LOGICAL_ID = Pattern.compile("(?:\\bsam\\s+(?:logs\\b.*?\\s(?:-n|--name)"
            + "|local\\s+invoke|remote\\s+invoke)|--logical-resource-id)\\s+([A-Za-z0-9]+)");
    private static final Pattern OUTPUT_KEY = Pattern.compile("OutputKey\\s*==\\s*[`'\"]?([A-Za-z0-9]+)");
    private static final Pattern EVENT_FILE = Pattern.compile("(?:--event|-e)\\s+([\\w./-]+\\.json)");
    private static final Pattern STACK_NAME = Pattern.compile("(?:--stack-name\\s+|stack_name\\s*=\\s*\")([\\w-]+)");
    private static final Pattern CD_STAGE = Pattern.compile("^\\s*cd\\s+(?:\\.\\./)?(module-[\\w-]+)");
    private static final String SAM_MANAGED_STACK = "aws-sam-cli-managed-default";
    private static final Pattern NEEDS_AWS = Pattern.compile("(?:^|[\\s$(;|&])(?:sam|aws)\\s+[a-z]");

    private final Path root;
    private final Stages stages;
    /** Every stack name the guides use, with where they use it first: there must be exactly one. */
    private final Map<String, String> stackNames = new TreeMap<>();

    Commands(Path root) {
        this.root = root;
        this.stages = new Stages(root);
    }

    List<Problem> check(Doc doc) {
        List<Problem> problems = new ArrayList<>(syntaxErrors(doc));
        for (CodeBlock block : doc.blocks()) {
            if (block.isShell()) {
                checkBlock(doc, block, problems);
            }
            recordStackNames(doc, block);
        }
        return problems;
    }

    /** Problems that only show across all the guides; call after every {@link #check}. */
    List<Problem> checkAcrossDocs() {
        if (stackNames.size() <= 1) {
            return List.of();
        }
        return List.of(new Problem("docs", 0, "the guides use several stack names, use one: " + stackNames));
    }

    /** One bash for all of a guide's blocks, each as a function body; one per block only to locate an error. */
    private static List<Problem> syntaxErrors(Doc doc) {
        List<CodeBlock> shellBlocks = doc.blocks().stream().filter(CodeBlock::isShell).toList();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < shellBlocks.size(); i++) {
            all.append("block_").append(i).append("() {\n:\n").append(shellBlocks.get(i).body()).append("}\n");
        }
        if (bashSyntaxError(all.toString()) == null) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        for (CodeBlock block : shellBlocks) {
            String error = bashSyntaxError(block.body());
            if (error != null) {
                problems.add(doc.problem(block.lineNumber(), "bash syntax error: " + error));
            }
        }
        return problems;
    }

    private void checkBlock(Doc doc, CodeBlock block, List<Problem> problems) {
        boolean run = block.hasFlag("run") || block.hasFlag("run-background");
        boolean notForCi = block.hasFlag("ci") || block.hasFlag("slow");
        if (!run && !notForCi && !NEEDS_AWS.matcher(block.body()).find()) {
            problems.add(doc.problem(block.lineNumber(), "this block needs no AWS: mark it ```bash run so"
                    + " tools/docs-check/run commands runs it (```bash slow if it takes minutes, like a benchmark)"));
        }
        if (block.hasFlag("ci")) {
            checkCiRunsIt(doc, block, problems);
        }
        List<String> scope = stagesInScope(doc, block);
        for (String line : block.body().lines().toList()) {
            checkNames(doc, block, line, scope, problems);
        }
    }

    private void checkNames(Doc doc, CodeBlock block, String line, List<String> scope, List<Problem> problems) {
        Matcher workshop = WORKSHOP.matcher(line);
        while (workshop.find()) {
            var stage = learnersFolder(workshop.group(2)) ? learnersStage(doc, scope) : stages.find(workshop.group(2));
            if (stage.isEmpty()) {
                problems.add(doc.problem(block.lineNumber(), "./workshop names no stage '" + workshop.group(2) + "'"));
            } else if (workshop.group(1).equals("invoke")) {
                requireIn(doc, block, workshop.group(3), stages.logicalIds(List.of(stage.get())), "logical ID", problems);
            }
        }
        LOGICAL_ID.matcher(line).results()
                .forEach(m -> requireIn(doc, block, m.group(1), stages.logicalIds(scope), "logical ID", problems));
        OUTPUT_KEY.matcher(line).results()
                .forEach(m -> requireIn(doc, block, m.group(1), stages.outputKeys(scope), "output key", problems));
        EVENT_FILE.matcher(line).results()
                .filter(m -> !eventFileExists(m.group(1), scope))
                .forEach(m -> problems.add(doc.problem(block.lineNumber(), "no event file " + m.group(1))));
    }

    private static void requireIn(Doc doc, CodeBlock block, String name, Set<String> names, String what,
                                  List<Problem> problems) {
        if (name == null || !names.contains(name)) {
            problems.add(doc.problem(block.lineNumber(), "no " + what + " '" + name + "' in the template; there are " + names));
        }
    }

    /**
     * The learner's folder ({@code my-workshop}, see {@link LearnerFolder}) holds, in a module guide, that guide's
     * stage; elsewhere, any stage.
     */
    private static boolean learnersFolder(String name) {
        return name.equals(LearnerFolder.NAME) || name.equals(LearnerFolder.NAME + "/");
    }

    private static java.util.Optional<String> learnersStage(Doc doc, List<String> scope) {
        return java.util.Optional.ofNullable(doc.stage()).or(() -> scope.stream().reduce((first, last) -> last));
    }

    private boolean eventFileExists(String path, List<String> scope) {
        if (path.startsWith(LearnerFolder.NAME + "/")) {
            return eventFileExists(path.substring(LearnerFolder.NAME.length() + 1), scope);
        }
        return Files.isRegularFile(root.resolve(path))
                || scope.stream().anyMatch(stage -> Files.isRegularFile(root.resolve(stage).resolve(path)));
    }

    /** The stage a command is about: the guide's or the stage README's own, else one the block cd's into, else any. */
    private List<String> stagesInScope(Doc doc, CodeBlock block) {
        if (doc.describedStage() != null && stages.find(doc.describedStage()).isPresent()) {
            return List.of(doc.describedStage());
        }
        return block.body().lines()
                .map(CD_STAGE::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .filter(stage -> stages.find(stage).isPresent())
                .findFirst()
                .map(List::of)
                .orElse(stages.names());
    }

    private void checkCiRunsIt(Doc doc, CodeBlock block, List<Problem> problems) {
        Path ciScript = root.resolve(".ci/run");
        String ci = readOrEmpty(ciScript);
        block.body().lines()
                .filter(line -> !line.isBlank() && !line.trim().startsWith("#"))
                .filter(line -> !ci.contains(line.trim()))
                .forEach(line -> problems.add(doc.problem(block.lineNumber(),
                        "marked ```bash ci but .ci/run does not run: " + line.trim())));
    }

    /** SAM's own stack (its S3 bucket, one per Region), which a guide may tell how to remove, is not the workshop's. */
    private void recordStackNames(Doc doc, CodeBlock block) {
        STACK_NAME.matcher(block.body()).results()
                .filter(m -> !m.group(1).equals(SAM_MANAGED_STACK))
                .forEach(m -> stackNames.putIfAbsent(m.group(1), doc.name() + ":" + block.lineNumber()));
    }

    private static String bashSyntaxError(String script) {
        try {
            Process bash = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
            try (var stdin = bash.getOutputStream()) {
                stdin.write(script.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return bash.waitFor() == 0 ? null : output.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
