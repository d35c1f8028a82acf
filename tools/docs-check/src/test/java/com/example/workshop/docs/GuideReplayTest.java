package com.example.workshop.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hands-on path: a learner who starts with ./workshop start and does what the module guides say, step by step,
 * has each finished stage after its guide. The guides' servers and requests run in `tools/docs-check/run commands`.
 */
class GuideReplayTest {

    @TempDir
    Path workspace;

    @Test
    void aLearnerWhoFollowsTheGuidesEndsWithEachFinishedStage() {
        List<String> failures = GuideReplay.replayFileSteps(DocsTest.REPO_ROOT, workspace);

        assertEquals(List.of(), failures, () -> String.join("\n", failures));
    }

    @Test
    void aStepTheGuideDoesNotGiveLeavesTheLearnerShortOfTheStage(@TempDir Path copy) throws IOException {
        RepositoryCopy.copyTo(copy);
        RepositoryCopy.replaceIn(copy, "docs/module-2-table.md",
                "<!-- learner-file: src/main/java/com/example/workshop/TableJson.java -->\n", "");

        List<String> failures = GuideReplay.replayFileSteps(copy, workspace);

        assertEquals(1, failures.size(), () -> String.join("\n", failures));
        assertTrue(failures.getFirst().startsWith("docs/module-2-table.md: a learner who follows docs/module-2-table.md"
                + " does not end with module-2-table"), failures::getFirst);
        assertTrue(failures.getFirst().contains("src/main/java/com/example/workshop/TableJson.java: missing"),
                failures::getFirst);
    }

    @Test
    void aChangeThatDoesNotFitTheLearnersFileSaysWhich(@TempDir Path copy) throws IOException {
        RepositoryCopy.copyTo(copy);
        String guide = Files.readString(copy.resolve("docs/module-4-streams.md"));
        int step = guide.indexOf("<!-- learner-diff: src/main/java/com/example/workshop/Tag.java -->");
        String tagChange = guide.substring(step, guide.indexOf("```\n", guide.indexOf("```diff", step) + 1) + 4);
        Files.writeString(copy.resolve("docs/module-4-streams.md"), guide.replace(tagChange, tagChange + "\nAgain:\n\n" + tagChange));

        List<String> failures = GuideReplay.replayFileSteps(copy, workspace);

        assertTrue(failures.stream().anyMatch(failure -> failure.contains("learner-diff: src/main/java/com/example/workshop/Tag.java")
                && failure.contains("the change does not apply")), () -> String.join("\n", failures));
    }
}
