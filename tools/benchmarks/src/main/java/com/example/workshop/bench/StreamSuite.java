package com.example.workshop.bench;

import com.example.workshop.local.dynamodb.DynoxideServer;
import com.example.workshop.local.dynamodb.SdkClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Benchmark 5: stream lag (a visit until TotalViews reflects it), the records per second the stream processor keeps
 * up with on a burst of visits, that the burst is counted exactly, and dynoxide's own write rate as the stream grows.
 */
final class StreamSuite {

    private static final int LAG_SAMPLES_FULL = 50;
    private static final int BURST_CLIENTS = 8;
    private static final int BURST_TAGS = 100;
    private static final long SETTLE_MILLIS = 3_000;

    private final Options options;
    private final Report report;

    StreamSuite(Options options, Report report) {
        this.options = options;
        this.report = report;
    }

    void run(DeployedStage stage, String module) {
        DynamoDbClient client = stage.deployment().dynamoDb().client();
        String tableName = stage.deployment().tables().values().iterator().next().name();
        Totals totals = new Totals(client, tableName);
        URI lagVisit = stage.uri("tags/lag");
        visitAndAwait(stage, totals, lagVisit); // starts the stream processor's execution environment

        List<Double> lags = new ArrayList<>();
        int samples = options.burstVisits() >= 10_000 ? LAG_SAMPLES_FULL : 10;
        for (int i = 0; i < samples; i++) {
            lags.add(visitAndAwait(stage, totals, lagVisit));
        }
        Stats lag = report.add("stream", module, "lag", "ms", lags).stats();
        System.out.println("stream lag " + lag);
        report.check("stream lag p50 < 1 s", "p50 %.0f ms, p99 %.0f ms".formatted(lag.median(), lag.p99()),
                lag.median() < 1000);

        Burst burst = burst(totals);
        report.add("stream", module, "burst-processor", "records/s", List.of(burst.processedPerSecond()));
        report.add("stream", module, "burst-ingest", "visits/s", List.of(burst.visitsPerSecond()));
        report.check("%d-visit burst ends exact".formatted(options.burstVisits()),
                "TotalViews +%d, tag counts +%d, for %d visits".formatted(burst.totalDelta(), burst.tagDelta(),
                        options.burstVisits()),
                burst.totalDelta() == options.burstVisits() && burst.tagDelta() == options.burstVisits());

        Table table = new Table("Stream processing (" + module + ")",
                ("Lag: one visit (GET /tags/lag) at a time, from sending it until TotalViews of the COUNTER item, "
                        + "read straight from dynoxide every 2 ms, has grown; %d samples after one warm-up. Burst: "
                        + "%d visits over %d tags, each the handler's UpdateItem sent straight to dynoxide from %d "
                        + "threads; processed/s = visits / (first visit sent until TotalViews has them all). Exact = "
                        + "TotalViews and the tags' counts both grew by the number of visits, still so %d s later.")
                        .formatted(samples, options.burstVisits(), BURST_TAGS, BURST_CLIENTS, SETTLE_MILLIS / 1000),
                "lag p50 ms", "lag p99 ms", "burst visits/s (written)", "burst processed/s", "drain after last visit s",
                "exact");
        table.row(lag.median(), lag.p99(), burst.visitsPerSecond(), burst.processedPerSecond(), burst.drainSeconds(),
                burst.totalDelta() == options.burstVisits() && burst.tagDelta() == options.burstVisits() ? "yes" : "**no**");
        report.add(table);
    }

    private static double visitAndAwait(DeployedStage stage, Totals totals, URI visit) {
        long before = totals.total();
        long start = System.nanoTime();
        stage.get(visit);
        totals.awaitTotal(before + 1, 30_000);
        return (System.nanoTime() - start) / 1e6;
    }

    record Burst(long totalDelta, long tagDelta, double visitsPerSecond, double processedPerSecond, double drainSeconds) {
    }

