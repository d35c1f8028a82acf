package com.example.workshop.local.template;

import com.example.workshop.local.template.Props.Scope;
import com.example.workshop.local.template.TableResource.AttributeDefinition;
import com.example.workshop.local.template.TableResource.KeyElement;
import com.example.workshop.local.template.TableResource.Throughput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a SAM template into a {@link SamTemplate}, refusing anything the local runtime does not support. */
final class TemplateParser {

    private static final String TRANSFORM = "AWS::Serverless-2016-10-31";
    private static final Set<String> SECTIONS =
            Set.of("AWSTemplateFormatVersion", "Transform", "Description", "Globals", "Resources", "Outputs");
    private static final Set<String> GLOBAL_FUNCTION_PROPERTIES = Set.of("Handler", "CodeUri", "Runtime", "MemorySize",
            "Timeout", "Architectures", "Environment", "Description", "AutoPublishAlias", "SnapStart");
    private static final Set<String> FUNCTION_PROPERTIES = union(GLOBAL_FUNCTION_PROPERTIES, Set.of("Policies", "Events"));
    private static final Set<String> TABLE_PROPERTIES = Set.of("TableName", "AttributeDefinitions", "KeySchema",
            "ProvisionedThroughput", "BillingMode", "StreamSpecification");
    private static final Set<String> STREAM_EVENT_PROPERTIES = Set.of("Stream", "StartingPosition", "BatchSize",
            "MaximumBatchingWindowInSeconds", "FunctionResponseTypes", "BisectBatchOnFunctionError",
            "MaximumRetryAttempts");

    private final Path file;
    private final Scope fileScope;
    private final List<String> notes = new ArrayList<>();
    private Intrinsics intrinsics;

    TemplateParser(Path file) {
        this.file = file;
        this.fileScope = new Scope(file.toString());
    }

    SamTemplate parse() {
        Map<String, Object> root = Props.asMapping(fileScope, "(top level)", YamlReader.read(file));
        for (String section : root.keySet()) {
            if (!SECTIONS.contains(section)) {
                throw fileScope.error("section " + section + " is not supported");
            }
        }
        if (!TRANSFORM.equals(root.get("Transform"))) {
            throw fileScope.error("Transform must be " + TRANSFORM);
        }
        Map<String, Object> resources = Props.asMapping(fileScope, "Resources", root.get("Resources"));
        Map<String, Object> globalFunction = globalFunctionProperties(root.get("Globals"));
        intrinsics = catalog(resources, globalFunction);

        Map<String, FunctionResource> functions = new LinkedHashMap<>();
        Map<String, TableResource> tables = new LinkedHashMap<>();
        resources.forEach((logicalId, raw) -> {
            Scope scope = new Scope(file + ": resource " + logicalId);
            Object properties = Props.asMapping(scope, "(resource)", raw).get("Properties");
            if (typeOf(logicalId, raw).equals(Intrinsics.TABLE_TYPE)) {
                tables.put(logicalId, table(logicalId, scope, properties));
            } else {
                functions.put(logicalId, function(logicalId, scope, merge(globalFunction, properties, scope)));
            }
        });
        Object description = root.get("Description");
        return new SamTemplate(file, description == null ? "" : String.valueOf(description).strip(),
                functions, tables, outputs(root.get("Outputs")), notes);
    }

    private Map<String, Object> globalFunctionProperties(Object globals) {
        Scope scope = new Scope(file + ": Globals");
        Props sections = Props.of(scope, "", globals, Set.of("Function"));
        return sections.child("Function", GLOBAL_FUNCTION_PROPERTIES).asMap();
    }

