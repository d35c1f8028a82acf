package com.example.workshop.docs;

import java.util.Optional;

/**
 * An {@code output} block as a check of a command's output: each of its lines, trimmed, appears in the
 * output in the same order; blank lines and {@code ...} lines are left out, so a guide can show part of it.
 */
final class ExpectedOutput {

    private ExpectedOutput() {
    }

    /** The first expected line the actual output lacks, if any. */
    static Optional<String> firstMissingLine(String expected, String actual) {
        int from = 0;
        for (String line : expected.lines().map(String::trim).toList()) {
            if (line.isEmpty() || line.equals("...")) {
                continue;
            }
            int at = actual.indexOf(line, from);
            if (at < 0) {
                return Optional.of(line);
            }
            from = at + line.length();
        }
        return Optional.empty();
    }
}
