package com.example.workshop.local.lambda;

import com.example.workshop.local.files.FileTrees;
import com.example.workshop.local.PackageLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real function JVMs: the first one trains the archive as it exits, the next maps it, a classpath change retrains. */
class ClassDataArchiveTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The platform's line, in its log: the function's log has no word about the archive. */
    private static final String STALE_LINE =
            "INFO class-data archive for EchoHandler is stale (classpath changed): training a new one";

    private final Path taskRoot = copyOfFixtures();
    private final Path archives = ClassDataArchive.directoryFor(taskRoot);
    private final CapturedLog log = new CapturedLog();
    private final PackageLog platformLog = new PackageLog("com.example.workshop.local.lambda");

    @AfterEach
    void stopCapturing() {
        platformLog.close();
    }

    @Test
    void theFirstEnvironmentTrainsAnArchiveThatTheNextOneStartsWith() throws Exception {
        JsonNode first = invokeOnceInANewPool(pid -> assertFalse(mapsAnArchive(pid)));
        Path archive = onlyArchive();

        JsonNode second = invokeOnceInANewPool(pid -> assertTrue(maps(pid, archive), "the second JVM maps " + archive));

        assertEquals(first.at("/input/n"), second.at("/input/n"));
        assertEquals("EchoHandler", second.get("functionName").asText());
        assertFalse(log.contains("[cds") || log.contains("CDS") || log.contains("class-data"), String.join("\n", log.lines()));
        assertEquals(List.of(), platformLog.lines(), "training the first archive goes without a word");
    }

    @Test
    void aChangedClasspathMakesTheArchiveStaleSoItIsIgnoredWithOneLineAndRetrained() throws Exception {
        invokeOnceInANewPool(pid -> { });
        Path old = onlyArchive();
        Path jar;
        try (Stream<Path> jars = Files.list(taskRoot.resolve("lib"))) {
            jar = jars.findFirst().orElseThrow();
        }
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));

        JsonNode answer = invokeOnceInANewPool(pid -> assertFalse(mapsAnArchive(pid), "the stale archive is not used"));

        assertEquals(1, answer.at("/input/n").asInt());
        assertEquals(1, platformLog.lines().stream().filter(STALE_LINE::equals).count(), platformLog.lines().toString());
        Path retrained = onlyArchive();
        assertNotEquals(old, retrained);
        invokeOnceInANewPool(pid -> assertTrue(maps(pid, retrained)));
        assertEquals(1, platformLog.lines().stream().filter(STALE_LINE::equals).count());
        assertFalse(log.contains("class-data"), String.join("\n", log.lines()));
    }

    /** Nothing but the invocation's own lines and what EchoHandler prints: no word from the JVM about the archive. */
    @Test
    void anUnusableArchiveIsIgnoredWithoutAWarningInTheFunctionLog() throws Exception {
        invokeOnceInANewPool(pid -> { });
        Files.writeString(onlyArchive(), "not an archive");

        JsonNode answer = invokeOnceInANewPool(pid -> assertFalse(mapsAnArchive(pid)));

        assertEquals(1, answer.at("/input/n").asInt());
        List<String> jvmLines = log.lines().stream()
                .filter(line -> !line.startsWith("START") && !line.startsWith("END") && !line.startsWith("REPORT")
                        && !line.startsWith("echoing") && !line.contains("logged at INFO through the context"))
                .toList();
        assertEquals(List.of(), jvmLines);
    }

    private interface PidCheck {
        void check(long pid) throws IOException;
    }

    /** One invocation in a pool of its own, checked while its environment still runs; closing the pool ends it. */
    private JsonNode invokeOnceInANewPool(PidCheck whileRunning) throws Exception {
        FunctionConfig config = new FunctionConfig("EchoHandler",
                "com.example.workshop.local.lambda.fixtures.EchoHandler::handleRequest", taskRoot, Map.of(),
                "eu-west-1", 256, 20);
        try (FunctionPool pool = new FunctionPool(config, 1, log)) {
            InvocationResult result = pool.invoke("{\"n\":1}");
            assertTrue(result.succeeded(), result.payload());
            JsonNode answer = JSON.readTree(result.payload());
            whileRunning.check(answer.get("pid").asLong());
            return answer;
        }
    }

    private Path onlyArchive() throws IOException {
        try (Stream<Path> files = Files.list(archives)) {
            List<Path> found = files.toList();
            assertEquals(1, found.size(), "archives: " + found);
            assertTrue(found.getFirst().getFileName().toString().matches("EchoHandler-[0-9a-f]{16}\\.jsa"), found.toString());
            return found.getFirst();
        }
    }

    private static boolean maps(long pid, Path archive) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(pid), "maps")).contains(archive.toString());
    }

    private boolean mapsAnArchive(long pid) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(pid), "maps")).contains(archives.toString());
    }

    private static Path copyOfFixtures() {
        Path from = FixtureTaskRoot.path();
        Path to = Path.of("target/class-data-test", UUID.randomUUID().toString(), "lambda").toAbsolutePath();
        FileTrees.copy(from, to);
        return to;
    }
}
