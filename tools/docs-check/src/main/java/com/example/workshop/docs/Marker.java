package com.example.workshop.docs;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML comment on the line before a fenced block that says where the block comes from:
 * {@code <!-- snippet: path[#selector] -->} or {@code <!-- diff: old-path new-path -->}.
 */
public record Marker(Kind kind, List<String> arguments) {

    public enum Kind { SNIPPET, DIFF }

    private static final Pattern COMMENT = Pattern.compile("^\\s*<!--\\s*(snippet|diff):\\s*(.*?)\\s*-->\\s*$");

    public static Optional<Marker> parse(String line) {
        Matcher matcher = COMMENT.matcher(line);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Kind kind = Kind.valueOf(matcher.group(1).toUpperCase());
        return Optional.of(new Marker(kind, List.of(matcher.group(2).split("\\s+"))));
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase() + ": " + String.join(" ", arguments);
    }
}