    /**
     * The visits are written the way RecordVisitHandler writes them, straight to dynoxide from 8 threads: through the
     * API the burst would be limited by the API and the handlers (see the throughput table), not by the stream.
     */
    private Burst burst(Totals totals) {
        int visits = options.burstVisits();
        long totalBefore = totals.total();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        Load.Result sent = Load.run(BURST_CLIENTS, 600_000, visits, () -> ThroughputSuite.updateItem(
                totals.client(), totals.tableName(), "burst-" + next.getAndIncrement() % BURST_TAGS));
        long sentAt = System.nanoTime();
        totals.awaitTotal(totalBefore + sent.requests(), 300_000);
        long doneAt = System.nanoTime();
        Sleep.millis(SETTLE_MILLIS);
        long tagDelta = 0;
        for (int tag = 0; tag < BURST_TAGS; tag++) {
            tagDelta += totals.count("burst-" + tag);
        }
        return new Burst(totals.total() - totalBefore, tagDelta, visits / ((sentAt - start) / 1e9),
                visits / ((doneAt - start) / 1e9), (doneAt - sentAt) / 1e9);
    }

    /** dynoxide's own UpdateItem rate on a stream-enabled table, fresh and once its stream holds many records. */
    void runDynoxideFloor() {
        int writes = options.burstVisits() >= 10_000 ? 2_000 : 500;
        int filler = options.burstVisits() >= 10_000 ? 20_000 : 2_000;
        try (DynoxideServer server = DynoxideServer.startInMemory();
             DynamoDbClient client = SdkClients.dynamoDb(server.endpoint())) {
            client.createTable(request -> request.tableName("floor")
                    .attributeDefinitions(a -> a.attributeName("ID").attributeType("S"))
                    .keySchema(k -> k.attributeName("ID").keyType("HASH"))
                    .billingMode("PAY_PER_REQUEST")
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
            double fresh = updateRate(client, writes);
            fill(client, filler);
            double grown = updateRate(client, writes);
            report.add("dynoxide-floor", "stream-enabled table", "fresh", "writes/s", List.of(fresh));
            report.add("dynoxide-floor", "stream-enabled table", "after " + filler + " records", "writes/s", List.of(grown));
            System.out.printf("dynoxide UpdateItem rate: fresh %.0f/s, after %d stream records %.0f/s%n", fresh, filler, grown);
            report.add(new Table("dynoxide's own write rate on a stream-enabled table",
                    ("One SDK client, %d sequential UpdateItems (the handler's increment) on a fresh table, then again "
                            + "after %d more records were written to its stream (BatchWriteItem).").formatted(writes, filler),
                    "stream records before", "UpdateItem/s")
                    .row(0, fresh)
                    .row(filler, grown));
        }
    }

    private static double updateRate(DynamoDbClient client, int writes) {
        long start = System.nanoTime();
        for (int i = 0; i < writes; i++) {
            ThroughputSuite.updateItem(client, "floor", "floor");
        }
        return writes / ((System.nanoTime() - start) / 1e9);
    }

    private static void fill(DynamoDbClient client, int records) {
        for (int written = 0; written < records; written += 25) {
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = written; i < Math.min(records, written + 25); i++) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                        .item(Map.of("ID", AttributeValue.fromS("filler-" + i))).build()).build());
            }
            client.batchWriteItem(request -> request.requestItems(Map.of("floor", batch)));
        }
    }

    /** Reads the counters straight from dynoxide, strongly consistent. */
    record Totals(DynamoDbClient client, String tableName) {

        long total() {
            return number("COUNTER", "TotalViews");
        }

        long count(String tag) {
            return number(tag, "Count");
        }

        private long number(String id, String attribute) {
            Map<String, AttributeValue> item = client.getItem(request -> request.tableName(tableName)
                    .key(Map.of("ID", AttributeValue.fromS(id))).consistentRead(true)).item();
            AttributeValue value = item == null ? null : item.get(attribute);
            return value == null ? 0 : Long.parseLong(value.n());
        }

        void awaitTotal(long expected, long timeoutMillis) {
            long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
            long total;
            while ((total = total()) < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("TotalViews is " + total + ", expected " + expected
                            + " within " + timeoutMillis + " ms");
                }
                Sleep.millis(2);
            }
        }
    }
}
