package com.example.workshop.local.lambda;

import java.io.PrintStream;

/**
 * Where a function's log lines go: its own stdout/stderr and the platform's START/END/REPORT lines,
 * as CloudWatch Logs would show them.
 *
 * <p>A channel of its own, on purpose not the runtime's System.Logger: these lines are the function's output
 * (what {@code sam logs} would show), the learner's to read whole, each prefixed with the function's name, while
 * the runtime's own messages (access log, build, IAM, streams) are its log, with levels a command may silence.
 */
@FunctionalInterface
public interface FunctionLog {

    void line(String functionName, String line);

    /** Prints each line prefixed with the function's name, e.g. {@code [RecordVisitFunction] START RequestId: ...}. */
    static FunctionLog printingTo(PrintStream out) {
        return (functionName, line) -> out.println("[" + functionName + "] " + line);
    }
}
