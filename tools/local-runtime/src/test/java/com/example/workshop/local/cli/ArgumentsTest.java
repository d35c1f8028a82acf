package com.example.workshop.local.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgumentsTest {

    @Test
    void checkTakesAStageAndTheLearnersFolderByDefault() {
        assertEquals("my-workshop", Arguments.parse("check", "3").folder());
        Arguments check = Arguments.parse("check", "4", "elsewhere");
        assertEquals("4", check.stage());
        assertEquals("elsewhere", check.folder());
        assertThrows(UsageException.class, () -> Arguments.parse("check"));
    }

    @Test
    void runTakesAStageAndOptions() {
        Arguments run = Arguments.parse("run", "4", "--port", "8080", "--fresh");

        assertEquals("run", run.command());
        assertEquals("4", run.stage());
        assertEquals(8080, run.port());
        assertTrue(run.fresh());
    }

    @Test
    void watchIsAnOptionOfRunAlone() {
        assertTrue(Arguments.parse("run", "my-workshop", "--watch").watch());
        assertEquals(false, Arguments.parse("run", "my-workshop").watch());
        UsageException invoke = assertThrows(UsageException.class,
                () -> Arguments.parse("invoke", "3", "MainFunction", "--watch"));
        assertEquals("--watch is an option of run", invoke.getMessage());
    }

    @Test
    void invokeTakesAStageAFunctionAndAnEvent() {
        Arguments invoke = Arguments.parse("invoke", "3", "RecordVisitFunction", "--event", "events/x.json");

        assertEquals("RecordVisitFunction", invoke.functionLogicalId());
        assertEquals(Path.of("events/x.json"), invoke.eventFile());
        assertEquals(Arguments.DEFAULT_PORT, invoke.port());
    }

    @Test
    void smokeTakesAUrlAStageAndAWait() {
        Arguments smoke = Arguments.parse("smoke", "https://abc.execute-api.eu-west-1.amazonaws.com/Prod/", "--stage", "4",
                "--wait", "90");

        assertEquals("https://abc.execute-api.eu-west-1.amazonaws.com/Prod/", smoke.url());
        assertEquals("4", smoke.stage());
        assertEquals(90, smoke.waitSeconds());
        assertEquals(Arguments.DEFAULT_WAIT_SECONDS, Arguments.parse("smoke", "http://x/", "--stage", "1").waitSeconds());
    }

    @Test
    void mistakesAreExplained() {
        assertEquals("--port must be a number, got 'abc'",
                assertThrows(UsageException.class, () -> Arguments.parse("run", "1", "--port", "abc")).getMessage());
        assertEquals("invoke takes 2 argument(s), got 1: [3]",
                assertThrows(UsageException.class, () -> Arguments.parse("invoke", "3")).getMessage());
        assertEquals("smoke needs --stage <1-4>: the stage deployed at http://x/",
                assertThrows(UsageException.class, () -> Arguments.parse("smoke", "http://x/")).getMessage());
        assertEquals("--stage is an option of smoke; run takes the stage as its argument",
                assertThrows(UsageException.class, () -> Arguments.parse("run", "1", "--stage", "1")).getMessage());
        assertEquals("unknown option --prot",
                assertThrows(UsageException.class, () -> Arguments.parse("run", "1", "--prot", "1")).getMessage());
    }

    @Test
    void helpIsACommandAndAnOptionAnywhere() {
        assertEquals(Arguments.HELP, Arguments.parse("help").command());
        assertEquals(Arguments.HELP, Arguments.parse("--help").command());
        assertEquals(Arguments.HELP, Arguments.parse("run", "4", "-h").command());
    }

    @Test
    void anUnreadableFileIsExplainedByItsReasonNotItsPathAgain() {
        assertEquals("no such file", Main.reason(new NoSuchFileException("/x.json")));
        assertEquals("permission denied", Main.reason(new AccessDeniedException("/x.json")));
        assertEquals("Is a directory", Main.reason(new IOException("Is a directory")));
    }
}
