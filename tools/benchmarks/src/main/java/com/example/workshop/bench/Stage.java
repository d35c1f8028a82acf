package com.example.workshop.bench;

import com.example.workshop.local.dynamodb.SdkClients;
import com.example.workshop.local.dynamodb.TableDeployer;
import com.example.workshop.local.dynamodb.TableNaming;
import com.example.workshop.local.lambda.FunctionConfig;
import com.example.workshop.local.template.DeployedTable;
import com.example.workshop.local.template.FunctionResource;
import com.example.workshop.local.template.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One stage as the benchmarks run it: its template, its packages (as shipped and the baselines built by
 * benchmarks/run) and its table, created on a dynoxide endpoint.
 */
record Stage(String module, Path repository, Path packages, SamTemplate template, String tableName, URI endpoint) {

    static final String REGION = "us-east-1";

    static Stage deploy(String module, Path repository, Path packages, URI endpoint) {
        SamTemplate template = SamTemplate.load(repository.resolve(module).resolve("template.yaml"));
        String tableName = null;
        if (!template.tables().isEmpty()) {
            try (DynamoDbClient client = SdkClients.dynamoDb(endpoint)) {
                Map<String, DeployedTable> tables = new TableDeployer(client).deploy(template, "bench", TableNaming.RANDOM);
                tableName = tables.values().iterator().next().name();
            }
        }
        return new Stage(module, repository, packages, template, tableName, endpoint);
    }

    List<FunctionResource> functions() {
        return List.copyOf(template.functions().values());
    }

    Path packageOf(String variant) {
        return packages.resolve(variant).resolve(module);
    }

    boolean hasPackage(String variant) {
        return Files.isDirectory(packageOf(variant));
    }

    /** The function as the template declares it, run from {@code taskRoot}, with extra variables. */
    FunctionConfig config(FunctionResource function, Path taskRoot, String handler, Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "AWS_ENDPOINT_URL_DYNAMODB", endpoint.toString(),
                "AWS_ENDPOINT_URL_DYNAMODB_STREAMS", endpoint.toString(),
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local",
                "AWS_SESSION_TOKEN", "local"));
        if (tableName != null) {
            environment.put("TABLE_NAME", tableName);
        }
        environment.putAll(extra);
        return new FunctionConfig(function.logicalId(), handler, taskRoot, environment, REGION,
                function.memorySize(), function.timeout());
    }

    /** The fixture a function's cold start is measured with: the stage's own test events. */
    String eventFor(FunctionResource function) {
        String simpleName = function.handlerClassName().substring(function.handlerClassName().lastIndexOf('.') + 1);
        String fixture = switch (simpleName) {
            case "RecordVisitHandler" -> "get-tag.json";
            case "ViewCountsHandler" -> "get-counts.json";
            case "StreamProcessorHandler" -> "stream-batch.json";
            default -> "get-root.json";
        };
        try {
            return Files.readString(repository.resolve(module).resolve("events").resolve(fixture));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isStreamHandler(FunctionResource function) {
        return !function.dynamoDbEvents().isEmpty();
    }
}
