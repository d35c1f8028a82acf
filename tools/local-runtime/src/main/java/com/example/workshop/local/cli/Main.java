package com.example.workshop.local.cli;

import com.example.workshop.local.deploy.LocalDeployment;
import com.example.workshop.local.deploy.Stage;
import com.example.workshop.local.deploy.UnknownNameException;
import com.example.workshop.local.apigateway.RestApi;
import com.example.workshop.local.lambda.FunctionLog;
import com.example.workshop.local.lambda.FunctionPool;
import com.example.workshop.local.lambda.InvocationResult;
import com.example.workshop.local.template.ApiEvent;
import com.example.workshop.local.template.DeployedTable;
import com.example.workshop.local.template.TemplateException;
import com.example.workshop.local.watch.WatchMode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./workshop run <stage>} serves a stage locally until Ctrl-C; {@code ./workshop invoke <stage> <Function>}
 * invokes one function once, like {@code sam local invoke}; {@code ./workshop smoke <url> --stage N} checks a
 * deployed stage over HTTP.
 */
public final class Main {

    static final String USAGE = """
            Usage:
              ./workshop run <stage> [--port 3000] [--fresh] [--max-environments 8] [--watch]
                  Serves the stage's API at http://127.0.0.1:<port>/Prod/ with its tables (kept in
                  <stage>/target/local/dynamodb.db; --fresh starts from empty tables) and stream processing,
                  until Ctrl-C. --watch rebuilds and reloads the functions when a file under src/main,
                  template.yaml or pom.xml is saved, keeping the data; a change that does not compile or
                  deploy is reported and the last good version keeps serving.
              ./workshop invoke <stage> <FunctionLogicalId> [--event <file.json>]
                  Invokes the function once with the event (default {}), prints its response on stdout and
                  its logs on stderr; exits with 1 if the function failed.
              ./workshop smoke <url> --stage <stage> [--wait 60]
                  Checks over HTTP that the stage deployed at <url> (a stack's APIEndpoint output, or
                  http://127.0.0.1:3000/Prod/) answers as it should: one line per check, then the total; exits
                  with 1 if a check failed. Visits go to a tag new at each run (smoke-...); --wait bounds, in
                  seconds, how long stage 4's total may take to catch up.
              ./workshop check <N> [folder]
                  Checks that your folder (default my-workshop) is a working stage N: builds it, deploys it
                  locally on a free port with empty tables, and runs stage N's checks (template, HTTP, stream,
                  policies): one line per check with the guide section to reread, then the total; exits with 1
                  if a check failed.
              ./workshop help, -h, --help
                  This text.
            <stage> is 1, 2, 3, 4 or a folder name such as module-4-streams.""";

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.manager", ConsoleLog.KeptUntilExit.class.getName());
        try {
            System.exit(run(Arguments.parse(args)));
        } catch (UsageException | UnknownNameException e) {
            System.err.println("workshop: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (TemplateException | IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            System.err.println("workshop: " + e.getMessage());
            System.exit(1);
        }
    }

    private static int run(Arguments arguments) {
        if (arguments.command().equals("smoke")) {
            return SmokeCommand.run(arguments.url(), arguments.stage(), Duration.ofSeconds(arguments.waitSeconds()),
                    System.out);
        }
        if (arguments.command().equals("check")) {
            return CheckCommand.run(SmokeCommand.stageNumber(arguments.stage()),
                    CheckCommand.folder(arguments.folder(), repositoryRoot()), System.out);
        }
        return switch (arguments.command()) {
            case Arguments.HELP -> printUsage();
            case "run" -> serve(stage(arguments), arguments);
            case "invoke" -> invoke(stage(arguments), arguments);
            default -> throw new UsageException("unknown command '" + arguments.command() + "'");
        };
    }

    /** Asked for, the usage is the output and no error: stdout, exit status 0. */
    private static int printUsage() {
        System.out.println(USAGE);
        return 0;
    }

