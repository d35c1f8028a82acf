package com.example.workshop.testing;

import com.example.workshop.local.template.ApiEvent;
import com.example.workshop.local.template.DeployedTable;
import com.example.workshop.local.template.FunctionResource;
import com.example.workshop.local.template.ResolvedPolicy;
import com.example.workshop.local.template.Resolver;
import com.example.workshop.local.template.SamTemplate;
import com.example.workshop.local.template.StackFacts;
import com.example.workshop.testing.DynamoDbCallRecorder.DynamoDbCall;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a stage's template and its code agree, as only a deployment would otherwise show:
 *
 * <pre>{@code
 * TemplateChecks.forModule(".")
 *         .route("GET", "/", "MainFunction")
 *         .route("GET", "/tags/{tag}", "RecordVisitFunction")
 *         .pageLinks("/tags/java", page.getBody())
 *         .dynamoDbCalls("RecordVisitFunction", recorder, dynamo)
 *         .assertAll();
 * }</pre>
 *
 * {@link #assertAll} fails, listing every problem, when a Handler names no compiled class or no public
 * {@code method(event, Context)}; when the template's routes are not exactly the declared ones; when a route's
 * path parameter is a string the module's code never contains; when a link of a page leads to no route; or when
 * a recorded DynamoDB call is not allowed by the function's policy.
 */
public final class TemplateChecks {

    private static final String CONTEXT_TYPE = "com.amazonaws.services.lambda.runtime.Context";
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    private static final String STAGE = "/Prod";

    private final SamTemplate template;
    private final Path classesDirectory;
    private final Set<String> declaredRoutes = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();

    private TemplateChecks(SamTemplate template, Path classesDirectory) {
        this.template = template;
        this.classesDirectory = classesDirectory;
    }

    /** The module's {@code template.yaml}, with handlers compiled under each CodeUri's {@code target/classes}. */
    public static TemplateChecks forModule(String moduleDirectory) {
        return new TemplateChecks(SamTemplate.load(Path.of(moduleDirectory, "template.yaml").normalize()), null);
    }

    /** A template whose handlers are compiled into {@code classesDirectory}. */
    public static TemplateChecks forTemplate(Path template, Path classesDirectory) {
        return new TemplateChecks(SamTemplate.load(template), classesDirectory);
    }

    /**
     * Declares a route the code serves. Write the path with the names the handler reads, ideally from the
     * handler's own constants ({@code "/tags/{" + RecordVisitHandler.TAG + "}"}).
     */
    public TemplateChecks route(String method, String path, String functionLogicalId) {
        declaredRoutes.add(routeKey(method.toUpperCase(), path, functionLogicalId));
        return this;
    }

    /** Checks every link of {@code html}, a page served at {@code pagePath} (e.g. {@code /tags/java}), leads to a route. */
    public TemplateChecks pageLinks(String pagePath, String html) {
        Matcher matcher = HREF.matcher(html);
        while (matcher.find()) {
            String href = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            checkLink(pagePath, href);
        }
        return this;
    }

    /** Checks each call {@code recorder} saw (the function's handler ran with its client) is allowed by the function's policy. */
    public TemplateChecks dynamoDbCalls(String functionLogicalId, DynamoDbCallRecorder recorder, LocalDynamoDb dynamo) {
        FunctionResource function = template.function(functionLogicalId);
        StackFacts facts = dynamo.facts();
        ResolvedPolicy policy = new Resolver(facts).policy(function);
        if (recorder.calls().isEmpty()) {
            problems.add(functionLogicalId + ": no DynamoDB call was recorded; run its handler with dynamo.client(recorder)");
        }
        for (DynamoDbCall call : new LinkedHashSet<>(recorder.calls())) {
            List<String> resources = call.tableNames().isEmpty() ? List.of("*") : call.tableNames().stream()
                    .map(name -> tableArn(facts, name)).toList();
            for (String resource : resources) {
                if (!policy.allows(call.action(), resource)) {
                    problems.add(functionLogicalId + " calls " + call.action() + " on " + resource
                            + ", which its Policies do not allow");
                }
            }
        }
        return this;
    }

    /** Every problem found, handler and route checks included; empty when template and code agree. */
    public List<String> problems() {
        List<String> all = new ArrayList<>();
        template.functions().values().forEach(function -> checkHandler(function, all));
        checkRoutes(all);
        all.addAll(problems);
        return all;
    }

    public void assertAll() {
        List<String> all = problems();
        if (!all.isEmpty()) {
            throw new AssertionError(template.file() + " and the code disagree:\n  " + String.join("\n  ", all));
        }
    }

    private Path classesOf(FunctionResource function) {
        return classesDirectory != null
                ? classesDirectory
                : function.codeDirectory(template.directory()).resolve("target/classes");
    }

    private void checkHandler(FunctionResource function, List<String> found) {
        String where = template.file() + ": resource " + function.logicalId() + ": Handler " + function.handler() + ": ";
        Path classFile = classesOf(function).resolve(function.handlerClassPath());
        if (!Files.isRegularFile(classFile)) {
            found.add(where + "no class file " + relative(classFile) + " (is the class name right, is the module compiled?)");
            return;
        }
        try {
            Class<?> handler = Class.forName(function.handlerClassName(), false, Thread.currentThread().getContextClassLoader());
            boolean hasMethod = Arrays.stream(handler.getMethods()).anyMatch(method -> isHandlerMethod(method, function));
            if (!hasMethod) {
                found.add(where + function.handlerClassName() + " has no public method "
                        + function.handlerMethodName() + "(event, " + CONTEXT_TYPE + ")");
            }
        } catch (ClassNotFoundException | LinkageError e) {
            found.add(where + "cannot load " + function.handlerClassName() + ": " + e);
        }
    }

    private static boolean isHandlerMethod(Method method, FunctionResource function) {
        return method.getName().equals(function.handlerMethodName())
                && !Modifier.isStatic(method.getModifiers())
                && method.getParameterCount() == 2
                && method.getParameterTypes()[1].getName().equals(CONTEXT_TYPE);
    }

    private void checkRoutes(List<String> found) {
        Set<String> templateRoutes = new LinkedHashSet<>();
        for (ApiEvent event : template.apiEvents()) {
            String route = routeKey(event.method(), event.path(), event.functionLogicalId());
            templateRoutes.add(route);
            if (!declaredRoutes.contains(route)) {
                found.add("the template has route " + route + ", which the test does not declare as served by the code");
            }
            List<String> unread = ClassConstants.missing(
                    ClassConstants.stringLiterals(classesOf(template.function(event.functionLogicalId()))),
                    event.pathParameters());
            if (!unread.isEmpty()) {
                found.add("route " + route + ": the code never reads path parameter(s) " + unread
                        + " (no such string in its classes)");
            }
        }
        declaredRoutes.stream().filter(route -> !templateRoutes.contains(route))
                .forEach(route -> found.add("the code serves " + route + ", which is not a route of the template"));
    }

    /**
     * A link must reach a route wherever the page is served: under the stage when deployed ({@code /Prod/...}) and
     * at the root too when run locally (the local runtime serves both), so {@code href="/counts/x"} fails: it is a
     * 403 once deployed.
     */
    private void checkLink(String pagePath, String href) {
        if (href.isEmpty() || href.startsWith("#") || href.matches("(?i)(https?|mailto):.*")) {
            return;
        }
        String deployed = resolve(STAGE + pagePath, href);
        if (!deployed.startsWith(STAGE + "/") || !isGetRoute(deployed.substring(STAGE.length()))) {
            problems.add("the page at " + STAGE + pagePath + " links to \"" + href + "\" (" + deployed
                    + "), which is no GET route of the deployed API");
        }
        String local = resolve(pagePath, href);
        boolean servedLocally = isGetRoute(local) || local.startsWith(STAGE + "/") && isGetRoute(local.substring(STAGE.length()));
        if (!servedLocally) {
            problems.add("the page at " + pagePath + " links to \"" + href + "\" (" + local
                    + "), which is no GET route when the API is served at /");
        }
    }

    private static String resolve(String pagePath, String href) {
        return URI.create("http://api" + pagePath).resolve(href.replace(" ", "%20")).getPath();
    }

    private boolean isGetRoute(String path) {
        return template.apiEvents().stream().anyMatch(event -> event.match("GET", path).isPresent());
    }

    private static String tableArn(StackFacts facts, String tableName) {
        return facts.tables().values().stream()
                .filter(table -> table.name().equals(tableName))
                .map(DeployedTable::arn)
                .findFirst()
                .orElse("table " + tableName + " (not a table of the template)");
    }

    private static String routeKey(String method, String path, String functionLogicalId) {
        return method + " " + path + " -> " + Objects.requireNonNull(functionLogicalId);
    }

    private static Path relative(Path file) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }
}
