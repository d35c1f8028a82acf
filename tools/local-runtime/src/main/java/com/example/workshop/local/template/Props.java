package com.example.workshop.local.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML mapping being read for one part of a template, which knows where it is (for messages) and
 * refuses keys it does not support before anything is read from it.
 */
final class Props {

    /** Where in which file: {@code template.yaml: resource DynamoDBTable}. */
    record Scope(String where) {
        TemplateException error(String detail) {
            return new TemplateException(where + ": " + detail);
        }
    }

    private final Scope scope;
    private final String path;
    private final Map<String, Object> values;

    private Props(Scope scope, String path, Map<String, Object> values) {
        this.scope = scope;
        this.path = path;
        this.values = values;
    }

    /** Reads {@code raw} (absent: empty) as a mapping whose keys must all be in {@code supported}. */
    static Props of(Scope scope, String path, Object raw, Set<String> supported) {
        Props props = new Props(scope, path, asMapping(scope, path, raw));
        for (String key : props.values.keySet()) {
            if (!supported.contains(key)) {
                throw scope.error("property " + props.pathOf(key) + " is not supported");
            }
        }
        return props;
    }

    static Map<String, Object> asMapping(Scope scope, String path, Object raw) {
        if (raw == null) {
            return Map.of();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw scope.error("property " + path + " must be a mapping");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((key, value) -> values.put(String.valueOf(key), value));
        return values;
    }

    Scope scope() {
        return scope;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Object raw(String key) {
        return values.get(key);
    }

    Map<String, Object> asMap() {
        return values;
    }

    Props child(String key, Set<String> supported) {
        return of(scope, pathOf(key), values.get(key), supported);
    }

    String requiredString(String key) {
        if (!has(key)) {
            throw scope.error("property " + pathOf(key) + " is required");
        }
        return string(key, null);
    }

    String string(String key, String absent) {
        Object value = values.get(key);
        if (value == null) {
            return absent;
        }
        if (value instanceof Map || value instanceof List || value instanceof YamlReader.Tagged) {
            throw scope.error("property " + pathOf(key) + " must be a plain value");
        }
        return String.valueOf(value);
    }

    String oneOf(String key, String absent, Set<String> allowed) {
        String value = string(key, absent);
        if (value != null && !allowed.contains(value)) {
            throw scope.error("property " + pathOf(key) + " must be one of " + String.join(", ", sorted(allowed))
                    + ", not " + value);
        }
        return value;
    }

    int integer(String key, int absent, int min, int max) {
        String text = string(key, null);
        if (text == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw scope.error("property " + pathOf(key) + " must be a whole number from " + min + " to " + max
                + ", not " + text);
    }

    boolean bool(String key) {
        String text = string(key, "false");
        if (!text.equals("true") && !text.equals("false")) {
            throw scope.error("property " + pathOf(key) + " must be true or false, not " + text);
        }
        return Boolean.parseBoolean(text);
    }

    /** A list; a single value is read as a list of one, as CloudFormation does for Action and Resource. */
    List<Object> list(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list)) : List.of(value);
    }

    List<String> strings(String key) {
        List<Object> items = list(key);
        for (Object item : items) {
            if (item instanceof Map || item instanceof List || item instanceof YamlReader.Tagged) {
                throw scope.error("property " + pathOf(key) + " must be a list of plain values");
            }
        }
        return items.stream().map(String::valueOf).toList();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
