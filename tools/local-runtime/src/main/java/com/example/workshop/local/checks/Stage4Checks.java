package com.example.workshop.local.checks;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 4: stage 3 with the table's stream, and the total of all visits that the stream processor keeps. The
 * total is updated asynchronously, so it is read before the visits and then awaited, within a bound.
 */
final class Stage4Checks {

    private static final Pattern TOTAL = Pattern.compile("You have (\\d+) visits across all pages\\.");
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final Target target;
    private final Stage3Checks counter;
    private final Duration streamWait;
    private OptionalLong totalBefore = OptionalLong.empty();

    Stage4Checks(Target target, String tag, Duration streamWait) {
        this.target = target;
        this.counter = new Stage3Checks(target, tag);
        this.streamWait = streamWait;
    }

    List<Check> checks() {
        Supplier<Reply> hello = StageChecks.once(() -> target.get(""));
        return StageChecks.concat(
                Stage2Checks.checks(target, hello),
                List.of(new Check("table stream", () -> tableStream(Expectation.of(hello.get())).outcome()),
                        new Check("total shown", this::readTotalBefore)),
                counter.checks(),
                List.of(new Check("reserved tag refused", () -> Stage3Checks.refused(target.get("tags/COUNTER"))),
                        new Check("reserved tag refused on counts",
                                () -> Stage3Checks.refused(target.get("counts/COUNTER"))),
                        new Check("total rises from the stream", this::awaitTotal)));
    }

    private static Expectation tableStream(Expectation expectation) {
        String tableArn = expectation.text(Stage2Checks.TABLE + "/TableArn");
        return expectation
                .under(Stage2Checks.TABLE)
                .json("/StreamSpecification/StreamEnabled", "true")
                .json("/StreamSpecification/StreamViewType", "\"NEW_AND_OLD_IMAGES\"")
                .jsonText("/LatestStreamArn", "starting with <TableArn>/stream/",
                        arn -> arn.startsWith(tableArn + "/stream/"));
    }

    private Outcome readTotalBefore() {
        Reply counts = target.get("counts/" + counter.tag());
        totalBefore = total(counts);
        return Expectation.of(counts)
                .status(200)
                .that("a body with 'You have <n> visits across all pages.'", totalBefore.isPresent(),
                        () -> "a body without it: " + counts.excerpt())
                .outcome("total " + (totalBefore.isPresent() ? totalBefore.getAsLong() : "?"));
    }

    /** The stream processor must add this run's visits to the total read before them, within {@code streamWait}. */
    private Outcome awaitTotal() {
        String sent = "GET " + target.resolve("counts/" + counter.tag()).getRawPath() + " until the total rises";
        if (totalBefore.isEmpty()) {
            return new Outcome(false, sent, "a total read before the visits", "none: see 'total shown'");
        }
        long goal = totalBefore.getAsLong() + StageChecks.VISITS;
        String expected = "a total of at least " + goal + " (" + totalBefore.getAsLong() + " + " + StageChecks.VISITS
                + " visits) within " + streamWait.toSeconds() + " s";
        long started = System.nanoTime();
        Reply last = target.get("counts/" + counter.tag());
        while (total(last).orElse(-1) < goal && elapsed(started).compareTo(streamWait) < 0) {
            sleep();
            last = target.get("counts/" + counter.tag());
        }
        OptionalLong total = total(last);
        String seconds = String.format("%.1f s", elapsed(started).toMillis() / 1000.0);
        if (total.isEmpty()) {
            return new Outcome(false, sent, expected, "no total after " + seconds + ": " + last.summary());
        }
        return new Outcome(total.getAsLong() >= goal, sent, expected, "total " + total.getAsLong() + " after " + seconds);
    }

    private static OptionalLong total(Reply counts) {
        Matcher total = TOTAL.matcher(counts.body());
        return counts.answered() && counts.status() == 200 && total.find()
                ? OptionalLong.of(Long.parseLong(total.group(1))) : OptionalLong.empty();
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
