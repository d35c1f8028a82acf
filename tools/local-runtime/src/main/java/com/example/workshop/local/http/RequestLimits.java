package com.example.workshop.local.http;

import java.time.Duration;

/**
 * What a server accepts of a client: the longest URL (414 over it), the most header bytes (431), the largest body
 * (413), and how long a request may take to arrive from its first byte on (408 after it), which is also how long
 * a kept-alive connection may stay idle between requests before it is closed.
 */
public record RequestLimits(int maxTargetChars, int maxHeaderBytes, long maxBodyBytes, Duration timeout) {

    /** Room the start line needs beside the target: the method, two spaces and the version. */
    private static final int START_LINE_BESIDES_TARGET = 64;

    public HeadLimits headLimits() {
        return new HeadLimits(maxTargetChars + START_LINE_BESIDES_TARGET, maxHeaderBytes);
    }

    public RequestLimits withTimeout(Duration timeout) {
        return new RequestLimits(maxTargetChars, maxHeaderBytes, maxBodyBytes, timeout);
    }
}
