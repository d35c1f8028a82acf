package com.example.workshop.local.cli;

import com.example.workshop.local.files.FileTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./workshop check N}: the finished stages pass every check, and copies of them broken as a learner might
 * break them each fail the check that catches it, with the line a learner would read.
 */
class CheckCommandTest {

    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    private static final String MODULE_3 = "module-3-counter";
    private static final String MODULE_4 = "module-4-streams";
    private static final String HANDLERS = "src/main/java/com/example/workshop/";

    @TempDir
    Path scratch;

    @ParameterizedTest
    @ValueSource(strings = {"module-1-hello", "module-2-table", MODULE_3, MODULE_4})
    void theFinishedStagesPassEveryCheck(String module) {
        int stage = Integer.parseInt(module.substring("module-".length(), "module-".length() + 1));
        Run run = check(stage, REPOSITORY.resolve(module));
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("0 failed"), run.output());
    }

    @Test
    void aCounterThatReadsThenPutsLosesConcurrentVisits() {
        Path copy = copyOf(MODULE_3);
        replace(copy.resolve(HANDLERS + "RecordVisitHandler.java"), """
                        dynamoDb.updateItem(request -> request
                                .tableName(tableName)
                                .key(Map.of("ID", AttributeValue.fromS(tag.value())))
                                .updateExpression("SET #count = if_not_exists(#count, :zero) + :inc")
                                .expressionAttributeNames(Map.of("#count", "Count"))
                                .expressionAttributeValues(Map.of(
                                        ":inc", AttributeValue.fromN("1"),
                                        ":zero", AttributeValue.fromN("0"))));
                """, """
                        Map<String, AttributeValue> key = Map.of("ID", AttributeValue.fromS(tag.value()));
                        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(tableName).key(key)).item();
                        long count = item.containsKey("Count") ? Long.parseLong(item.get("Count").n()) : 0;
                        dynamoDb.putItem(request -> request.tableName(tableName).item(Map.of(
                                "ID", AttributeValue.fromS(tag.value()), "Count", AttributeValue.fromN(Long.toString(count + 1)))));
                """);
        replace(copy.resolve("template.yaml"), "                - dynamodb:UpdateItem\n",
                "                - dynamodb:GetItem\n                - dynamodb:PutItem\n");
        Run run = check(3, copy, name -> name.startsWith("32 concurrent"));
        run.assertFails("32 concurrent visits counted exactly", "has 64 total visits.",
                "docs/module-3-counter.md#the-fixes-to-the-original");
    }

    @Test
    void aMissingPolicyAndATooWideOneAreFound() {
        Path copy = copyOf(MODULE_3);
        replace(copy.resolve("template.yaml"), """
                      Policies:
                        - Statement:
                            - Sid: DDBUpdateItemPolicy
                              Effect: Allow
                              Action:
                                - dynamodb:UpdateItem
                              Resource: !GetAtt DynamoDBTable.Arn
                """, "");
        replace(copy.resolve("template.yaml"), "- DynamoDBReadPolicy:", "- DynamoDBCrudPolicy:");
        Run run = check(3, copy);
        run.assertFails("policy: RecordVisitFunction allows its calls", "ACCESS DENIED for dynamodb:UpdateItem",
                "docs/module-3-counter.md#register-the-function-in-your-sam-template");
        run.assertFails("policy: ViewCountsFunction allows no more", "dynamodb:PutItem, which the code never calls",
                "docs/module-3-counter.md#register-the-function-in-your-sam-template");
    }

    /** Three mistakes in one copy, each caught by a check of its own, to build and deploy once. */
    @Test
    void aRawTagALinkThatWorksOnlyAtTheRootAndJsonInsteadOfHtmlAreFound() {
        Path copy = copyOf(MODULE_3);
        replace(copy.resolve(HANDLERS + "Html.java"), "return escaped.toString();", "return text;");
        replace(copy.resolve(HANDLERS + "RecordVisitHandler.java"), "href=\"../counts/%s\"", "href=\"/counts/%s\"");
        replace(copy.resolve(HANDLERS + "Html.java"), "\"text/html; charset=utf-8\"", "\"application/json\"");
        Run run = check(3, copy);
        run.assertFails("tag escaped in HTML", "a body with it: ", "docs/module-3-counter.md#the-fixes-to-the-original");
        run.assertFails("link stays under the stage", "a link to http://", "docs/module-3-counter.md#the-fixes-to-the-original");
        run.assertFails("visit recorded", "Content-Type application/json",
                "docs/module-3-counter.md#write-a-function-that-records-visits");
    }

    @Test
    void aStreamHandlerCountingRemoveIsFound() {
        Path copy = copyOf(MODULE_4);
        replace(copy.resolve(HANDLERS + "StreamChange.java"),
                "(eventName.equals(\"INSERT\") || eventName.equals(\"MODIFY\")) && !id", "!id");
        streamChecks(copy).assertFails("stream: counter and REMOVE records are not visits", "TotalViews 2 -> 4",
                "docs/module-4-streams.md#write-the-stream-processor");
    }

    @Test
    void aStreamHandlerCountingTheCounterIsFound() {
        Path copy = copyOf(MODULE_4);
        replace(copy.resolve(HANDLERS + "StreamChange.java"), " && !id.equals(Tag.COUNTER_KEY)", "");
        streamChecks(copy).assertFails("stream: counter and REMOVE records are not visits", "TotalViews ",
                "docs/module-4-streams.md#write-the-stream-processor");
    }

    @Test
    void aStreamHandlerWritingPlusZeroIsFound() {
        Path copy = copyOf(MODULE_4);
        replace(copy.resolve(HANDLERS + "StreamProcessorHandler.java"),
                "if (changes.stream().anyMatch(StreamChange::isVisit)) {", "if (!changes.isEmpty()) {");
        replace(copy.resolve(HANDLERS + "TotalViews.java"), "if (visits > 0) {", "if (visits >= 0) {");
        streamChecks(copy).assertFails("stream: a batch without visits writes nothing", "writes [dynamodb:UpdateItem]",
                "docs/module-4-streams.md#write-the-stream-processor");
    }

    private record Run(int exitCode, String output) {

        /** The check's line: a fail mark, what came back, and the section to reread. */
        void assertFails(String check, String got, String section) {
            assertEquals(1, exitCode, output);
            String line = output.lines().filter(l -> l.startsWith("FAIL  " + check + " |")).findFirst()
                    .orElseThrow(() -> new AssertionError("no failed check '" + check + "' in:\n" + output));
            assertTrue(line.contains(got) && line.endsWith(" | reread " + section),
                    () -> "expected '" + got + "' and " + section + " in:\n" + line);
        }
    }

    private static Run check(int stage, Path folder) {
        return check(stage, folder, name -> true);
    }

    /** Stage 4's checks of the stream function alone: the other functions' environments never start. */
    private static Run streamChecks(Path folder) {
        return check(4, folder, name -> name.startsWith("stream:"));
    }

    private static Run check(int stage, Path folder, Predicate<String> selected) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exitCode = CheckCommand.run(stage, folder, new PrintStream(bytes, true, StandardCharsets.UTF_8), selected);
        return new Run(exitCode, bytes.toString(StandardCharsets.UTF_8));
    }

    /** The module's sources, template and pom, without its build. */
    private Path copyOf(String module) {
        Path from = REPOSITORY.resolve(module);
        Path to = scratch.resolve(module);
        FileTrees.copy(from, to, FileTrees.WITHOUT_BUILD);
        return to;
    }

    private static void replace(Path file, String old, String replacement) {
        try {
            String text = Files.readString(file);
            assertTrue(text.contains(old), () -> file + " no longer has: " + old);
            Files.writeString(file, text.replace(old, replacement));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
