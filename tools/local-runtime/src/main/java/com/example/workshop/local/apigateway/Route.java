package com.example.workshop.local.apigateway;

import com.example.workshop.local.lambda.FunctionInvoker;
import com.example.workshop.local.template.ResourcePath;

import java.util.Arrays;
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

    /** The (still URL-encoded) path parameters when a request reaches this route. */
    Optional<Map<String, String>> match(String requestMethod, String rawPath) {
        if (!method.equals("ANY") && !method.equals(requestMethod)) {
            return Optional.empty();
        }
        return ResourcePath.match(resourcePath, rawPath);
    }

    /** Literal segments win over {param}, which wins over {proxy+}; then an exact method over ANY. */
    int specificity() {
        long literal = Arrays.stream(ResourcePath.segments(resourcePath)).filter(segment -> !segment.startsWith("{")).count();
        boolean greedy = resourcePath.endsWith("+}");
        return (greedy ? 0 : 1000) + (int) literal * 10 + (method.equals("ANY") ? 0 : 1);
    }
}
