package com.example.workshop.testing;

import com.example.workshop.local.dynamodb.DynamoDbEngine;
import com.example.workshop.local.dynamodb.SdkClients;
import com.example.workshop.local.dynamodb.TableDeployer;
import com.example.workshop.local.dynamodb.TableNaming;
import com.example.workshop.local.template.DeployedTable;
import com.example.workshop.local.template.SamTemplate;
import com.example.workshop.local.template.StackFacts;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A local DynamoDB for one test class, with the tables a template declares:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalDynamoDb dynamo = LocalDynamoDb.fromTemplate("template.yaml");
 * }</pre>
 *
 * Before the class's tests a fresh in-memory dynoxide server is started (one per class, so a stream holds
 * only that class's writes); after them it is stopped. When {@code WORKSHOP_DYNAMODB_ENDPOINT} is set, that
 * endpoint is used instead and the class's tables, uniquely named, are deleted afterwards.
 */
public final class LocalDynamoDb implements BeforeAllCallback, AfterAllCallback {

    private final Path templatePath;
    private Class<?> owner;
    private SamTemplate template;
    private DynamoDbEngine engine;
    private Map<String, DeployedTable> tables;

    private LocalDynamoDb(Path templatePath) {
        this.templatePath = templatePath;
    }

    /** @param templatePath relative to the module folder (Maven runs tests there), e.g. {@code template.yaml} */
    public static LocalDynamoDb fromTemplate(String templatePath) {
        return new LocalDynamoDb(Path.of(templatePath));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (engine != null) {
            return; // a @Nested class: its enclosing class already started everything
        }
        owner = context.getRequiredTestClass();
        template = SamTemplate.load(templatePath);
        engine = DynamoDbEngine.start(null);
        tables = new TableDeployer(engine.client()).deploy(template, owner.getSimpleName(), TableNaming.RANDOM);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (engine == null || context.getRequiredTestClass() != owner) {
            return;
        }
        try {
            if (engine.isExternal()) {
                new TableDeployer(engine.client()).delete(tables.values());
            }
        } finally {
            engine.close();
            engine = null;
        }
    }

    /** A client of the local endpoint, shared by the class's tests (do not close it). */
    public DynamoDbClient client() {
        return started().client();
    }

    /**
     * A new client of the local endpoint with interceptors attached, e.g. a {@link DynamoDbCallRecorder};
     * the caller closes it.
     */
    public DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return SdkClients.dynamoDb(started().endpoint(), interceptors);
    }

    public DynamoDbStreamsClient streamsClient() {
        return started().streamsClient();
    }

    /** The physical name of the template's table {@code logicalId}. */
    public String tableName(String logicalId) {
        return table(logicalId).name();
    }

    /** The table's stream ARN as the endpoint reports it; null when the table declares no stream. */
    public String streamArn(String logicalId) {
        return table(logicalId).streamArn();
    }

    public URI endpoint() {
        return started().endpoint();
    }

    public SamTemplate template() {
        started();
        return template;
    }

    /** What the template's intrinsics resolve to against this endpoint (table names, ARNs, region, account). */
    public StackFacts facts() {
        started();
        return StackFacts.fromTables(owner.getSimpleName(), "local", tables);
    }

    private DeployedTable table(String logicalId) {
        started();
        DeployedTable table = tables.get(logicalId);
        if (table == null) {
            throw new IllegalArgumentException(templatePath + " declares no table " + logicalId
                    + " (it declares " + tables.keySet() + ")");
        }
        return table;
    }

    private DynamoDbEngine started() {
        if (engine == null) {
            throw new IllegalStateException("LocalDynamoDb is not started: register it as "
                    + "`@RegisterExtension static final LocalDynamoDb dynamo = LocalDynamoDb.fromTemplate(\"template.yaml\")` "
                    + "and use it from tests (or instance fields), not from static initializers");
        }
        return engine;
    }
}
