package com.example.workshop.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** `./workshop run` keeps the tables' data in a file: stopping and starting again loses no visit. */
class Stage3RestartTest {

    @Test
    void visitsSurviveARestart(@TempDir Path folder) {
        Path database = folder.resolve("dynamodb.db");
        try (RunningStage first = RunningStage.start("3", database)) {
            first.get("/Prod/tags/kept");
            first.get("/Prod/tags/kept");
        }

        try (RunningStage second = RunningStage.start("3", database)) {
            String counts = second.get("/Prod/counts/kept").body();
            assertTrue(counts.contains("The tag \"kept\" has 2 total visits."), counts);
        }
    }
}
