package com.example.workshop.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check fails when a guide and the code disagree, on a copy of this repository changed one way at a time. */
class DocsCheckTest {

    private static final String HANDLER = "module-1-hello/src/main/java/com/example/workshop/MainHandler.java";

    @TempDir
    Path copy;

    @Test
    void failsWhenAHandlerChangesAndWriteBringsTheGuideBack() throws IOException {
        copyRepository();
        List<Problem> before = new DocsCheck(copy).check();
        replaceIn(HANDLER, "\"Hello, world!\"", "\"Hello, Java!\"");

        List<Problem> problems = new DocsCheck(copy).check();

        assertTrue(problems.stream().anyMatch(p -> p.doc().equals("docs/module-1-hello.md")
                && p.message().contains("differs from its source")), problems::toString);

        assertTrue(new DocsCheck(copy).write().contains("docs/module-1-hello.md"));
        assertEquals(before, new DocsCheck(copy).check());
        assertTrue(Files.readString(copy.resolve("docs/module-1-hello.md")).contains("\"Hello, Java!\""));
    }

    @Test
    void failsOnABrokenLinkAnAnchorAndAMissingFunction() throws IOException {
        copyRepository();
        Files.writeString(copy.resolve("docs/broken.md"), """
                # Broken

                See [module 1](module-1-hello.md#no-such-heading) and [nothing](no-such-file.md).

                ```bash run
                ./workshop invoke 1 NoSuchFunction --event events/module-1-hello/get-root.json
                ```
                """);

        List<String> messages = new DocsCheck(copy).check().stream()
                .filter(p -> p.doc().equals("docs/broken.md")).map(Problem::message).toList();

        assertTrue(messages.stream().anyMatch(m -> m.contains("missing heading")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("missing file")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("'NoSuchFunction'")), messages::toString);
    }

    @Test
    void failsOnAwsCommandsNamingWhatTheTemplatesDoNotHave() throws IOException {
        copyRepository();
        Files.writeString(copy.resolve("docs/aws.md"), """
                # AWS

                ```bash
                aws cloudformation describe-stacks --stack-name other-stack \\
                  --query "Stacks[0].Outputs[?OutputKey=='ApiUrl'].OutputValue" --output text
                aws cloudformation describe-stack-resource --stack-name lambda-ddb-workshop \\
                  --logical-resource-id NoSuchFunction
                ```
                """);

        List<String> messages = new DocsCheck(copy).check().stream().map(Problem::message).toList();

        assertTrue(messages.stream().anyMatch(m -> m.startsWith("no output key 'ApiUrl'")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("no logical ID 'NoSuchFunction'")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("several stack names")), messages::toString);
    }

    @Test
    void failsOnJavaNotTakenFromTheCodeAndOnOfflineCommandsNotRun() throws IOException {
        copyRepository();
        Files.writeString(copy.resolve("docs/handwritten.md"), """
                # Handwritten

                ```java
                class Typed {}
                ```

                ```bash
                ls module-1-hello
                ```
                """);

        List<String> messages = new DocsCheck(copy).check().stream()
                .filter(p -> p.doc().equals("docs/handwritten.md")).map(Problem::message).toList();

        assertEquals(2, messages.size(), messages::toString);
        assertTrue(messages.get(0).contains("must come from the code"));
        assertTrue(messages.get(1).contains("mark it ```bash run"));
    }

    @Test
    void failsOnALearnerStepThatDoesNotShowTheGuidesStage() throws IOException {
        copyRepository();
        replaceIn("docs/module-2-table.md", """
                <!-- learner-file: src/main/java/com/example/workshop/DynamoDb.java -->
                <!-- snippet: module-2-table/src/main/java/com/example/workshop/DynamoDb.java -->""", """
                <!-- learner-file: src/main/java/com/example/workshop/DynamoDb.java -->
                <!-- snippet: module-3-counter/src/main/java/com/example/workshop/DynamoDb.java -->""");
        replaceIn("docs/module-2-table.md", "<!-- learner-file: template.yaml#Outputs -->\n", "<!-- learner-file: template.yaml#Outputs -->\n\n");

        List<String> messages = new DocsCheck(copy).check().stream()
                .filter(p -> p.doc().equals("docs/module-2-table.md")).map(Problem::message).toList();

        assertEquals(2, messages.size(), messages::toString);
        assertTrue(messages.get(0).contains("shows that file of this guide's stage: <!-- snippet: module-2-table/src/main"),
                messages::toString);
        assertTrue(messages.get(1).contains("a learner step goes right above a block's snippet or diff marker"),
                messages::toString);
    }

    @Test
    void failsOnABashSyntaxErrorAtItsBlock() throws IOException {
        copyRepository();
        Files.writeString(copy.resolve("docs/syntax.md"), """
                # Syntax

                ```bash
                sam deploy
                ```

                ```bash
                if true; then sam build
                ```
                """);

        List<Problem> problems = new DocsCheck(copy).check().stream()
                .filter(p -> p.doc().equals("docs/syntax.md")).toList();

        assertEquals(1, problems.size(), problems::toString);
        assertEquals(7, problems.getFirst().line());
        assertTrue(problems.getFirst().message().startsWith("bash syntax error"), problems::toString);
    }

    private void copyRepository() throws IOException {
        RepositoryCopy.copyTo(copy);
    }

    private void replaceIn(String path, String from, String to) throws IOException {
        RepositoryCopy.replaceIn(copy, path, from, to);
    }
}
