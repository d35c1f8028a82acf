package com.example.workshop.local.cli;

import com.example.workshop.local.checks.CheckReport;
import com.example.workshop.local.checks.StageChecks;
import com.example.workshop.local.checks.Target;

import java.io.PrintStream;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ./workshop smoke <url> --stage N}: the stage's black-box checks against a deployed (or local) API. */
final class SmokeCommand {

    private static final Pattern STAGE = Pattern.compile("(?:module-)?(\\d+)(?:-[\\w-]+)?");

    private SmokeCommand() {
    }

    /** Prints one line per check and the total; returns the exit code, 0 only when every check passed. */
    static int run(String url, String stage, Duration streamWait, PrintStream out) {
        int number = stageNumber(stage);
        Target target = Target.of(url);
        out.println("Smoke checks of stage " + number + " at " + target);
        CheckReport report = StageChecks.run(StageChecks.forStage(number, target, streamWait),
                result -> out.println(result.line()));
        out.println(report.totalLine("smoke"));
        return report.allPassed() ? 0 : 1;
    }

    /** 3, or a folder name such as module-3-counter. */
    static int stageNumber(String stage) {
        Matcher matcher = STAGE.matcher(stage);
        int number = matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
        if (number < 1 || number > StageChecks.STAGES) {
            throw new UsageException("--stage takes 1 to " + StageChecks.STAGES + " (or a folder such as module-3-counter), got '"
                    + stage + "'");
        }
        return number;
    }
}
