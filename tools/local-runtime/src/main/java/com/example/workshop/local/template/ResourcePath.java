package com.example.workshop.local.template;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A REST API resource path such as {@code /tags/{tag}} or {@code /files/{path+}}, matched as API Gateway does. */
public final class ResourcePath {

    private ResourcePath() {
    }

    /**
     * The path parameters (still URL-encoded) if {@code requestPath}, without the stage prefix, reaches
     * {@code resourcePath}: a {@code {name}} segment takes one non-empty segment, a trailing {@code {name+}} the
     * rest of the path.
     */
    public static Optional<Map<String, String>> match(String resourcePath, String requestPath) {
        String[] routeSegments = segments(resourcePath);
        String[] requestSegments = segments(requestPath);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < routeSegments.length; i++) {
            String routeSegment = routeSegments[i];
            if (i >= requestSegments.length) {
                return Optional.empty();
            }
            if (routeSegment.startsWith("{") && routeSegment.endsWith("+}")) {
                String rest = String.join("/", Arrays.copyOfRange(requestSegments, i, requestSegments.length));
                parameters.put(routeSegment.substring(1, routeSegment.length() - 2), rest);
                return Optional.of(parameters);
            }
            if (routeSegment.startsWith("{") && routeSegment.endsWith("}")) {
                parameters.put(routeSegment.substring(1, routeSegment.length() - 1), requestSegments[i]);
            } else if (!routeSegment.equals(requestSegments[i])) {
                return Optional.empty();
            }
        }
        return routeSegments.length == requestSegments.length ? Optional.of(parameters) : Optional.empty();
    }

    /** The segments between slashes: {@code [tags, {tag}]} for {@code /tags/{tag}}. */
    public static String[] segments(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
