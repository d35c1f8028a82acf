package com.example.workshop.local.cli;

import com.example.workshop.local.deploy.LocalDeployment;
import com.example.workshop.local.deploy.Stage;
import com.example.workshop.local.apigateway.RestApi;
import com.example.workshop.local.checks.Check;
import com.example.workshop.local.checks.CheckReport;
import com.example.workshop.local.checks.CheckResult;
import com.example.workshop.local.checks.GuideSections;
import com.example.workshop.local.checks.LearnerChecks;
import com.example.workshop.local.checks.StageChecks;
import com.example.workshop.local.checks.Target;
import com.example.workshop.local.lambda.FunctionLog;
import com.example.workshop.local.template.TemplateException;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code ./workshop check N [folder]}: builds the learner's folder, deploys it on this machine as
 * {@code ./workshop run} does (on a free port, with empty in-memory tables, so the folder's own run data is left
 * alone), and runs stage N's checks: one line each with the guide section to reread, then the total.
 */
final class CheckCommand {

    static final String DEFAULT_FOLDER = "my-workshop";
    private static final int LOG_LINES_SHOWN = 30;
    /** Lambda's own START, END and REPORT lines: what a learner needs is what their code printed. */
    private static final Pattern PLATFORM_LINE = Pattern.compile("(START|END|REPORT) RequestId: ");
    /** Enough for concurrent visits to race, few enough JVMs to start quickly on a laptop. */
    private static final int ENVIRONMENTS_PER_FUNCTION = 2;

    private CheckCommand() {
    }

    /** Returns the exit code: 0 only when every check passed. */
    static int run(int stage, Path folder, PrintStream out) {
        return run(stage, folder, out, name -> true);
    }

    /** Only the checks whose names pass {@code selected}: a test of one mistake needs only the checks that see it. */
    static int run(int stage, Path folder, PrintStream out, Predicate<String> selected) {
        long started = System.nanoTime();
        Stage learnerStage = learnerStage(folder);
        out.println("Checking " + folder + " as stage " + stage + " (build, local deployment, checks) ...");
        Deque<String> functionLogs = new ArrayDeque<>();
        LocalDeployment.Options options = new LocalDeployment.Options(null, 0, true, ENVIRONMENTS_PER_FUNCTION,
                keepLast(functionLogs));
        CheckReport report;
        // The build's progress, the template's notes and the warnings, not the platform's other INFO lines
        try (ConsoleLog unused = ConsoleLog.forCheck(out);
             LocalDeployment deployment = LocalDeployment.start(learnerStage, options)) {
            RestApi api = deployment.api();
            Target target = Target.of(api != null ? api.baseUrl() : "http://127.0.0.1:1/Prod/");
            List<Check> checks = LearnerChecks.forStage(stage, deployment, target).stream()
                    .filter(check -> selected.test(check.name())).toList();
            report = StageChecks.run(checks, result -> print(stage, result, out));
        } catch (TemplateException | IllegalStateException | UncheckedIOException e) {
            CheckResult failed = new CheckResult("deploy", false, "build and deploy " + folder,
                    "a build, and a class for every Handler", e.getMessage());
            print(stage, failed, out);
            report = new CheckReport(List.of(failed));
        }
        if (!report.allPassed() && !functionLogs.isEmpty()) {
            out.println("What the functions printed last:");
            functionLogs.forEach(line -> out.println("  " + line));
        }
        out.println(report.totalLine("check " + stage) + " in " + (System.nanoTime() - started) / 1_000_000_000 + " s"
                + (report.allPassed() ? ": your folder is a working stage " + stage + "." : ""));
        return report.allPassed() ? 0 : 1;
    }

    private static void print(int stage, CheckResult result, PrintStream out) {
        out.println(result.line() + (result.passed() ? "" : " | reread " + GuideSections.forCheck(stage, result.name())));
    }

    /** The folder as a stage: its name is the stack's, as {@code sam deploy} would be told. */
    static Stage learnerStage(Path folder) {
        Path directory = folder.toAbsolutePath().normalize();
        if (!Files.isRegularFile(directory.resolve("template.yaml"))) {
            throw new UsageException("no template.yaml in " + folder + ": create your folder with ./workshop start, "
                    + "or name the folder to check: ./workshop check N <folder>");
        }
        return new Stage(directory.getFileName().toString(), directory);
    }

    /** A folder named as given, else (for the default) the one at the repository's root. */
    static Path folder(String given, Path repositoryRoot) {
        Path folder = Path.of(given);
        if (!Files.isDirectory(folder) && !folder.isAbsolute() && Files.isDirectory(repositoryRoot.resolve(given))) {
            return repositoryRoot.resolve(given);
        }
        return folder;
    }

    private static FunctionLog keepLast(Deque<String> lines) {
        return (function, line) -> {
            if (PLATFORM_LINE.matcher(line).lookingAt()) {
                return;
            }
            synchronized (lines) {
                lines.addLast("[" + function + "] " + line);
                if (lines.size() > LOG_LINES_SHOWN) {
                    lines.removeFirst();
                }
            }
        };
    }
}
