package com.example.workshop.local.deploy;

import com.example.workshop.local.apigateway.RestApi;
import com.example.workshop.local.apigateway.Route;
import com.example.workshop.local.checks.DeploymentUnderCheck;
import com.example.workshop.local.dynamodb.DynamoDbEngine;
import com.example.workshop.local.dynamodb.SdkClients;
import com.example.workshop.local.dynamodb.TableDeployer;
import com.example.workshop.local.dynamodb.TableNaming;
import com.example.workshop.local.iam.AuthorizedCall;
import com.example.workshop.local.iam.DescribedTableArns;
import com.example.workshop.local.iam.DynamoDbIamProxy;
import com.example.workshop.local.lambda.FunctionInvoker;
import com.example.workshop.local.lambda.FunctionLog;
import com.example.workshop.local.lambda.FunctionPool;
import com.example.workshop.local.lambda.StackTraceFiles;
import com.example.workshop.local.process.ChildProcesses;
import com.example.workshop.local.lambda.InvocationResult;
import com.example.workshop.local.streams.Checkpoints;
import com.example.workshop.local.streams.StreamSubscriptions;
import com.example.workshop.local.template.ApiEvent;
import com.example.workshop.local.template.DeployedTable;
import com.example.workshop.local.template.ResolvedPolicy;
import com.example.workshop.local.template.Resolver;
import com.example.workshop.local.template.SamTemplate;
import com.example.workshop.local.template.StackFacts;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A stage deployed on this machine, the way {@code sam deploy} would deploy it on AWS: its tables on dynoxide,
 * each function in Lambda execution environments behind the IAM proxy, its API and its stream subscriptions.
 * Closing it stops everything it started, in reverse order.
 */
public final class LocalDeployment implements AutoCloseable, DeploymentUnderCheck {

    /**
     * @param databaseFile    where dynoxide keeps the data; null for an in-memory database
     * @param apiPort         0 for any free port; negative for no API (a single invoke)
     * @param subscribeStreams whether to run the stream event source mappings
     * @param functionLog     where the functions' own log lines go; the platform's go to its System.Logger
     */
    public record Options(Path databaseFile, int apiPort, boolean subscribeStreams, int maxEnvironmentsPerFunction,
                          FunctionLog functionLog) {
    }

    private static final Logger LOG = System.getLogger(LocalDeployment.class.getName());

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Stage stage;
    private final Options options;
    private volatile SamTemplate template;
    private Replaceable<Functions> functions;
    private Replaceable<StreamSubscriptions> streams;
    private volatile Map<String, DeployedTable> tables = Map.of();
    private DynamoDbEngine engine;
    private DynamoDbIamProxy iam;
    private FunctionDeployer functionDeployer;
    private volatile StackFacts facts;
    private RestApi api;
    private volatile Path taskRoot;
    /** When each function was last invoked, across reloads: the one used last starts first after a reload. */
    private final Map<String, Long> lastInvoked = new java.util.concurrent.ConcurrentHashMap<>();

    private LocalDeployment(SamTemplate template, Stage stage, Options options) {
        this.template = template;
        this.stage = stage;
        this.options = options;
    }

    /** Deploys the stage for a run: one at a time on the same data (see {@link RunLock}). */
    public static LocalDeployment start(Stage stage, Options options) {
        return start(stage, options, template -> { }, true, false);
    }

    /**
     * Deploys the stage for {@code ./workshop run}: as {@link #start}, and one environment per API function starts
     * as soon as the functions exist, while the stream mappings and the API start, so that the first visit of each
     * finds its JVM started (see docs/local-runtime.md).
     */
    public static LocalDeployment startServing(Stage stage, Options options) {
        return start(stage, options, template -> { }, true, true);
    }

    /**
     * Deploys the stage to invoke one function: a function the template lacks is refused before anything starts.
     * It may share the data of a run going on, as the guides do: it is short, and has no API or stream mapping.
     */
    public static LocalDeployment startToInvoke(Stage stage, Options options, String functionLogicalId) {
        return start(stage, options, template -> Preflight.requireFunction(template, functionLogicalId), false, false);
    }

    private static LocalDeployment start(Stage stage, Options options, Consumer<SamTemplate> check, boolean isRun,
                                         boolean startAhead) {
        SamTemplate template = SamTemplate.load(stage.template());
        check.accept(template);
        template.notes().forEach(note -> LOG.log(Level.INFO, "Note: " + note));
        LocalDeployment deployment = new LocalDeployment(template, stage, options);
        try {
            deployment.deploy(isRun, startAhead);
            return deployment;
        } catch (RuntimeException failed) {
            deployment.close();
            throw failed;
        }
    }

