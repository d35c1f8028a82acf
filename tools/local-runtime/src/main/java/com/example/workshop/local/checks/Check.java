package com.example.workshop.local.checks;

import java.util.function.Supplier;

/** One black-box check of a deployed stage: a few HTTP requests and what their answers must show. */
public record Check(String name, Supplier<Outcome> probe) {

    /** Runs the check; an unexpected error is a failed check, not a crash of the whole run. */
    public CheckResult run() {
        try {
            Outcome outcome = probe.get();
            return new CheckResult(name, outcome.passed(), outcome.sent(), outcome.expected(), outcome.got());
        } catch (RuntimeException e) {
            return new CheckResult(name, false, "-", "no error", "error " + e);
        }
    }
}
