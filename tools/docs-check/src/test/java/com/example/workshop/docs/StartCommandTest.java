package com.example.workshop.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./workshop start}: the learner's project, run as a learner runs it. */
class StartCommandTest {

    private static final Path ROOT = DocsTest.REPO_ROOT;

    @TempDir
    Path workspace;

    @Test
    void startsModuleOneWithTheBuildTheWrapperAndTheTemplatesFirstLines() throws Exception {
        Path folder = workspace.resolve("my-workshop");

        Result start = run(ROOT, "./workshop", "start", folder.toString());

        assertEquals(0, start.exitCode(), start.output());
        assertEquals(List.of("AWSTemplateFormatVersion: \"2010-09-09\"", "Transform: AWS::Serverless-2016-10-31"),
                Files.readAllLines(folder.resolve("template.yaml")));
        String pom = Files.readString(folder.resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>my-workshop</artifactId>"), pom);
        assertTrue(pom.contains("<artifactId>aws-lambda-java-events</artifactId>"), pom);
        assertFalse(pom.contains("<profiles>"), "the repository's own test profile stays in the repository");
        assertTrue(Files.isExecutable(folder.resolve("mvnw")));
        assertEquals(Files.readString(ROOT.resolve("module-1-hello/.mvn/wrapper/maven-wrapper.properties")),
                Files.readString(folder.resolve(".mvn/wrapper/maven-wrapper.properties")));
        try (Stream<Path> handlers = Files.list(folder.resolve("src/main/java/com/example/workshop"))) {
            assertEquals(0, handlers.count(), "the package folder waits for the learner's handlers");
        }
    }

    @Test
    void refusesToOverwriteALearnersFileAndSaysWhichAndWhereElseToStart() throws Exception {
        Path folder = workspace.resolve("my-workshop");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("template.yaml"), "my own work\n");

        Result start = run(ROOT, "./workshop", "start", folder.toString());

        assertEquals(1, start.exitCode(), start.output());
        assertTrue(start.output().contains("already has files it would overwrite; nothing was written:\n  template.yaml\n"),
                start.output());
        assertTrue(start.output().contains("./workshop start other-folder"), start.output());
        assertEquals("my own work\n", Files.readString(folder.resolve("template.yaml")));
        assertFalse(Files.exists(folder.resolve("pom.xml")), "nothing was written");
    }

    @Test
    void fromAModuleCopiesTheFinishedStageAndItBuilds() throws Exception {
        Path folder = workspace.resolve("catch-up");

        Result start = run(ROOT, "./workshop", "start", folder.toString(), "--from", "3");

        assertEquals(0, start.exitCode(), start.output());
        for (String file : List.of("template.yaml", "events/get-tag.json", "src/main/java/com/example/workshop/Tag.java")) {
            assertEquals(Files.readString(ROOT.resolve("module-3-counter").resolve(file)), Files.readString(folder.resolve(file)), file);
        }
        assertFalse(Files.exists(folder.resolve("src/test")), "a learner's folder holds what the guides write");
        Result build = run(folder, "mvn", "-B", "-q", "-f", folder.resolve("pom.xml").toString(), "package", "-DskipTests");
        assertEquals(0, build.exitCode(), build.output());
        assertTrue(Files.exists(folder.resolve("target/my-workshop-1.0.0.jar")));
    }

    @Test
    void aModuleThatDoesNotExistIsAUsageError() throws Exception {
        Result start = run(ROOT, "./workshop", "start", workspace.resolve("x").toString(), "--from", "9");

        assertEquals(2, start.exitCode(), start.output());
        assertTrue(start.output().contains("no module '9'"), start.output());
        assertFalse(Files.exists(workspace.resolve("x")));
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path directory, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "still running: " + String.join(" ", command));
        return new Result(process.exitValue(), output);
    }
}
