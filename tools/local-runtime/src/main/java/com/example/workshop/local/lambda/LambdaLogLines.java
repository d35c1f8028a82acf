package com.example.workshop.local.lambda;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** The platform's own log lines, worded and tab-separated as Lambda writes them to CloudWatch Logs. */
final class LambdaLogLines {

    private LambdaLogLines() {
    }

    static String timedOut(String requestId, double seconds) {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + requestId + " Task timed out after "
                + String.format(Locale.ROOT, "%.2f", seconds) + " seconds";
    }

    /** What Lambda logs for an invocation whose runtime exited before answering it. */
    static List<String> runtimeExited(String requestId, int exitStatus) {
        return List.of("RequestId: " + requestId + " Error: Runtime exited with error: exit status " + exitStatus,
                "Runtime.ExitError");
    }

    /** @param errorType what the runtime sent in Lambda-Runtime-Function-Error-Type, e.g. Runtime.BadFunctionCode */
    static String initError(long initNanos, String errorType) {
        return "INIT_REPORT Init Duration: " + millis(initNanos / 1e6) + "\tPhase: init\tStatus: error\tError Type: " + errorType;
    }

    /**
     * @param maxMemoryUsedMb left out of the line when unknown (see {@link PeakResidentMemory})
     * @param status          null for a normal end, else e.g. "timeout"
     */
    static String report(String requestId, long durationNanos, int memoryMb, OptionalLong maxMemoryUsedMb,
                         OptionalLong initNanos, String status) {
        double durationMs = durationNanos / 1e6;
        double initMs = initNanos.orElse(0) / 1e6;
        // Since August 2025 Lambda bills the init phase of managed runtimes too.
        long billedMs = (long) Math.ceil(durationMs + initMs);
        StringBuilder line = new StringBuilder("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(millis(durationMs))
                .append("\tBilled Duration: ").append(billedMs).append(" ms")
                .append("\tMemory Size: ").append(memoryMb).append(" MB");
        if (maxMemoryUsedMb.isPresent()) {
            line.append("\tMax Memory Used: ").append(maxMemoryUsedMb.getAsLong()).append(" MB");
        }
        if (initNanos.isPresent()) {
            line.append("\tInit Duration: ").append(millis(initMs));
        }
        if (status != null) {
            line.append("\tStatus: ").append(status);
        }
        return line.append('\t').toString();
    }

    private static String millis(double ms) {
        return String.format(Locale.ROOT, "%.2f ms", ms);
    }
}
