package com.example.workshop.e2e;

import com.example.workshop.local.files.FileTrees;
import com.example.workshop.local.PackageLog;
import com.example.workshop.local.deploy.LocalDeployment;
import com.example.workshop.local.deploy.Stage;
import com.example.workshop.local.lambda.CapturedLog;
import com.example.workshop.local.watch.WatchMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code ./workshop run <folder> --watch} on a copy of stage 3: a saved handler line is served with the counts kept,
 * a change that does not compile, or a template that is not valid, is reported while the last good version keeps
 * serving, and a table the template adds is created beside the kept ones.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WatchModeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HANDLER = "src/main/java/com/example/workshop/RecordVisitHandler.java";

    private static Path folder;
    private static LocalDeployment deployment;
    private static WatchMode watch;
    /** What watch mode says: one line per reload, or why a change is not served. */
    private static final PackageLog watchLog = new PackageLog("com.example.workshop.local.watch");
    private static int visits;

    @BeforeAll
    static void start() throws IOException {
        folder = Files.createTempDirectory("watch-").resolve("module-3-counter");
        // the stage's files, with their times, and its build if it has one; not its local data
        FileTrees.copy(RunningStage.REPOSITORY.resolve("module-3-counter"), folder,
                relative -> !relative.startsWith("target") || relative.equals(Path.of("target"))
                        || relative.startsWith("target/lambda"));
        LocalDeployment.Options options = new LocalDeployment.Options(null, 0, true, 2, new CapturedLog());
        deployment = LocalDeployment.start(Stage.resolve(RunningStage.REPOSITORY, folder.toString()), options);
        watch = WatchMode.start(deployment);
    }

    @AfterAll
    static void stop() {
        watch.close();
        deployment.close();
        FileTrees.delete(folder.getParent());
    }

    @Test
    @Order(1)
    void aSavedHandlerLineIsServedAndTheCountsAreKept() throws IOException {
        assertTrue(visit().contains("YOUR VISIT COUNTS."));
        int printed = output().size();

        edit(HANDLER, "YOUR VISIT COUNTS.", "YOUR VISIT WAS COUNTED.");

        awaitServed("YOUR VISIT WAS COUNTED.");
        String reload = awaitLine(printed, line -> line.startsWith("Reloaded in "));
        assertTrue(reload.matches("Reloaded in \\d+\\.\\d s: RecordVisitHandler\\.java changed; MainFunction, "
                + "RecordVisitFunction, ViewCountsFunction serve the new code"), reload);
        assertTrue(get("/Prod/counts/watched").contains("has " + visits + " total visits."),
                "the visits counted by the old code and the new");
    }

    @Test
    @Order(2)
    void codeThatDoesNotCompileIsReportedWithItsLineAndTheLastGoodVersionServes() throws IOException {
        int line = lineOf(HANDLER, "recordVisit(tag);");
        int printed = output().size();
        edit(HANDLER, "recordVisit(tag);", "recordVisit(tag)");

        String report = awaitLine(printed, text -> text.contains("does not compile"));
        assertTrue(report.startsWith("RecordVisitHandler.java changed, but does not compile; the last good version "
                + "keeps serving:\n  " + HANDLER + ":" + line + ": error: ';' expected"), report);
        assertTrue(!report.contains("\tat "), "no stack trace: " + report);
        assertTrue(visit().contains("YOUR VISIT WAS COUNTED."));

        edit(HANDLER, "recordVisit(tag)\n", "recordVisit(tag);\n");
        edit(HANDLER, "YOUR VISIT WAS COUNTED.", "YOUR VISIT IS COUNTED AGAIN.");
        awaitServed("YOUR VISIT IS COUNTED AGAIN.");
    }

    @Test
    @Order(3)
    void anInvalidTemplateIsReportedNamingThePropertyAndTheLastGoodVersionServes() throws IOException {
        int printed = output().size();
        edit("template.yaml", "    MemorySize: 512", "    MemorySize: lots");

        String report = awaitLine(printed, text -> text.contains("is not a valid template"));
        assertTrue(report.startsWith("template.yaml changed, but it is not a valid template; the last good version "
                + "keeps serving:\n  "), report);
        assertTrue(report.contains("MemorySize"), report);
        assertTrue(!report.contains("\tat "), "no stack trace: " + report);
        assertTrue(visit().contains("YOUR VISIT IS COUNTED AGAIN."));
    }

    @Test
    @Order(4)
    void aTableTheTemplateAddsIsCreatedAndTheDataIsKept() throws IOException {
        int printed = output().size();
        String table = """
                  VisitLogTable:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      AttributeDefinitions:
                        - AttributeName: ID
                          AttributeType: S
                      KeySchema:
                        - AttributeName: ID
                          KeyType: HASH
                      BillingMode: PAY_PER_REQUEST

                """;
        edit("template.yaml", "    MemorySize: lots", "    MemorySize: 512");
        edit("template.yaml", "\nOutputs:", "\n" + table + "Outputs:");

        String reload = awaitLine(printed, line -> line.startsWith("Reloaded in "));
        assertTrue(reload.endsWith(": template.yaml changed; MainFunction, RecordVisitFunction, ViewCountsFunction "
                + "serve the new template"), reload);
        String name = deployment.tables().get("VisitLogTable").name();
        assertEquals(name, deployment.dynamoDb().client().describeTable(request -> request.tableName(name))
                .table().tableName());
        assertTrue(visit().contains("YOUR VISIT IS COUNTED AGAIN."));
        assertTrue(get("/Prod/counts/watched").contains("has " + visits + " total visits."));
    }

    @Test
    @Order(5)
    void aPomThatDoesNotBuildLeavesTheLastGoodBuildInPlace() throws IOException {
        int printed = output().size();
        edit("pom.xml", "</dependencies>", "</dependencies><oops>");

        String report = awaitLine(printed, text -> text.startsWith("pom.xml changed, but"));
        assertTrue(report.contains("the last good version keeps serving"), report);
        // a new execution environment (a second visitor, a replaced one) starts from this task root
        Path taskRoot = folder.resolve("target/lambda");
        try (var jars = Files.list(taskRoot.resolve("lib"))) {
            assertTrue(jars.anyMatch(jar -> jar.getFileName().toString().contains("dynamodb")),
                    "the last good build's dependencies are still in " + taskRoot);
        }
        assertTrue(Files.exists(taskRoot.resolve("com/example/workshop/RecordVisitHandler.class")));
        assertTrue(visit().contains("YOUR VISIT IS COUNTED AGAIN."));

        printed = output().size();
        edit("pom.xml", "</dependencies><oops>", "</dependencies>");
        awaitLine(printed, line -> line.startsWith("Reloaded in "));
        assertTrue(visit().contains("YOUR VISIT IS COUNTED AGAIN."));
    }

    /** The watch log's messages, without their level. */
    private static List<String> output() {
        return watchLog.lines().stream().map(line -> line.substring(line.indexOf(' ') + 1)).toList();
    }

    /** A visit of the tag the tests count. */
    private static String visit() {
        visits++;
        return get("/Prod/tags/watched");
    }

    private static void awaitServed(String text) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (visit().contains(text)) {
                return;
            }
            pause();
        }
        fail("not served within " + PATIENCE + ": " + text + "; output:\n" + String.join("\n", output()));
    }

    /** The first line printed since {@code from} lines were that matches. */
    private static String awaitLine(int from, Predicate<String> wanted) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> lines = output();
            for (String line : lines.subList(Math.min(from, lines.size()), lines.size())) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            pause();
        }
        return fail("no such line within " + PATIENCE + "; output:\n" + String.join("\n", output()));
    }

    private static String get(String path) {
        try {
            URI uri = URI.create("http://127.0.0.1:" + deployment.api().port() + path);
            var response = HTTP.send(HttpRequest.newBuilder(uri).build(), BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void edit(String file, String from, String to) throws IOException {
        Path path = folder.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), file + " has " + from);
        Files.writeString(path, text.replace(from, to));
    }

    private static int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        return fail(file + " has no " + text);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
