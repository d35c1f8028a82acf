package com.example.workshop.local.http;

/**
 * How large a head may be: its start line (over it: 414 URI Too Long) and its header lines, line ends included
 * (over it: 431 Request Header Fields Too Large).
 */
public record HeadLimits(int maxStartLineBytes, int maxHeaderBytes) {

    /** For messages from a peer this runtime trusts to be reasonable, such as its own DynamoDB engine. */
    public static final HeadLimits DEFAULT = new HeadLimits(16 * 1024, 64 * 1024);
}
