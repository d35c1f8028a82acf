package com.example.workshop.local.apigateway;

import com.example.workshop.local.lambda.FunctionInvoker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resource and method of the REST API, integrated with a function (Lambda proxy integration).
 *
 * @param method       GET, POST, ... or ANY
 * @param resourcePath as in the template, e.g. {@code /tags/{tag}} or {@code /files/{proxy+}}
 */
public record Route(String method, String resourcePath, String functionName, FunctionInvoker function) {

    public Route {
        method = method.toUpperCase(java.util.Locale.ROOT);
        if (!resourcePath.startsWith("/")) {
            throw new IllegalArgumentException("API path must start with '/': " + resourcePath);
        }
    }

    /**
     * The (still URL-encoded) path parameters when a request reaches this route, matched as API Gateway does:
     * {@code {name}} takes one non-empty segment, a trailing {@code {name+}} the rest of the path.
     */
    Optional<Map<String, String>> match(String requestMethod, String rawPath) {
        if (!method.equals("ANY") && !method.equals(requestMethod)) {
            return Optional.empty();
        }
        List<String> routeSegments = segments(resourcePath);
        List<String> requestSegments = segments(rawPath);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < routeSegments.size(); i++) {
            String routeSegment = routeSegments.get(i);
            if (i >= requestSegments.size()) {
                return Optional.empty();
            }
            if (routeSegment.matches("\\{.+\\+}")) {
                parameters.put(routeSegment.substring(1, routeSegment.length() - 2),
                        String.join("/", requestSegments.subList(i, requestSegments.size())));
                return Optional.of(parameters);
            }
            if (routeSegment.matches("\\{.+}")) {
                parameters.put(routeSegment.substring(1, routeSegment.length() - 1), requestSegments.get(i));
            } else if (!routeSegment.equals(requestSegments.get(i))) {
                return Optional.empty();
            }
        }
        return routeSegments.size() == requestSegments.size() ? Optional.of(parameters) : Optional.empty();
    }

    /** Literal segments win over {param}, which wins over {proxy+}; then an exact method over ANY. */
    int specificity() {
        List<String> segments = segments(resourcePath);
        int literal = (int) segments.stream().filter(segment -> !segment.startsWith("{")).count();
        boolean greedy = resourcePath.endsWith("+}");
        return (greedy ? 0 : 1000) + literal * 10 + (method.equals("ANY") ? 0 : 1);
    }

    private static List<String> segments(String path) {
        return new ArrayList<>(Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList());
    }
}
