package com.example.workshop.local.template;

import java.util.ArrayList;
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

    /** The path parameters if a request with this method and path (without the stage prefix) reaches this route. */
    public Optional<Map<String, String>> match(String requestMethod, String requestPath) {
        if (!method.equals("ANY") && !method.equalsIgnoreCase(requestMethod)) {
            return Optional.empty();
        }
        return ResourcePath.match(path, requestPath);
    }
}
