package com.example.workshop.local.watch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the watch sees of a stage's files: bursts of saves as one change, new folders, and nothing else. */
class ChangePollerTest {

    @Test
    void aBurstOfSavesIsOneChange(@TempDir Path stage) throws Exception {
        Path handler = write(stage.resolve("src/main/java/Handler.java"), "class Handler {}");
        try (Watched watched = Watched.start(stage)) {
            for (int i = 0; i < 5; i++) {
                write(handler, "class Handler { int version = " + i + "; }");
            }

            Change change = watched.next();
            assertEquals(Set.of(handler), change.files());
            assertTrue(change.sources() && !change.template() && !change.pom());
            assertEquals("Handler.java changed", change.describe());
            assertNull(watched.changes().poll(ChangePoller.INTERVAL.toMillis() * 3, TimeUnit.MILLISECONDS),
                    "the burst was handed on once");
        }
    }

    @Test
    void aFileInAFolderCreatedSinceIsSeenAndSoIsTheTemplate(@TempDir Path stage) throws Exception {
        write(stage.resolve("template.yaml"), "Resources: {}");
        try (Watched watched = Watched.start(stage)) {
            Path added = write(stage.resolve("src/main/resources/config/settings.json"), "{}");
            assertEquals(Set.of(added), watched.next().files());

            write(stage.resolve("template.yaml"), "Resources: {} # edited");
            Change change = watched.next();
            assertTrue(change.template() && !change.sources(), change.toString());
        }
    }

    @Test
    void filesBesideTheSourcesAreNotWatched(@TempDir Path stage) throws Exception {
        write(stage.resolve("template.yaml"), "Resources: {}");
        try (Watched watched = Watched.start(stage)) {
            write(stage.resolve("target/lambda/Handler.class"), "built");
            write(stage.resolve("src/test/java/HandlerTest.java"), "class HandlerTest {}");
            write(stage.resolve("pom.xml"), "<project/>");

            assertEquals(Set.of(stage.resolve("pom.xml")), watched.next().files(), "only pom.xml of the three");
        }
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /** A poller on the stage whose changes queue up, started once it has seen the files. */
    private record Watched(ChangePoller poller, LinkedBlockingQueue<Change> changes) implements AutoCloseable {

        static Watched start(Path stage) throws InterruptedException {
            LinkedBlockingQueue<Change> changes = new LinkedBlockingQueue<>();
            CountDownLatch looking = new CountDownLatch(1);
            ChangePoller poller = ChangePoller.start(stage, looking::countDown, changes::add);
            looking.await();
            return new Watched(poller, changes);
        }

        Change next() throws InterruptedException {
            Change change = changes.poll(30, TimeUnit.SECONDS);
            assertNotNull(change, "no change seen");
            return change;
        }

        @Override
        public void close() {
            poller.close();
        }
    }
}
