package com.example.workshop.local.checks;

/**
 * The outcome of one check, printed as one line: mark, name, what was sent, what was expected, what came back.
 */
public record CheckResult(String name, boolean passed, String sent, String expected, String got) {

    public String line() {
        return (passed ? "PASS" : "FAIL") + "  " + name + " | sent " + sent + " | expected " + expected + " | got " + got;
    }
}
