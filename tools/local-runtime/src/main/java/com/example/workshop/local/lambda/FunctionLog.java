package com.example.workshop.local.lambda;

import java.io.PrintStream;

/**
 * Where a function's log lines go: its own stdout/stderr and the platform's START/END/REPORT lines,
 * as CloudWatch Logs would show them.
 */
@FunctionalInterface
public interface FunctionLog {

    void line(String functionName, String line);

    /** Prints each line prefixed with the function's name, e.g. {@code [RecordVisitFunction] START RequestId: ...}. */
    static FunctionLog printingTo(PrintStream out) {
        return (functionName, line) -> out.println("[" + functionName + "] " + line);
    }
}
