package com.example.workshop.local.checks;

/** What a check observed, before it is named: see {@link Check}. */
record Outcome(boolean passed, String sent, String expected, String got) {
}
