package com.example.workshop.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeadingsTest {

    @Test
    void slugsLikeGitHub() {
        assertEquals("try-it-locally-instead", Headings.slug("Try it (locally) instead"));
        assertEquals("task-timed-out-after-300-seconds", Headings.slug("`Task timed out after 3.00 seconds`"));
        assertEquals("step-2-the-samconfigtoml", Headings.slug("Step 2: the [samconfig.toml](x.md)"));
        assertEquals("accessdeniedexception", Headings.slug("AccessDeniedException"));
        assertEquals("build-and-deploy--module_1", Headings.slug("Build and deploy — module_1"));
    }
}
