package com.example.workshop.local.checks;

import com.example.workshop.local.iam.AuthorizedCall;
import com.example.workshop.local.lambda.InvocationResult;
import com.example.workshop.local.template.DeployedTable;
import com.example.workshop.local.template.DynamoDbEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stage 4's stream function, invoked directly with crafted DynamoDB stream events (as Lambda's event source
 * mapping would send them) and judged by the total it keeps in the {@code COUNTER} item. The records name a
 * stream of their own, so that what the function remembers of the table's real stream is left alone.
 */
final class StreamChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COUNTER = "COUNTER";

    private final DeploymentUnderCheck stack;
    private final String function;
    private final DeployedTable table;
    private final String streamArn;
    private final String tag;
    private BigInteger nextSequenceNumber = new BigInteger("100000000000000000000");

    private StreamChecks(DeploymentUnderCheck stack, DynamoDbEvent event, String tag) {
        this.stack = stack;
        this.function = event.functionLogicalId();
        this.table = stack.tables().get(event.tableLogicalId());
        this.streamArn = table.arn() + "/stream/check-" + tag;
        this.tag = tag;
    }

    static List<Check> checks(DeploymentUnderCheck stack, String tag) {
        List<DynamoDbEvent> events = stack.template().dynamoDbEvents();
        if (events.isEmpty()) {
            return List.of(new Check("stream: a function on the table's stream", () -> new Outcome(false, "template.yaml",
                    "a function with an event of Type: DynamoDB", "none")));
        }
        return new StreamChecks(stack, events.getFirst(), tag).checks();
    }

    private List<Check> checks() {
        List<String> visits = List.of(insert(tag + "-a"), modify(tag + "-a", 1));
        return List.of(
                new Check("stream: visits raise the total", () -> expectTotalChange(
                        "a batch of 2 visits (INSERT, MODIFY)", visits, 2)),
                new Check("stream: a redelivered batch counts once", () -> expectTotalChange(
                        "the same batch again", visits, 0)),
                new Check("stream: counter and REMOVE records are not visits", () -> expectTotalChange(
                        "a batch: MODIFY of COUNTER, REMOVE, 1 visit (INSERT)",
                        List.of(modifyCounter(), remove(tag + "-a"), insert(tag + "-b")), 1)),
                new Check("stream: a batch without visits writes nothing", this::batchWithoutVisits),
                new Check("stream: a poison record is reported", this::poisonRecord));
    }

    private Outcome expectTotalChange(String sent, List<String> records, long change) {
        long before = total();
        InvocationResult result = stack.invoke(function, event(records));
        long after = total();
        if (!result.succeeded()) {
            return failedInvocation(sent, result);
        }
        List<String> failures = reportedFailures(result);
        return new Outcome(after - before == change && failures.isEmpty(), "to " + function + ": " + sent,
                "TotalViews of COUNTER +" + change + ", no batchItemFailures",
                "TotalViews " + before + " -> " + after + (failures.isEmpty() ? "" : ", batchItemFailures " + failures));
    }

    /** The stream carries the function's own writes to COUNTER: writing +0 for them would loop forever. */
    private Outcome batchWithoutVisits() {
        String sent = "to " + function + ": a batch of a MODIFY of COUNTER and a REMOVE";
        int callsBefore = stack.dynamoDbCalls().size();
        long before = total();
        InvocationResult result = stack.invoke(function, event(List.of(modifyCounter(), remove(tag + "-b"))));
        if (!result.succeeded()) {
            return failedInvocation(sent, result);
        }
        List<String> writes = stack.dynamoDbCalls().subList(callsBefore, stack.dynamoDbCalls().size()).stream()
                .filter(call -> call.functionLogicalId().equals(function))
                .map(AuthorizedCall::action)
                .filter(action -> !action.endsWith("GetItem") && !action.endsWith("Query"))
                .distinct()
                .toList();
        return new Outcome(writes.isEmpty() && total() == before, sent, "no write to the table",
                writes.isEmpty() ? "TotalViews " + before + " -> " + total() : "writes " + writes);
    }

    private Outcome poisonRecord() {
        String poison = next();
        String visit = insert(tag + "-c");
        String sent = "to " + function + ": a batch of a visit, a record without Keys (SequenceNumber " + poison
                + "), a visit";
        String first = sequenceNumberOf(visit);
        InvocationResult result = stack.invoke(function, event(List.of(visit, record("INSERT", poison, null, null, null),
                insert(tag + "-d"))));
        if (!result.succeeded()) {
            return failedInvocation(sent, result);
        }
        List<String> failures = reportedFailures(result);
        return new Outcome(failures.contains(poison) && !failures.contains(first), sent,
                "batchItemFailures with itemIdentifier " + poison + " and not " + first,
                "batchItemFailures " + failures);
    }

    private Outcome failedInvocation(String sent, InvocationResult result) {
        return new Outcome(false, "to " + function + ": " + sent, "a response", "an error: " + excerpt(result.payload()));
    }

    private long total() {
        Map<String, AttributeValue> item = stack.tableReader().getItem(request -> request
                .tableName(table.name())
                .key(Map.of("ID", AttributeValue.fromS(COUNTER)))
                .consistentRead(true)).item();
        AttributeValue total = item == null ? null : item.get("TotalViews");
        return total == null || total.n() == null ? 0 : Long.parseLong(total.n());
    }

    private static List<String> reportedFailures(InvocationResult result) {
        try {
            JsonNode failures = JSON.readTree(result.payload()).path("batchItemFailures");
            List<String> identifiers = new ArrayList<>();
            failures.forEach(failure -> identifiers.add(failure.path("itemIdentifier").asText()));
            return identifiers;
        } catch (JsonProcessingException e) {
            return List.of("(not JSON: " + excerpt(result.payload()) + ")");
        }
    }

    private String insert(String id) {
        return record("INSERT", next(), id, image(id, "Count", 1), null);
    }

    private String modify(String id, long oldCount) {
        return record("MODIFY", next(), id, image(id, "Count", oldCount + 1), image(id, "Count", oldCount));
    }

    private String modifyCounter() {
        return record("MODIFY", next(), COUNTER, image(COUNTER, "TotalViews", 3), image(COUNTER, "TotalViews", 2));
    }

    private String remove(String id) {
        return record("REMOVE", next(), id, null, image(id, "Count", 2));
    }

    private static String image(String id, String attribute, long value) {
        return """
                {"ID":{"S":"%s"},"%s":{"N":"%d"}}""".formatted(id, attribute, value);
    }

    /** One stream record as Lambda delivers it; a null id makes a record without Keys. */
    private String record(String eventName, String sequenceNumber, String id, String newImage, String oldImage) {
        String keys = id == null ? "" : "\"Keys\":{\"ID\":{\"S\":\"" + id + "\"}},";
        String images = (newImage == null ? "" : "\"NewImage\":" + newImage + ",")
                + (oldImage == null ? "" : "\"OldImage\":" + oldImage + ",");
        return """
                {"eventID":"check-%s","eventName":"%s","eventVersion":"1.1","eventSource":"aws:dynamodb",\
                "awsRegion":"%s","dynamodb":{"ApproximateCreationDateTime":1795809601,%s%s\
                "SequenceNumber":"%s","SizeBytes":30,"StreamViewType":"NEW_AND_OLD_IMAGES"},"eventSourceARN":"%s"}"""
                .formatted(sequenceNumber, eventName, table.arnRegion(), keys, images, sequenceNumber, streamArn);
    }

    private static String event(List<String> records) {
        return records.stream().collect(Collectors.joining(",", "{\"Records\":[", "]}"));
    }

    private String next() {
        nextSequenceNumber = nextSequenceNumber.add(BigInteger.valueOf(100));
        return nextSequenceNumber.toString();
    }

    private static String sequenceNumberOf(String record) {
        try {
            return JSON.readTree(record).path("dynamodb").path("SequenceNumber").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String excerpt(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 160) + "...";
    }
}
