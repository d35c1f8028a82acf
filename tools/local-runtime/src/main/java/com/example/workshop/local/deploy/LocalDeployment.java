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
import com.example.workshop.local.iam.FunctionIdentity;
import com.example.workshop.local.lambda.FunctionConfig;
import com.example.workshop.local.lambda.FunctionLog;
import com.example.workshop.local.lambda.FunctionPool;
import com.example.workshop.local.lambda.StackTraceFiles;
import com.example.workshop.local.process.ChildProcesses;
import com.example.workshop.local.lambda.InvocationResult;
import com.example.workshop.local.streams.Checkpoints;
import com.example.workshop.local.streams.StreamSubscriptions;
import com.example.workshop.local.template.ApiEvent;
import com.example.workshop.local.template.DeployedTable;
import com.example.workshop.local.template.FunctionResource;
import com.example.workshop.local.template.ResolvedPolicy;
import com.example.workshop.local.template.Resolver;
import com.example.workshop.local.template.SamTemplate;
import com.example.workshop.local.template.StackFacts;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
     */
    public record Options(Path databaseFile, int apiPort, boolean subscribeStreams, int maxEnvironmentsPerFunction,
                          FunctionLog functionLog, Consumer<String> platformLog) {
    }

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final SamTemplate template;
    private final Map<String, FunctionPool> functions = new LinkedHashMap<>();
    private Map<String, DeployedTable> tables = Map.of();
    private DynamoDbEngine engine;
    private DynamoDbIamProxy iam;
    private StackFacts facts;
    private RestApi api;

    private LocalDeployment(SamTemplate template) {
        this.template = template;
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
        template.notes().forEach(note -> options.platformLog().accept("Note: " + note));
        LocalDeployment deployment = new LocalDeployment(template);
        try {
            deployment.deploy(stage, options, isRun, startAhead);
            return deployment;
        } catch (RuntimeException failed) {
            deployment.close();
            throw failed;
        }
    }

    private void deploy(Stage stage, Options options, boolean isRun, boolean startAhead) {
        ChildProcesses.recordIn(stage.processRecords());
        Path taskRoot = checkBeforeStarting(stage, options, isRun);
        engine = track(DynamoDbEngine.start(options.databaseFile()));
        tables = new TableDeployer(engine.client()).deploy(template, stage.stackName(), TableNaming.STABLE);
        String apiId = RestApi.newApiId();
        facts = StackFacts.fromTables(stage.stackName(), apiId, tables);
        iam = track(DynamoDbIamProxy.start(engine.endpoint(), new DescribedTableArns(engine.client())));
        StackTraceFiles stackTraces = StackTraceFiles.in(stackTracesFolder(stage));
        for (FunctionResource function : template.functions().values()) {
            functions.put(function.logicalId(), track(pool(function, facts, iam, taskRoot, stackTraces, options)));
        }
        if (startAhead && options.apiPort() >= 0) {
            startApiFunctionsAhead();
        }
        if (options.subscribeStreams() && !template.dynamoDbEvents().isEmpty()) {
            track(StreamSubscriptions.start(template, facts, engine.streamsClient(), SdkClients.REGION.id(),
                    functions::get, checkpoints(options.databaseFile()), engine.status()));
        }
        if (options.apiPort() >= 0 && template.hasApi()) {
            api = track(RestApi.start(routes(), options.apiPort(), apiId,
                    line -> options.platformLog().accept("[API] " + line)));
        }
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
        Path taskRoot = StageBuild.ensureBuilt(stage, options.platformLog());
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

    private FunctionPool pool(FunctionResource function, StackFacts facts, DynamoDbIamProxy iam, Path taskRoot,
                              StackTraceFiles stackTraces, Options options) {
        FunctionIdentity identity = FunctionIdentity.of(function, facts);
        iam.register(identity);
        Map<String, String> environment = new HashMap<>(new Resolver(facts).environment(function));
        environment.putAll(iam.environmentFor(identity));
        environment.put("AWS_SESSION_TOKEN", "local-session-" + function.logicalId());
        FunctionConfig config = new FunctionConfig(facts.functionName(function.logicalId()), function.handler(),
                taskRoot, environment, SdkClients.REGION.id(), function.memorySize(), function.timeout());
        String logicalId = function.logicalId();
        FunctionLog log = (name, line) -> options.functionLog().line(logicalId, line);
        return new FunctionPool(config, options.maxEnvironmentsPerFunction(), log, stackTraces.of(logicalId));
    }

    /**
     * Starts one execution environment per API function, one after the other in the order of the template's routes:
     * the first JVM before this returns (so that even a visit as soon as the API listens finds it), each next one in
     * the background once the one before has initialised. An environment that fails its init is replaced by the
     * first visit, which reports why.
     */
    private void startApiFunctionsAhead() {
        List<FunctionPool> pools = template.apiEvents().stream()
                .map(event -> functions.get(event.functionLogicalId())).distinct().toList();
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
                        functions.get(event.functionLogicalId())))
                .toList();
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
        FunctionPool pool = functions.get(logicalId);
        if (pool == null) {
            throw new UnknownNameException(template.file() + " has no function " + logicalId
                    + "; its functions are " + functions.keySet());
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
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("While stopping: " + e);
            }
        }
    }
}
