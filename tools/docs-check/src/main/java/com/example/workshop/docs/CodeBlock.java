package com.example.workshop.docs;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A fenced code block of a guide. {@code openLine} and {@code closeLine} are 0-based indexes of the fences;
 * the info string holds the language and flags such as {@code run}, {@code run-background} or {@code output}.
 * A block with a marker may also be a step of the hands-on path, which writes into the learner's folder.
 */
public record CodeBlock(int openLine, int closeLine, String info, String body, Optional<Marker> marker,
                        Optional<LearnerStep> learnerStep) {

    public String language() {
        return words().isEmpty() ? "" : words().getFirst();
    }

    public boolean hasFlag(String flag) {
        return words().stream().skip(1).anyMatch(flag::equals);
    }

    public boolean isShell() {
        return language().equals("bash") || language().equals("sh") || language().equals("shell");
    }

    /** 1-based line number of the opening fence, for messages. */
    public int lineNumber() {
        return openLine + 1;
    }

    private List<String> words() {
        String trimmed = info.trim();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    }
}
