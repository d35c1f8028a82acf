package com.example.workshop.local.checks;

import java.time.Duration;
import java.util.List;

/**
 * {@code ./workshop check N}: everything a learner's stage N must do, run against their folder deployed on this
 * machine. The template facts first, then (stage 4) the stream function with crafted events, then the same HTTP
 * checks that {@code ./workshop smoke} runs against a deployed stack, and last each function's policy against
 * the calls its code made meanwhile.
 */
public final class LearnerChecks {

    /** The local stream mapping polls every second or so: the total catches up well within this. */
    private static final Duration STREAM_WAIT = Duration.ofSeconds(20);

    private LearnerChecks() {
    }

    public static List<Check> forStage(int stage, DeploymentUnderCheck stack, Target target) {
        List<Check> stream = stage >= 4 ? StreamChecks.checks(stack, StageChecks.newRunTag()) : List.of();
        return StageChecks.concat(
                TemplateFacts.checks(stage, stack),
                stream,
                StageChecks.forStage(stage, target, STREAM_WAIT),
                stage >= 2 ? PolicyChecks.checks(stack) : List.of());
    }
}
