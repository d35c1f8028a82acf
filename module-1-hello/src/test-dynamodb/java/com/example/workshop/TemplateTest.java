package com.example.workshop;

import com.example.workshop.testing.TemplateChecks;
import org.junit.jupiter.api.Test;

/** The template's Handler names a compiled handler, and its routes are the ones the code serves. */
class TemplateTest {

    @Test
    void templateMatchesCode() {
        TemplateChecks.forModule(".")
                .route("GET", "/", "MainFunction")
                .assertAll();
    }
}
