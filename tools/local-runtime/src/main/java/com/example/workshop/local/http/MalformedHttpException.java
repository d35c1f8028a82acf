package com.example.workshop.local.http;

import java.io.IOException;

/**
 * A message this runtime will not read, with the status to answer it with: 400 for what HTTP/1.1 forbids or
 * leaves ambiguous, 408, 411, 413, 414, 431 or 505 where one of those says more.
 */
public final class MalformedHttpException extends IOException {

    private final int status;

    public MalformedHttpException(int status, String problem) {
        super(problem);
        this.status = status;
    }

    /** A 400 Bad Request. */
    public static MalformedHttpException badRequest(String problem) {
        return new MalformedHttpException(400, problem);
    }

    public int status() {
        return status;
    }
}