    /** Knows every logical id and type before any property is read, so references can be checked. */
    private Intrinsics catalog(Map<String, Object> resources, Map<String, Object> globalFunction) {
        Map<String, String> types = new LinkedHashMap<>();
        Set<String> tablesWithStream = new HashSet<>();
        boolean hasApi = false;
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            String logicalId = resource.getKey();
            Scope scope = new Scope(file + ": resource " + logicalId);
            Map<String, Object> definition = Props.asMapping(scope, "(resource)", resource.getValue());
            for (String key : definition.keySet()) {
                if (!key.equals("Type") && !key.equals("Properties")) {
                    throw scope.error(key + " is not supported (only Type and Properties are)");
                }
            }
            String type = typeOf(logicalId, definition);
            types.put(logicalId, type);
            Map<String, Object> properties = Props.asMapping(scope, "Properties", definition.get("Properties"));
            if (type.equals(Intrinsics.TABLE_TYPE) && properties.get("StreamSpecification") != null) {
                tablesWithStream.add(logicalId);
            }
            if (type.equals(Intrinsics.FUNCTION_TYPE) && hasApiEvent(properties.get("Events"))) {
                hasApi = true;
            }
        }
        return new Intrinsics(types, tablesWithStream, hasApi);
    }

    private String typeOf(String logicalId, Object definition) {
        Scope scope = new Scope(file + ": resource " + logicalId);
        Object type = Props.asMapping(scope, "(resource)", definition).get("Type");
        if (type == null) {
            throw scope.error("Type is required");
        }
        if (!type.equals(Intrinsics.FUNCTION_TYPE) && !type.equals(Intrinsics.TABLE_TYPE)) {
            throw scope.error("type " + type + " is not supported (the local runtime knows "
                    + Intrinsics.FUNCTION_TYPE + " and " + Intrinsics.TABLE_TYPE + ")");
        }
        return (String) type;
    }

    private static boolean hasApiEvent(Object events) {
        return events instanceof Map<?, ?> map && map.values().stream()
                .anyMatch(event -> event instanceof Map<?, ?> e && "Api".equals(e.get("Type")));
    }

    /** Globals.Function under the function's own properties; Environment.Variables merge key by key. */
    private static Map<String, Object> merge(Map<String, Object> globals, Object properties, Scope scope) {
        Map<String, Object> own = Props.asMapping(scope, "Properties", properties);
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        merged.putAll(own);
        if (globals.containsKey("Environment") && own.containsKey("Environment")) {
            Map<String, Object> variables = new LinkedHashMap<>(variablesOf(globals, scope));
            variables.putAll(variablesOf(own, scope));
            merged.put("Environment", Map.of("Variables", variables));
        }
        return merged;
    }

    private static Map<String, Object> variablesOf(Map<String, Object> properties, Scope scope) {
        Props environment = Props.of(scope, "Environment", properties.get("Environment"), Set.of("Variables"));
        return Props.asMapping(scope, "Environment.Variables", environment.raw("Variables"));
    }

    private FunctionResource function(String logicalId, Scope scope, Map<String, Object> raw) {
        Props props = Props.of(scope, "", raw, FUNCTION_PROPERTIES);
        String handler = props.requiredString("Handler");
        if (!handler.matches("[\\w$]+(\\.[\\w$]+)*(::\\w+)?")) {
            throw scope.error("property Handler must look like package.Class::method, not " + handler);
        }
        String runtime = props.requiredString("Runtime");
        if (!runtime.matches("java\\d+(\\.al2)?")) {
            throw scope.error("property Runtime must be a Java runtime such as java21, not " + runtime);
        }
        noteIgnored(props, logicalId);
        return new FunctionResource(
                logicalId,
                handler,
                props.string("CodeUri", "."),
                runtime,
                props.integer("MemorySize", 128, 128, 10240),
                props.integer("Timeout", 3, 1, 900),
                architectures(props),
                environment(props),
                policies(props),
                apiEvents(logicalId, props),
                dynamoDbEvents(logicalId, props));
    }

    private void noteIgnored(Props props, String logicalId) {
        if (props.has("SnapStart")) {
            props.child("SnapStart", Set.of("ApplyOn")).oneOf("ApplyOn", "None", Set.of("PublishedVersions", "None"));
            notes.add(logicalId + ": SnapStart has no effect locally; each start of the function is a cold start");
        }
        if (props.has("AutoPublishAlias")) {
            notes.add(logicalId + ": AutoPublishAlias has no effect locally; invocations run the code just built");
        }
    }

    private static List<String> architectures(Props props) {
        List<String> architectures = props.has("Architectures") ? props.strings("Architectures") : List.of("x86_64");
        if (architectures.size() != 1 || !Set.of("x86_64", "arm64").contains(architectures.getFirst())) {
            throw props.scope().error("property Architectures must be [x86_64] or [arm64], not " + architectures);
        }
        return architectures;
    }

    private Map<String, Object> environment(Props props) {
        Props environment = props.child("Environment", Set.of("Variables"));
        Map<String, Object> variables = new LinkedHashMap<>();
        Props.asMapping(props.scope(), "Environment.Variables", environment.raw("Variables")).forEach((name, value) -> {
            String path = "Environment.Variables." + name;
            if (value == null || value instanceof List || (value instanceof Map<?, ?> m && !isIntrinsicMap(m))) {
                throw props.scope().error("property " + path + " must be a string or an intrinsic");
            }
            Object converted = intrinsics.value(value, props.scope(), path);
            variables.put(name, converted instanceof Intrinsic ? converted : String.valueOf(converted));
        });
        return variables;
    }

    private static boolean isIntrinsicMap(Map<?, ?> map) {
        return map.size() == 1 && String.valueOf(map.keySet().iterator().next()).matches("Ref|Fn::.*");
    }

    private List<PolicyStatement> policies(Props props) {
        List<PolicyStatement> statements = new ArrayList<>();
        List<Object> policies = props.list("Policies");
        for (int i = 0; i < policies.size(); i++) {
            String path = "Policies[" + i + "]";
            Object policy = policies.get(i);
            if (!(policy instanceof Map<?, ?> map) || map.size() != 1 && !map.containsKey("Statement")) {
                throw props.scope().error("property " + path + " must be an inline policy (Statement: [...]) or one of "
                        + String.join(", ", PolicyTemplates.DYNAMODB_ACTIONS.keySet().stream().sorted().toList()));
            }
            String name = String.valueOf(map.keySet().iterator().next());
            if (map.containsKey("Statement")) {
                statements.addAll(inlinePolicy(Props.of(props.scope(), path, policy, Set.of("Version", "Statement"))));
            } else if (PolicyTemplates.isKnown(name)) {
                Props parameters = Props.of(props.scope(), path + "." + name, map.get(name), Set.of("TableName"));
                if (!parameters.has("TableName")) {
                    throw props.scope().error("property " + parameters.pathOf("TableName") + " is required");
                }
                Object tableName = intrinsics.value(parameters.raw("TableName"), props.scope(), parameters.pathOf("TableName"));
                statements.add(PolicyTemplates.expand(name, tableName));
            } else {
                throw props.scope().error("property " + path + ": policy " + name + " is not supported (the local runtime knows "
                        + "inline Statement lists and " + String.join(", ", PolicyTemplates.DYNAMODB_ACTIONS.keySet().stream().sorted().toList()) + ")");
            }
        }
        return statements;
    }

    private List<PolicyStatement> inlinePolicy(Props policy) {
        List<PolicyStatement> statements = new ArrayList<>();
        List<Object> raw = policy.list("Statement");
        for (int i = 0; i < raw.size(); i++) {
            String path = policy.pathOf("Statement") + "[" + i + "]";
            Props statement = Props.of(policy.scope(), path, raw.get(i), Set.of("Sid", "Effect", "Action", "Resource"));
            List<String> actions = statement.strings("Action");
            List<Object> resources = new ArrayList<>();
            List<Object> rawResources = statement.list("Resource");
            for (int r = 0; r < rawResources.size(); r++) {
                resources.add(intrinsics.value(rawResources.get(r), policy.scope(), statement.pathOf("Resource") + "[" + r + "]"));
            }
            if (actions.isEmpty() || resources.isEmpty()) {
                throw policy.scope().error("property " + path + " needs Action and Resource");
            }
            statements.add(new PolicyStatement(statement.string("Sid", null),
                    required(statement, "Effect", Set.of("Allow", "Deny")), actions, resources));
        }
        return statements;
    }

    private static String missing(Props props, String key) {
        throw props.scope().error("property " + props.pathOf(key) + " is required");
    }

    private List<ApiEvent> apiEvents(String logicalId, Props props) {
        List<ApiEvent> events = new ArrayList<>();
        eventsOf(props).forEach((name, event) -> {
            if (event.string("Type", "").equals("Api")) {
                Props properties = event.child("Properties", Set.of("Path", "Method"));
                String path = properties.requiredString("Path");
                if (!path.startsWith("/")) {
                    throw props.scope().error("property " + properties.pathOf("Path") + " must start with /, not " + path);
                }
                String method = properties.oneOf("Method", null,
                        Set.of("get", "post", "put", "delete", "patch", "head", "options", "any"));
                events.add(new ApiEvent(logicalId, name,
                        (method == null ? missing(properties, "Method") : method).toUpperCase(), path));
            }
        });
        return events;
    }

    private List<DynamoDbEvent> dynamoDbEvents(String logicalId, Props props) {
        List<DynamoDbEvent> events = new ArrayList<>();
        eventsOf(props).forEach((name, event) -> {
            if (event.string("Type", "").equals("DynamoDB")) {
                Props properties = event.child("Properties", STREAM_EVENT_PROPERTIES);
                String startingPosition = properties.oneOf("StartingPosition", null, Set.of("TRIM_HORIZON", "LATEST"));
                List<String> responseTypes = properties.strings("FunctionResponseTypes");
                if (!Set.of("ReportBatchItemFailures").containsAll(responseTypes)) {
                    throw props.scope().error("property " + properties.pathOf("FunctionResponseTypes")
                            + " may only hold ReportBatchItemFailures, not " + responseTypes);
                }
                events.add(new DynamoDbEvent(logicalId, name,
                        streamTable(properties),
                        startingPosition == null ? missing(properties, "StartingPosition") : startingPosition,
                        properties.integer("BatchSize", 100, 1, 10000),
                        properties.integer("MaximumBatchingWindowInSeconds", 0, 0, 300),
                        responseTypes,
                        properties.bool("BisectBatchOnFunctionError"),
                        properties.integer("MaximumRetryAttempts", -1, -1, 10000)));
            }
        });
        return events;
    }

    /** The table whose stream the event reads: only {@code !GetAtt Table.StreamArn} can be run locally. */
    private String streamTable(Props properties) {
        if (!properties.has("Stream")) {
            return missing(properties, "Stream");
        }
        String path = properties.pathOf("Stream");
        Object stream = intrinsics.value(properties.raw("Stream"), properties.scope(), path);
        if (stream instanceof GetAtt getAtt && getAtt.attribute().equals("StreamArn")) {
            return getAtt.logicalId();
        }
        throw properties.scope().error("property " + path + " must be !GetAtt <Table>.StreamArn of a table of this template");
    }

    private static Map<String, Props> eventsOf(Props props) {
        Map<String, Props> events = new LinkedHashMap<>();
        Props.asMapping(props.scope(), "Events", props.raw("Events")).forEach((name, raw) -> {
            Props event = Props.of(props.scope(), "Events." + name, raw, Set.of("Type", "Properties"));
            String type = event.requiredString("Type");
            if (!type.equals("Api") && !type.equals("DynamoDB")) {
                throw props.scope().error("property " + event.pathOf("Type") + ": event type " + type
                        + " is not supported (the local runtime knows Api and DynamoDB)");
            }
            events.put(name, event);
        });
        return events;
    }

    private TableResource table(String logicalId, Scope scope, Object raw) {
        Props props = Props.of(scope, "", raw, TABLE_PROPERTIES);
        List<AttributeDefinition> attributes = new ArrayList<>();
        forEachItem(props, "AttributeDefinitions", Set.of("AttributeName", "AttributeType"), item -> attributes.add(
                new AttributeDefinition(item.requiredString("AttributeName"),
                        required(item, "AttributeType", Set.of("S", "N", "B")))));
        List<KeyElement> keys = new ArrayList<>();
        forEachItem(props, "KeySchema", Set.of("AttributeName", "KeyType"), item -> keys.add(
                new KeyElement(item.requiredString("AttributeName"), required(item, "KeyType", Set.of("HASH", "RANGE")))));
        checkKeys(scope, attributes, keys);
        String billingMode = props.oneOf("BillingMode", "PROVISIONED", Set.of("PROVISIONED", "PAY_PER_REQUEST"));
        Throughput throughput = throughput(props, billingMode);
        String streamViewType = props.has("StreamSpecification")
                ? required(props.child("StreamSpecification", Set.of("StreamViewType")), "StreamViewType",
                        Set.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"))
                : null;
        return new TableResource(logicalId, props.string("TableName", null), attributes, keys, billingMode,
                throughput, streamViewType);
    }

    private static String required(Props props, String key, Set<String> allowed) {
        String value = props.oneOf(key, null, allowed);
        return value != null ? value : missing(props, key);
    }

    private static void forEachItem(Props props, String key, Set<String> supported, java.util.function.Consumer<Props> reader) {
        List<Object> items = props.list(key);
        if (items.isEmpty()) {
            missing(props, key);
        }
        for (int i = 0; i < items.size(); i++) {
            reader.accept(Props.of(props.scope(), key + "[" + i + "]", items.get(i), supported));
        }
    }

    /** DynamoDB's own rules, checked here so the message can name the template property. */
    private static void checkKeys(Scope scope, List<AttributeDefinition> attributes, List<KeyElement> keys) {
        List<String> keyTypes = keys.stream().map(KeyElement::keyType).toList();
        if (!keyTypes.equals(List.of("HASH")) && !keyTypes.equals(List.of("HASH", "RANGE"))) {
            throw scope.error("property KeySchema must be a HASH key, optionally followed by a RANGE key, not " + keyTypes);
        }
        Set<String> keyNames = new LinkedHashSet<>(keys.stream().map(KeyElement::name).toList());
        Set<String> defined = new LinkedHashSet<>(attributes.stream().map(AttributeDefinition::name).toList());
        if (!keyNames.equals(defined)) {
            throw scope.error("property AttributeDefinitions must define exactly the key attributes " + keyNames
                    + " (it defines " + defined + ")");
        }
    }

    private static Throughput throughput(Props props, String billingMode) {
        boolean provisioned = billingMode.equals("PROVISIONED");
        if (provisioned != props.has("ProvisionedThroughput")) {
            throw props.scope().error(provisioned
                    ? "property ProvisionedThroughput is required unless BillingMode is PAY_PER_REQUEST"
                    : "property ProvisionedThroughput must not be set when BillingMode is PAY_PER_REQUEST");
        }
        if (!provisioned) {
            return null;
        }
        Props throughput = props.child("ProvisionedThroughput", Set.of("ReadCapacityUnits", "WriteCapacityUnits"));
        for (String key : List.of("ReadCapacityUnits", "WriteCapacityUnits")) {
            if (!throughput.has(key)) {
                missing(throughput, key);
            }
        }
        return new Throughput(throughput.integer("ReadCapacityUnits", 0, 1, 40000),
                throughput.integer("WriteCapacityUnits", 0, 1, 40000));
    }

    private Map<String, Output> outputs(Object raw) {
        Map<String, Output> outputs = new LinkedHashMap<>();
        Props.asMapping(fileScope, "Outputs", raw).forEach((name, definition) -> {
            Props props = Props.of(new Scope(file + ": output " + name), "", definition, Set.of("Description", "Value"));
            if (!props.has("Value")) {
                missing(props, "Value");
            }
            outputs.put(name, new Output(name, props.string("Description", ""),
                    intrinsics.value(props.raw("Value"), props.scope(), "Value")));
        });
        return outputs;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return Set.copyOf(union);
    }
}