    private static Stage stage(Arguments arguments) {
        return Stage.resolve(repositoryRoot(), arguments.stage());
    }

    private static int serve(Stage stage, Arguments arguments) {
        if (arguments.fresh()) {
            LocalDeployment.deleteData(stage);
        }
        ConsoleLog.on(System.out);
        LocalDeployment.Options options = new LocalDeployment.Options(stage.databaseFile(), arguments.port(), true,
                arguments.maxEnvironments(), FunctionLog.printingTo(System.out));
        LocalDeployment deployment = LocalDeployment.startServing(stage, options);
        CountDownLatch stopped = new CountDownLatch(1);
        WatchMode watch = arguments.watch() ? WatchMode.start(deployment) : null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.Logger log = System.getLogger(Main.class.getName());
            log.log(System.Logger.Level.INFO, "Stopping " + stage.name() + " ...");
            if (watch != null) {
                watch.close();
            }
            deployment.close();
            log.log(System.Logger.Level.INFO, "Stopped " + stage.name() + ".");
            stopped.countDown();
        }));
        // in one piece: the environments started ahead may already be printing
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        printSummary(stage, deployment, new PrintStream(summary, true, StandardCharsets.UTF_8));
        if (watch != null) {
            summary.writeBytes((WatchMode.WATCHING + System.lineSeparator() + System.lineSeparator())
                    .getBytes(StandardCharsets.UTF_8));
        }
        System.out.print(summary.toString(StandardCharsets.UTF_8));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static void printSummary(Stage stage, LocalDeployment deployment, PrintStream out) {
        out.println();
        out.println(stage.name() + " is running locally. Ctrl-C stops it.");
        RestApi api = deployment.api();
        if (api != null) {
            out.println("API: " + api.baseUrl());
            int width = deployment.routesInTemplate().stream().mapToInt(route -> route.path().length()).max().orElse(1);
            for (ApiEvent route : deployment.routesInTemplate()) {
                out.printf("  %-4s %s%-" + width + "s -> %s%n", route.method(), api.baseUrl(), route.path().substring(1),
                        route.functionLogicalId());
            }
        }
        for (DeployedTable table : deployment.tables().values()) {
            out.println("Table " + table.logicalId() + ": " + table.name() + (table.streamArn() != null ? " (with stream)" : ""));
        }
        deployment.template().dynamoDbEvents().forEach(event ->
                out.println("Stream of " + event.tableLogicalId() + " -> " + event.functionLogicalId()));
        out.println("DynamoDB: " + deployment.dynamoDb().endpoint() + " (data in " + stage.databaseFile() + ")");
        out.println();
    }

    private static int invoke(Stage stage, Arguments arguments) {
        String event = readEvent(arguments.eventFile());
        ConsoleLog.on(System.err);
        LocalDeployment.Options options = new LocalDeployment.Options(stage.databaseFile(), -1, false, 1,
                FunctionLog.printingTo(System.err));
        try (LocalDeployment deployment = LocalDeployment.startToInvoke(stage, options, arguments.functionLogicalId())) {
            FunctionPool function = deployment.function(arguments.functionLogicalId());
            InvocationResult result = function.invoke(event);
            System.out.println(result.payload());
            return result.succeeded() ? 0 : 1;
        }
    }

    private static String readEvent(Path file) {
        if (file == null) {
            return "{}";
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UsageException("cannot read the event file " + file + ": " + reason(e));
        }
    }

    /** The JDK's file exceptions carry the path as their message and the reason apart, if at all. */
    static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> "no such file";
            case AccessDeniedException denied -> "permission denied";
            case FileSystemException other when other.getReason() != null -> other.getReason();
            default -> e.getMessage();
        };
    }

    /** tools/local-runtime/target/local-runtime.jar (or target/classes) lives three levels below the repository root. */
    static Path repositoryRoot() {
        String configured = System.getProperty("workshop.root");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            Path location = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.getParent().getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
