package com.example.workshop.local.template;

import java.util.List;
import java.util.regex.Pattern;

/** A function's IAM statements with every resource resolved to an ARN pattern. */
public record ResolvedPolicy(List<Statement> statements) {

    public record Statement(String sid, String effect, List<String> actions, List<String> resources) {

        boolean covers(String action, String resourceArn) {
            return actions.stream().anyMatch(pattern -> glob(pattern, true).matcher(action).matches())
                    && resources.stream().anyMatch(pattern -> glob(pattern, false).matcher(resourceArn).matches());
        }
    }

    public ResolvedPolicy {
        statements = List.copyOf(statements);
    }

    /**
     * Whether the role may perform {@code action} (e.g. {@code dynamodb:UpdateItem}) on the resource, as IAM
     * decides it: an explicit Deny wins, otherwise an Allow is needed. Action names match case-insensitively,
     * both may use the wildcards {@code *} and {@code ?}.
     */
    public boolean allows(String action, String resourceArn) {
        boolean allowed = statements.stream()
                .anyMatch(s -> s.effect().equals("Allow") && s.covers(action, resourceArn));
        return allowed && !explicitlyDenies(action, resourceArn);
    }

    /** Whether a Deny statement covers the request (IAM then says "with an explicit deny"). */
    public boolean explicitlyDenies(String action, String resourceArn) {
        return statements.stream().anyMatch(s -> s.effect().equals("Deny") && s.covers(action, resourceArn));
    }

    private static Pattern glob(String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }
}
