package com.example.workshop.local.template;

import java.util.List;
import java.util.regex.Pattern;

/** A function's IAM statements with every resource resolved to an ARN pattern. */
public final class ResolvedPolicy {

    public record Statement(String sid, String effect, List<String> actions, List<String> resources) {

        public Statement {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
        }
    }

    /** A statement's patterns compiled once, not on every call the IAM proxy checks. */
    private record Matcher(boolean deny, Pattern actions, Pattern resources) {

        Matcher(Statement statement) {
            this(statement.effect().equals("Deny"), anyOf(statement.actions(), true), anyOf(statement.resources(), false));
        }

        boolean covers(String action, String resourceArn) {
            return actions.matcher(action).matches() && resources.matcher(resourceArn).matches();
        }
    }

    private final List<Statement> statements;
    private final List<Matcher> matchers;

    public ResolvedPolicy(List<Statement> statements) {
        this.statements = List.copyOf(statements);
        this.matchers = this.statements.stream().map(Matcher::new).toList();
    }

    public List<Statement> statements() {
        return statements;
    }

    /**
     * Whether the role may perform {@code action} (e.g. {@code dynamodb:UpdateItem}) on the resource, as IAM
     * decides it: an explicit Deny wins, otherwise an Allow is needed. Action names match case-insensitively,
     * both may use the wildcards {@code *} and {@code ?}.
     */
    public boolean allows(String action, String resourceArn) {
        boolean allowed = matchers.stream().anyMatch(m -> !m.deny() && m.covers(action, resourceArn));
        return allowed && !explicitlyDenies(action, resourceArn);
    }

    /** Whether a Deny statement covers the request (IAM then says "with an explicit deny"). */
    public boolean explicitlyDenies(String action, String resourceArn) {
        return matchers.stream().anyMatch(m -> m.deny() && m.covers(action, resourceArn));
    }

    /** One regular expression matching what any of the IAM patterns matches. */
    private static Pattern anyOf(List<String> patterns, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (String pattern : patterns) {
            regex.append(regex.isEmpty() ? "" : "|");
            for (char c : pattern.toCharArray()) {
                switch (c) {
                    case '*' -> regex.append(".*");
                    case '?' -> regex.append('.');
                    default -> regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }
}
