package com.example.workshop.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code Type: Api} event: a route of the implicit API ({@code ServerlessRestApi}) that invokes a function.
 *
 * @param method upper case ({@code GET}, ..., or {@code ANY})
 * @param path   as in the template, e.g. {@code /tag/{tag}}
 */
public record ApiEvent(String functionLogicalId, String name, String method, String path) {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}+]+)\\+?}");

    /** The path parameter names, in order: {@code [tag]} for {@code /tag/{tag}}. */
    public List<String> pathParameters() {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * The path parameters if a request with this method and path (without the stage prefix) reaches this
     * route, as API Gateway matches it: a {@code {name}} segment matches one non-empty segment,
     * a trailing {@code {name+}} the rest of the path.
     */
    public Optional<Map<String, String>> match(String requestMethod, String requestPath) {
        if (!method.equals("ANY") && !method.equalsIgnoreCase(requestMethod)) {
            return Optional.empty();
        }
        String[] routeSegments = segments(path);
        String[] requestSegments = segments(requestPath);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < routeSegments.length; i++) {
            String routeSegment = routeSegments[i];
            if (routeSegment.startsWith("{") && routeSegment.endsWith("+}")) {
                if (i >= requestSegments.length) {
                    return Optional.empty();
                }
                String rest = String.join("/", java.util.Arrays.copyOfRange(requestSegments, i, requestSegments.length));
                parameters.put(routeSegment.substring(1, routeSegment.length() - 2), rest);
                return Optional.of(parameters);
            }
            if (i >= requestSegments.length) {
                return Optional.empty();
            }
            if (routeSegment.startsWith("{") && routeSegment.endsWith("}")) {
                parameters.put(routeSegment.substring(1, routeSegment.length() - 1), requestSegments[i]);
            } else if (!routeSegment.equals(requestSegments[i])) {
                return Optional.empty();
            }
        }
        return routeSegments.length == requestSegments.length ? Optional.of(parameters) : Optional.empty();
    }

    private static String[] segments(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