    private void deploy(boolean isRun, boolean startAhead) {
        ChildProcesses.recordIn(stage.processRecords());
        taskRoot = checkBeforeStarting(stage, options, isRun);
        engine = track(DynamoDbEngine.start(options.databaseFile()));
        tables = new TableDeployer(engine.client()).deploy(template, stage.stackName(), TableNaming.STABLE);
        facts = StackFacts.fromTables(stage.stackName(), RestApi.newApiId(), tables);
        iam = track(DynamoDbIamProxy.start(engine.endpoint(), new DescribedTableArns(engine.client())));
        functionDeployer = new FunctionDeployer(iam, StackTraceFiles.in(stackTracesFolder(stage)), options);
        functions = track(new Replaceable<>(functionDeployer.deploy(template, facts, taskRoot, true)));
        if (startAhead && options.apiPort() >= 0) {
            startApiFunctionsAhead();
        }
        streams = track(new Replaceable<>(startStreams(template)));
        if (options.apiPort() >= 0 && template.hasApi()) {
            startApi();
        }
    }

    private StreamSubscriptions startStreams(SamTemplate subscribing) {
        if (!options.subscribeStreams() || subscribing.dynamoDbEvents().isEmpty()) {
            return null;
        }
        return StreamSubscriptions.start(subscribing, facts, engine.streamsClient(), SdkClients.REGION.id(),
                this::currentFunction, checkpoints(options.databaseFile()), engine.status());
    }

    private void startApi() {
        api = track(RestApi.start(routes(), options.apiPort(), facts.restApiId()));
    }

    /**
     * Serves {@code next} with the code of {@code nextTaskRoot}: tables it adds are created (the data of the others
     * is kept), each function gets new execution environments, and the ones replaced stop once the invocations
     * running in them end. Nothing changes if this fails.
     *
     * @return the logical ids of the functions now serving the new code
     */
    public synchronized List<String> reload(SamTemplate next, Path nextTaskRoot) {
        Preflight.requireHandlerClasses(next.functions().values(), nextTaskRoot);
        Map<String, DeployedTable> nextTables = new TableDeployer(engine.client())
                .deploy(next, stage.stackName(), TableNaming.STABLE);
        StackFacts nextFacts = StackFacts.fromTables(stage.stackName(), facts.restApiId(), nextTables);
        Functions replaced = functions.replace(functionDeployer.deploy(next, nextFacts, nextTaskRoot, false));
        replaced.pools().forEach((logicalId, pool) -> lastInvoked.merge(logicalId, pool.lastInvokedAtNanos(), Math::max));
        SamTemplate previous = template;
        template = next;
        tables = nextTables;
        facts = nextFacts;
        taskRoot = nextTaskRoot;
        if (api != null) {
            api.replaceRoutes(routes());
        } else if (options.apiPort() >= 0 && next.hasApi()) {
            startApi();
        }
        replaced.retire();
        if (!next.dynamoDbEvents().equals(previous.dynamoDbEvents())) {
            closeQuietly(streams.replace(null));
            streams.replace(startStreams(next));
        }
        return List.copyOf(next.functions().keySet());
    }

    /** The task root the functions run: the stage's build, or the last a reload compiled. */
    public Path taskRoot() {
        return taskRoot;
    }

    public Stage stage() {
        return stage;
    }

    /**
     * Everything that can fail before a process or a server starts: the stage's data is not used by another run,
     * the API's port is free, the build has every handler class. Returns the built task root.
     */
    private Path checkBeforeStarting(Stage stage, Options options, boolean isRun) {
        if (isRun && options.databaseFile() != null) {
            track(RunLock.acquire(options.databaseFile(), stage.name()));
        }
        if (options.apiPort() > 0 && template.hasApi()) {
            Preflight.requireFreePort(options.apiPort());
        }
        Path taskRoot = StageBuild.ensureBuilt(stage);
        Preflight.requireHandlerClasses(template.functions().values(), taskRoot);
        return taskRoot;
    }

