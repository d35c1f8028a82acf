package com.example.workshop.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A learner's session is not a burst: one visit, then a pause to read the page, then more. The pause outlasts
 * the virtual-thread scheduler's keep-alive (30 s), after which idle carrier threads retire; whatever still
 * holds a carrier (a blocking read of a child's pipe, say) must not be all that is left.
 */
class IdleLearnerTest {

    /** The JDK's default scheduler retires a carrier thread idle for 30 s; this pause outlasts that. */
    private static final Duration LONGER_THAN_KEEP_ALIVE = Duration.ofSeconds(40);
    /** A cold start on a busy two-core machine can take 20 s; a frozen runtime never answers. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(90);
    private static final Duration STREAM_LAG = Duration.ofSeconds(60);
    @Test
    void everyRouteAndTheStreamStillAnswerAfterAnIdlePause(@TempDir Path folder) throws Exception {
        try (StageInItsOwnJvm stage = StageInItsOwnJvm.start("4", folder.resolve("dynamodb.db"),
                StageInItsOwnJvm.SMALLEST_SCHEDULER)) {
            assertEquals(200, get(stage, "tags/idle").statusCode(), stage.output());
            awaitTotal(stage, "idle", 1);

            Thread.sleep(LONGER_THAN_KEEP_ALIVE);

            assertEquals(200, get(stage, "").statusCode(), stage.output());
            assertEquals(200, get(stage, "tags/idle").statusCode(), stage.output());
            assertTrue(get(stage, "counts/idle").body().contains("The tag \"idle\" has 2 total visits."), stage.output());
            awaitTotal(stage, "idle", 2);
        }
    }

    private static HttpResponse<String> get(StageInItsOwnJvm stage, String path) {
        try {
            return stage.get(path, ANSWER_WITHIN);
        } catch (Exception e) {
            throw new AssertionError("GET /Prod/" + path + " got no answer within " + ANSWER_WITHIN + " (" + e
                    + "); the stage printed:\n" + stage.output(), e);
        }
    }

    /** The stream processor has counted {@code visits} visits in TotalViews. */
    private static void awaitTotal(StageInItsOwnJvm stage, String tag, int visits) throws InterruptedException {
        String expected = "You have " + visits + " visits across all pages.";
        Instant deadline = Instant.now().plus(STREAM_LAG);
        String page = get(stage, "counts/" + tag).body();
        while (!page.contains(expected) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            page = get(stage, "counts/" + tag).body();
        }
        assertTrue(page.contains(expected), "the stream total did not reach " + visits + " within " + STREAM_LAG
                + ": " + page + "\n" + stage.output());
    }
}
