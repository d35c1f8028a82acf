package com.example.workshop.local.checks;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sections a failed check tells learners to reread exist, under the heading slugs GitHub gives them. */
class GuideSectionsTest {

    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void everySectionNamedIsAHeadingOfItsGuide() throws IOException {
        for (String section : GuideSections.all()) {
            String[] fileAndAnchor = section.split("#", 2);
            List<String> anchors = Files.readAllLines(REPOSITORY.resolve(fileAndAnchor[0])).stream()
                    .filter(line -> line.startsWith("#"))
                    .map(GuideSectionsTest::slug)
                    .toList();
            assertTrue(anchors.contains(fileAndAnchor[1]), () -> section + " is no heading; there are " + anchors);
        }
    }

    @Test
    void aCheckOfALaterStageSendsToTheGuideThatTaughtIt() {
        assertEquals("docs/module-3-counter.md#the-fixes-to-the-original", GuideSections.forCheck(4, "tag escaped in HTML"));
        assertEquals("docs/module-4-streams.md#register-the-stream-processor",
                GuideSections.forCheck(4, "policy: StreamProcessorFunction allows its calls"));
        assertEquals("docs/module-2-table.md#grant-the-function-access-to-the-table",
                GuideSections.forCheck(3, "policy: MainFunction allows no more"));
    }

    /** GitHub's: lower case, punctuation dropped, spaces to hyphens. */
    private static String slug(String heading) {
        return heading.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
