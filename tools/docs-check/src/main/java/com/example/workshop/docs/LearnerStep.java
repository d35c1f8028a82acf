package com.example.workshop.docs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step of the hands-on path: the marked block writes or changes a file of the learner's folder
 * ({@code my-workshop/}). The comment sits on the line above the block's source marker:
 * <ul>
 *   <li>{@code <!-- learner-file: path -->} above a whole-file snippet: the learner creates or replaces the file;</li>
 *   <li>{@code <!-- learner-file: path#selector -->} above a snippet of part of a file: the learner replaces that
 *       part (a YAML key, an XML element), or adds it where the finished stage has it;</li>
 *   <li>{@code <!-- learner-diff: path -->} above a diff between two stages: the learner applies the change.</li>
 * </ul>
 */
public record LearnerStep(Kind kind, String path, String selector) {

    public enum Kind { FILE, DIFF }

    private static final Pattern COMMENT = Pattern.compile("^\\s*<!--\\s*learner-(file|diff):\\s*(\\S+?)\\s*-->\\s*$");

    public static Optional<LearnerStep> parse(String line) {
        Matcher matcher = COMMENT.matcher(line);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String reference = matcher.group(2);
        int hash = reference.indexOf('#');
        String path = hash < 0 ? reference : reference.substring(0, hash);
        String selector = hash < 0 ? null : reference.substring(hash + 1);
        return Optional.of(new LearnerStep(Kind.valueOf(matcher.group(1).toUpperCase()), path, selector));
    }

    /** The path with its selector, as written in the marker. */
    public String reference() {
        return selector == null ? path : path + "#" + selector;
    }

    @Override
    public String toString() {
        return "learner-" + kind.name().toLowerCase() + ": " + reference();
    }
}
