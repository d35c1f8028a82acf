package com.example.workshop.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the intrinsics of a raw value (short or long form) into {@link Intrinsic}s, checking that each
 * names something this template has: a resource, an attribute of it, or a pseudo parameter.
 */
final class Intrinsics {

    static final Set<String> PSEUDO_PARAMETERS =
            Set.of("AWS::Region", "AWS::AccountId", "AWS::StackName", "AWS::Partition");
    static final String IMPLICIT_API = "ServerlessRestApi";
    static final String TABLE_TYPE = "AWS::DynamoDB::Table";
    static final String FUNCTION_TYPE = "AWS::Serverless::Function";

    private final Map<String, String> resourceTypes;
    private final Set<String> tablesWithStream;
    private final boolean hasImplicitApi;

    Intrinsics(Map<String, String> resourceTypes, Set<String> tablesWithStream, boolean hasImplicitApi) {
        this.resourceTypes = resourceTypes;
        this.tablesWithStream = tablesWithStream;
        this.hasImplicitApi = hasImplicitApi;
    }

    /** {@code raw} with every intrinsic in it checked and converted; other values are kept. */
    Object value(Object raw, Props.Scope scope, String path) {
        return switch (raw) {
            case YamlReader.Tagged tagged -> intrinsic(tagged.function(), tagged.argument(), scope, path);
            case Map<?, ?> map when isLongForm(map) -> {
                Map.Entry<?, ?> entry = map.entrySet().iterator().next();
                yield intrinsic(String.valueOf(entry.getKey()), entry.getValue(), scope, path);
            }
            case Map<?, ?> map -> {
                Map<String, Object> converted = new LinkedHashMap<>();
                map.forEach((key, value) -> converted.put(String.valueOf(key), value(value, scope, path + "." + key)));
                yield converted;
            }
            case List<?> list -> {
                List<Object> converted = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    converted.add(value(list.get(i), scope, path + "[" + i + "]"));
                }
                yield converted;
            }
            case null -> null;
            default -> raw;
        };
    }

    private static boolean isLongForm(Map<?, ?> map) {
        if (map.size() != 1) {
            return false;
        }
        String key = String.valueOf(map.keySet().iterator().next());
        return key.equals("Ref") || key.startsWith("Fn::");
    }

    private Intrinsic intrinsic(String function, Object argument, Props.Scope scope, String path) {
        return switch (function) {
            case "Ref" -> checked(new Ref(text(argument, "!Ref needs a name", scope, path)), scope, path);
            case "Fn::GetAtt" -> checked(getAtt(argument, scope, path), scope, path);
            case "Fn::Sub" -> checked(sub(argument, scope, path), scope, path);
            default -> throw scope.error(path + ": " + function
                    + " is not supported (the local runtime knows !Ref, !GetAtt and !Sub)");
        };
    }

    private GetAtt getAtt(Object argument, Props.Scope scope, String path) {
        String usage = "!GetAtt needs Resource.Attribute or [Resource, Attribute]";
        if (argument instanceof List<?> list && list.size() == 2) {
            return new GetAtt(text(list.get(0), usage, scope, path), text(list.get(1), usage, scope, path));
        }
        String text = text(argument, usage, scope, path);
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw scope.error(path + ": " + usage + ", not " + text);
        }
        return new GetAtt(text.substring(0, dot), text.substring(dot + 1));
    }

    private Sub sub(Object argument, Props.Scope scope, String path) {
        String usage = "!Sub needs a string or [string, {Name: value}]";
        if (argument instanceof List<?> list && list.size() == 2 && list.get(1) instanceof Map<?, ?> variables) {
            Map<String, Object> converted = new LinkedHashMap<>();
            variables.forEach((name, value) ->
                    converted.put(String.valueOf(name), value(value, scope, path + "." + name)));
            return new Sub(text(list.get(0), usage, scope, path), converted);
        }
        return new Sub(text(argument, usage, scope, path), Map.of());
    }

    private static String text(Object argument, String usage, Props.Scope scope, String path) {
        if (argument instanceof String text && !text.isBlank()) {
            return text;
        }
        throw scope.error(path + ": " + usage);
    }

    private Intrinsic checked(Intrinsic intrinsic, Props.Scope scope, String path) {
        String problem = problemWith(intrinsic);
        if (problem != null) {
            throw scope.error(path + ": " + intrinsic.shortForm() + ": " + problem);
        }
        return intrinsic;
    }

    /** What is wrong with the intrinsic, or null if it names only things this template has. */
    private String problemWith(Intrinsic intrinsic) {
        return switch (intrinsic) {
            case Ref ref -> refProblem(ref.name());
            case GetAtt getAtt -> getAttProblem(getAtt.logicalId(), getAtt.attribute());
            case Sub sub -> subProblem(sub);
        };
    }

    private String refProblem(String name) {
        if (PSEUDO_PARAMETERS.contains(name) || resourceTypes.containsKey(name)) {
            return null;
        }
        if (name.equals(IMPLICIT_API)) {
            return hasImplicitApi ? null : IMPLICIT_API + " exists only when a function has an event of Type Api";
        }
        return name + " is neither a resource of this template nor a pseudo parameter ("
                + String.join(", ", PSEUDO_PARAMETERS.stream().sorted().toList()) + ")";
    }

    private String getAttProblem(String logicalId, String attribute) {
        String type = resourceTypes.get(logicalId);
        if (type == null) {
            return logicalId + " is not a resource of this template";
        }
        List<String> attributes = attributesOf(logicalId, type);
        if (attributes.contains(attribute)) {
            return null;
        }
        String hint = type.equals(TABLE_TYPE) && !tablesWithStream.contains(logicalId)
                ? "; StreamArn needs a StreamSpecification" : "";
        return logicalId + " (" + type + ") has no attribute " + attribute
                + " (it has " + String.join(", ", attributes) + hint + ")";
    }

    private List<String> attributesOf(String logicalId, String type) {
        if (type.equals(TABLE_TYPE)) {
            return tablesWithStream.contains(logicalId) ? List.of("Arn", "StreamArn") : List.of("Arn");
        }
        return List.of("Arn");
    }

    private String subProblem(Sub sub) {
        for (String name : sub.placeholders()) {
            if (sub.variables().containsKey(name)) {
                continue;
            }
            int dot = name.indexOf('.');
            String problem = dot > 0 && !PSEUDO_PARAMETERS.contains(name)
                    ? getAttProblem(name.substring(0, dot), name.substring(dot + 1))
                    : refProblem(name);
            if (problem != null) {
                return "${" + name + "}: " + problem;
            }
        }
        return null;
    }
}
