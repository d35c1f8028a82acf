package com.example.workshop.bench;

import com.example.workshop.local.dynamodb.SdkClients;
import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Benchmark 4: requests per second on GET /tags/{tag} through the local runtime with 1, 8 and 64 clients, against
 * the same UpdateItem sent straight to dynoxide by a plain SDK client in the same run.
 */
final class ThroughputSuite {

    static final List<Integer> CLIENTS = List.of(1, 8, 64);
    private static final int MAX_REQUESTS = 50_000;

    private final Options options;
    private final Report report;

    ThroughputSuite(Options options, Report report) {
        this.options = options;
        this.report = report;
    }

    void run(DeployedStage stage, String module) {
        URI visit = stage.uri("tags/throughput");
        String tableName = stage.deployment().tables().values().iterator().next().name();
        Table table = new Table("Local runtime throughput (" + module + ")",
                ("Closed loop, each client sends its next request when the last one is answered; %.0f s per level "
                        + "(at most %d requests) after a %.0f s warm-up at the same level; the execution environments "
                        + "(at most %d per function) were started before, one at a time. Direct = the handler's UpdateItem sent "
                        + "to dynoxide by one shared SDK client (URLConnection) from as many threads.")
                        .formatted(options.throughputMillis() / 1000.0, MAX_REQUESTS, warmupMillis() / 1000.0,
                                DeployedStage.MAX_ENVIRONMENTS),
                "clients", "runtime req/s", "runtime p50 ms", "runtime p99 ms", "direct req/s", "direct p50 ms",
                "runtime / direct");
        try (DynamoDbClient direct = SdkClients.dynamoDb(stage.deployment().dynamoDb().endpoint())) {
            Runnable viaRuntime = () -> stage.get(visit);
            Runnable straight = () -> updateItem(direct, tableName, "throughput");
            stage.startEnvironmentsOneByOne(viaRuntime);
            for (int clients : CLIENTS) {
                Load.run(clients, warmupMillis(), MAX_REQUESTS, viaRuntime);
                Load.Result runtime = Load.run(clients, options.throughputMillis(), MAX_REQUESTS, viaRuntime);
                Load.run(clients, warmupMillis(), MAX_REQUESTS, straight);
                Load.Result dynoxide = Load.run(clients, options.throughputMillis(), MAX_REQUESTS, straight);
                Stats r = report.add("throughput", clients + " clients", "runtime-latency", "ms", runtime.latenciesMs()).stats();
                Stats d = report.add("throughput", clients + " clients", "direct-latency", "ms", dynoxide.latenciesMs()).stats();
                report.add("throughput", clients + " clients", "runtime", "req/s", List.of(runtime.perSecond()));
                report.add("throughput", clients + " clients", "direct", "req/s", List.of(dynoxide.perSecond()));
                double ratio = runtime.perSecond() / dynoxide.perSecond();
                System.out.printf("throughput %2d clients: runtime %.0f req/s, direct %.0f req/s (%.2f)%n",
                        clients, runtime.perSecond(), dynoxide.perSecond(), ratio);
                table.row(clients, runtime.perSecond(), r.median(), r.p99(), dynoxide.perSecond(), d.median(), ratio);
                if (clients == 8) {
                    report.check("runtime throughput >= half of direct dynoxide at 8 clients",
                            "%.0f vs %.0f req/s (%.2fx)".formatted(runtime.perSecond(), dynoxide.perSecond(), ratio),
                            ratio >= 0.5);
                }
            }
        }
        report.add(table);
    }

    private long warmupMillis() {
        return Math.max(1_000, options.throughputMillis() / 4);
    }

    /** RecordVisitHandler's write: one atomic increment of the tag's Count. */
    static void updateItem(DynamoDbClient client, String tableName, String tag) {
        client.updateItem(request -> request
                .tableName(tableName)
                .key(Map.of("ID", AttributeValue.fromS(tag)))
                .updateExpression("SET #count = if_not_exists(#count, :zero) + :inc")
                .expressionAttributeNames(Map.of("#count", "Count"))
                .expressionAttributeValues(Map.of(":inc", AttributeValue.fromN("1"), ":zero", AttributeValue.fromN("0"))));
    }
}
