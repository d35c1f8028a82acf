package com.example.workshop.local.checks;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 3: the visit counter. Every write goes to a tag unique to the run, so that checking a live stack
 * leaves its other counts alone.
 */
final class Stage3Checks {

    private static final int MAX_TAG_LENGTH = 64;
    static final int CONCURRENT_VISITS = 32;
    private static final String MARKUP = "<i>\"&'";
    private static final Pattern LINK = Pattern.compile("href=\"([^\"]*)\"");

    private final Target target;
    private final String tag;
    private final Supplier<Reply> firstVisit;

    Stage3Checks(Target target, String tag) {
        this.target = target;
        this.tag = tag;
        this.firstVisit = StageChecks.once(() -> target.get("tags/" + tag));
    }

    List<Check> checks() {
        return List.of(
                new Check("unknown tag counts 0", () -> Expectation.of(target.get("counts/" + tag))
                        .status(200)
                        .contentType("text/html")
                        .contains(countLine(tag, 0))
                        .outcome()),
                new Check("visit recorded", () -> Expectation.of(firstVisit.get())
                        .status(200)
                        .contentType("text/html")
                        .contains("YOUR VISIT COUNTS.")
                        .outcome()),
                new Check("visits counted", this::secondVisitCounted),
                new Check(CONCURRENT_VISITS + " concurrent visits counted exactly", this::concurrentVisitsCounted),
                new Check("link stays under the stage", this::linkToCounts),
                new Check("tag escaped in HTML", () -> Expectation.of(target.get("counts/" + segment(tag + MARKUP)))
                        .status(200)
                        .lacks("<i>")
                        .contains(countLine(tag + "&lt;i&gt;&quot;&amp;&#39;", 0))
                        .outcome()),
                new Check("too long tag refused, nothing written", this::tooLongTagWritesNothing));
    }

    /** The page that shows a tag's count: {@code The tag "x" has 2 total visits.} */
    static String countLine(String htmlTag, int count) {
        return "The tag \"" + htmlTag + "\" has " + count + " total visits.";
    }

    String tag() {
        return tag;
    }

    private Outcome secondVisitCounted() {
        firstVisit.get();
        Reply second = target.get("tags/" + tag);
        Reply counts = target.get("counts/" + tag);
        return Expectation.of(counts)
                .sent(second.request() + " (2nd visit), then " + counts.request())
                .that("the 2nd visit answered with status 200", second.answered() && second.status() == 200, second::summary)
                .status(200)
                .contains(countLine(tag, StageChecks.VISITS))
                .outcome();
    }

    /**
     * Visits at the same moment, each of which must be counted: a read-then-write counter loses some. Sent in two
     * bursts: while the first starts the function's execution environments, one warm environment may serve most of
     * it alone, one visit after the other; the second finds them all warm, and their visits overlap.
     */
    private Outcome concurrentVisitsCounted() {
        String many = tag + "-many";
        List<Reply> visits = new ArrayList<>(burst(many));
        visits.addAll(burst(many));
        Reply counts = target.get("counts/" + many);
        List<Reply> failed = visits.stream().filter(visit -> !visit.answered() || visit.status() != 200).toList();
        return Expectation.of(counts)
                .sent("2 x " + CONCURRENT_VISITS + " x GET " + target.resolve("tags/" + many).getRawPath()
                        + " at once, then " + counts.request())
                .that("every visit answered with status 200", failed.isEmpty(),
                        () -> failed.size() + " failed, e.g. " + failed.getFirst().summary())
                .status(200)
                .contains(countLine(many, 2 * CONCURRENT_VISITS))
                .outcome();
    }

    private List<Reply> burst(String visitedTag) {
        try (ExecutorService visitors = Executors.newFixedThreadPool(CONCURRENT_VISITS)) {
            List<Future<Reply>> pending = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_VISITS; i++) {
                pending.add(visitors.submit(() -> target.get("tags/" + visitedTag)));
            }
            return pending.stream().map(Stage3Checks::await).toList();
        }
    }

    private static Reply await(Future<Reply> reply) {
        try {
            return reply.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.unanswered("GET", "interrupted");
        } catch (ExecutionException e) {
            return Reply.unanswered("GET", e.getCause().toString());
        }
    }

    /** The page's link, resolved as a browser would against the page's URL, must lead to this stage's counts page. */
    private Outcome linkToCounts() {
        Reply visit = firstVisit.get();
        URI page = target.resolve("tags/" + tag);
        URI expected = target.resolve("counts/" + tag);
        Matcher link = LINK.matcher(visit.body());
        if (!link.find()) {
            return new Outcome(false, visit.request(), "a link to " + expected.getRawPath(), "no link in " + visit.excerpt());
        }
        URI resolved = page.resolve(link.group(1));
        Reply counts = target.get(resolved);
        return Expectation.of(counts)
                .sent(visit.request() + ", then its link href=\"" + link.group(1) + "\"")
                .that("a link to " + expected.getRawPath(), resolved.equals(expected), () -> "a link to " + resolved)
                .status(200)
                .contains("The tag \"" + tag + "\" has ")
                .outcome("a link to " + resolved.getRawPath() + ", status 200");
    }

    /** A tag one character too long is refused, not cut to 64 characters and counted. */
    private Outcome tooLongTagWritesNothing() {
        String tooLong = (tag + "-").repeat(MAX_TAG_LENGTH).substring(0, MAX_TAG_LENGTH + 1);
        String cut = tooLong.substring(0, MAX_TAG_LENGTH);
        Reply visit = target.get("tags/" + tooLong);
        Reply counts = target.get("counts/" + cut);
        return Expectation.of(visit)
                .sent(visit.request() + ", then " + counts.request())
                .status(400)
                .contentType("text/plain")
                .that("then " + countLine(cut, 0), counts.answered() && counts.body().contains(countLine(cut, 0)),
                        counts::summary)
                .outcome();
    }

    static Outcome refused(Reply reply) {
        return Expectation.of(reply).status(400).contentType("text/plain").outcome();
    }

    /** The tag as one encoded URL path segment. */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
