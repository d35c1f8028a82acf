package com.example.workshop.local.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The black-box checks of each stage over HTTP, against any base URL: what {@code ./workshop smoke} runs against a
 * deployed stack, and what the end-to-end tests run against {@code ./workshop run N}. One source for both.
 */
public final class StageChecks {

    public static final int STAGES = 4;
    /** How long stage 4's total may take to catch up with the visits; Lambda polls a stream about every second. */
    public static final Duration DEFAULT_STREAM_WAIT = Duration.ofSeconds(60);
    /** The visits that the checks of stage 3 or 4 make, all of one tag; stage 4's total must rise by as many. */
    public static final int VISITS = 2;

    private StageChecks() {
    }

    /** The checks of stage {@code stage} (1 to 4), in the order they must run, with a tag unique to this run. */
    public static List<Check> forStage(int stage, Target target, Duration streamWait) {
        String tag = newRunTag();
        List<Check> checks = switch (stage) {
            case 1 -> Stage1Checks.checks(target, tag);
            case 2 -> Stage2Checks.checks(target);
            case 3 -> concat(Stage2Checks.checks(target), new Stage3Checks(target, tag).checks());
            case 4 -> new Stage4Checks(target, tag, streamWait).checks();
            default -> throw new IllegalArgumentException("there are stages 1 to " + STAGES + ", not " + stage);
        };
        return concat(checks, List.of(unknownRoute(target, tag)));
    }

    /** Runs the checks in order, handing each result to {@code onResult} as soon as it is known. */
    public static CheckReport run(List<Check> checks, Consumer<CheckResult> onResult) {
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) {
            CheckResult result = check.run();
            results.add(result);
            onResult.accept(result);
        }
        return new CheckReport(List.copyOf(results));
    }

    /** {@code GET /} of every stage answers "Hello, world!" in JSON. */
    static Check hello(Supplier<Reply> reply) {
        return new Check("hello", () -> Expectation.of(reply.get())
                .status(200)
                .json("/message", "\"Hello, world!\"")
                .outcome());
    }

    /** API Gateway's answer to a path no route matches, which a server that answers everything does not give. */
    private static Check unknownRoute(Target target, String tag) {
        return new Check("unknown route is API Gateway's 403", () -> Expectation.of(target.get("no-such-route-" + tag))
                .status(403)
                .contains("Missing Authentication Token")
                .outcome());
    }

    /** e.g. {@code smoke-09f3a2c1}: a valid tag, new at each run. */
    static String newRunTag() {
        return "smoke-%08x".formatted(ThreadLocalRandom.current().nextInt());
    }

    /**
     * A supplier that asks {@code source} once, at its first use, so that several checks can read one reply.
     * Checks run one after the other, on one thread.
     */
    static <T> Supplier<T> once(Supplier<T> source) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = source.get();
                }
                return value;
            }
        };
    }

    @SafeVarargs
    static List<Check> concat(List<Check>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
