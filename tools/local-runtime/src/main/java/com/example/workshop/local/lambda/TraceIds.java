package com.example.workshop.local.lambda;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** X-Ray trace headers in the format Lambda passes in Lambda-Runtime-Trace-Id (tracing off: Sampled=0). */
final class TraceIds {

    private TraceIds() {
    }

    static String newTraceHeader() {
        String epochSecondsHex = Long.toHexString(System.currentTimeMillis() / 1000);
        return "Root=1-" + epochSecondsHex + "-" + randomHex(12) + ";Parent=" + randomHex(8) + ";Sampled=0";
    }

    static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