    /** Under the run lock, so that --fresh never deletes the data of a run still going. */
    public static void deleteData(Stage stage) {
        try (RunLock unused = RunLock.acquire(stage.databaseFile(), stage.name())) {
            for (String suffix : new String[]{"", "-shm", "-wal"}) {
                Files.deleteIfExists(Path.of(stage.databaseFile() + suffix));
            }
            Files.deleteIfExists(checkpointsFile(stage.databaseFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + stage.databaseFile(), e);
        }
    }

    /** With persistent tables, where the stream mappings got to is kept beside them. */
    private static Checkpoints checkpoints(Path databaseFile) {
        return databaseFile == null ? Checkpoints.inMemory() : Checkpoints.file(checkpointsFile(databaseFile));
    }

    static Path checkpointsFile(Path databaseFile) {
        return databaseFile.resolveSibling("streams.properties");
    }

    /** Beside the stage's local data: the functions' stack traces, one file each, which their log lines name. */
    static Path stackTracesFolder(Stage stage) {
        return stage.directory().resolve("target/local/stack-traces");
    }

    /**
     * Starts one execution environment per API function, one after the other: the first JVM before this returns (so
     * that even a visit as soon as the API listens finds it), each next one in the background once the one before
     * has initialised. The order is the template's routes, and after a reload the function invoked last comes first:
     * the page the learner is reloading. An environment that fails its init is replaced by the first visit, which
     * reports why.
     */
    public void startApiFunctionsAhead() {
        Map<String, FunctionPool> current = functions.get().pools();
        List<FunctionPool> pools = template.apiEvents().stream().map(ApiEvent::functionLogicalId).distinct()
                .sorted(Comparator.comparing(this::lastInvokedAtNanos, Comparator.reverseOrder()))
                .map(current::get).toList();
        if (pools.isEmpty()) {
            return;
        }
        CompletableFuture<?> first = startAhead(pools.getFirst());
        Thread.ofPlatform().daemon().name("start-ahead").start(() -> {
            FunctionPool.awaitInit(first);
            pools.stream().skip(1).forEach(pool -> FunctionPool.awaitInit(startAhead(pool)));
        });
    }

    private static CompletableFuture<?> startAhead(FunctionPool pool) {
        try {
            return pool.startOneAhead();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(null); // the first invocation starts it instead, and says why not
        }
    }

    private List<Route> routes() {
        return template.apiEvents().stream()
                .map(event -> new Route(event.method(), event.path(), event.functionLogicalId(),
                        currentFunction(event.functionLogicalId())))
                .toList();
    }

    private long lastInvokedAtNanos(String logicalId) {
        FunctionPool pool = functions.get().pools().get(logicalId);
        long now = pool == null ? Long.MIN_VALUE : pool.lastInvokedAtNanos();
        return Math.max(now, lastInvoked.getOrDefault(logicalId, Long.MIN_VALUE));
    }

    /** Invokes the function's environments of the moment, so that callers keep working across reloads. */
    private FunctionInvoker currentFunction(String logicalId) {
        return payload -> function(logicalId).invoke(payload);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            if (resource != null) {
                resource.close();
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "While stopping: " + e);
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public Map<String, String> environment(String functionLogicalId) {
        return function(functionLogicalId).config().environment();
    }

    @Override
    public InvocationResult invoke(String functionLogicalId, String eventJson) {
        return function(functionLogicalId).invoke(eventJson);
    }

    @Override
    public DynamoDbClient tableReader() {
        return engine.client();
    }

    @Override
    public SamTemplate template() {
        return template;
    }

    public FunctionPool function(String logicalId) {
        Map<String, FunctionPool> current = functions.get().pools();
        FunctionPool pool = current.get(logicalId);
        if (pool == null) {
            throw new UnknownNameException(template.file() + " has no function " + logicalId
                    + "; its functions are " + current.keySet());
        }
        return pool;
    }

    /** The API, or null when the stage has none or it was not asked for. */
    public RestApi api() {
        return api;
    }

    @Override
    public Map<String, DeployedTable> tables() {
        return tables;
    }

    /** Every permission the functions' DynamoDB calls needed so far, allowed or denied by their policies. */
    @Override
    public List<AuthorizedCall> dynamoDbCalls() {
        return iam.calls();
    }

    /** The function's Policies, resolved against this deployment's tables. */
    @Override
    public ResolvedPolicy policy(String functionLogicalId) {
        return new Resolver(facts).policy(template.function(functionLogicalId));
    }

    public DynamoDbEngine dynamoDb() {
        return engine;
    }

    public List<ApiEvent> routesInTemplate() {
        return template.apiEvents();
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            closeQuietly(started.pop());
        }
    }
}
