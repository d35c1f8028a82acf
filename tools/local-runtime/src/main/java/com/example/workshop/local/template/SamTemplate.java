package com.example.workshop.local.template;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stage's SAM template, read and checked: its functions (with Globals merged), tables and outputs. Whatever
 * the local runtime could not run as AWS would is refused by {@link #load} with a {@link TemplateException}.
 *
 * @param file  the template file as it was given
 * @param notes things accepted but without effect locally (e.g. SnapStart), to be shown to the user
 */
public record SamTemplate(
        Path file,
        String description,
        Map<String, FunctionResource> functions,
        Map<String, TableResource> tables,
        Map<String, Output> outputs,
        List<String> notes) {

    public SamTemplate {
        functions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        notes = List.copyOf(notes);
    }

    /** Reads and checks the template; never throws anything but {@link TemplateException} for a bad one. */
    public static SamTemplate load(Path file) {
        return new TemplateParser(file).parse();
    }

    /** The folder CodeUri is relative to. */
    public Path directory() {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(".").toAbsolutePath();
    }

    public FunctionResource function(String logicalId) {
        FunctionResource function = functions.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException(file + " has no function " + logicalId + " (it has " + functions.keySet() + ")");
        }
        return function;
    }

    public TableResource table(String logicalId) {
        TableResource table = tables.get(logicalId);
        if (table == null) {
            throw new IllegalArgumentException(file + " has no table " + logicalId + " (it has " + tables.keySet() + ")");
        }
        return table;
    }

    /** Every route of the implicit API, in template order. */
    public List<ApiEvent> apiEvents() {
        return functions.values().stream().map(FunctionResource::apiEvents).flatMap(Collection::stream).toList();
    }

    /** Every stream subscription, in template order. */
    public List<DynamoDbEvent> dynamoDbEvents() {
        return functions.values().stream().map(FunctionResource::dynamoDbEvents).flatMap(Collection::stream).toList();
    }

    /** Whether SAM would create the implicit API {@code ServerlessRestApi}. */
    public boolean hasApi() {
        return !apiEvents().isEmpty();
    }
}
