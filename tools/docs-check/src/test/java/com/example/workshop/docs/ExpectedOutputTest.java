package com.example.workshop.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpectedOutputTest {

    private static final String ACTUAL = """
            <h1>The tag "technology" has 1 total visits.</h1>
            <h2>You have 2 visits across all pages.</h2>
            """;

    @Test
    void acceptsPartsOfLinesInOrderSkippingEllipses() {
        assertEquals(Optional.empty(), ExpectedOutput.firstMissingLine("""
                has 1 total visits.
                ...
                    <h2>You have 2 visits
                """, ACTUAL));
    }

    @Test
    void namesTheFirstLineMissingOrOutOfOrder() {
        assertEquals(Optional.of("has 1 total visits."), ExpectedOutput.firstMissingLine("""
                You have 2 visits
                has 1 total visits.
                """, ACTUAL));
    }
}
