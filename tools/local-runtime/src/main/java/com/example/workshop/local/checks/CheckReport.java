package com.example.workshop.local.checks;

import java.util.List;

/** The results of a run of checks, in order. */
public record CheckReport(List<CheckResult> results) {

    public long passed() {
        return results.stream().filter(CheckResult::passed).count();
    }

    public long failed() {
        return results.size() - passed();
    }

    public boolean allPassed() {
        return !results.isEmpty() && failed() == 0;
    }

    /** e.g. {@code smoke: 12 passed, 0 failed} */
    public String totalLine(String label) {
        return label + ": " + passed() + " passed, " + failed() + " failed";
    }

    public List<String> failureLines() {
        return results.stream().filter(result -> !result.passed()).map(CheckResult::line).toList();
    }
}
