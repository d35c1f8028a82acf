package com.example.workshop.local.lambda.bootstrap;

/**
 * An event as GET /runtime/invocation/next hands it out: the payload and the {@code Lambda-Runtime-*} headers
 * (null where a header is absent).
 *
 * @param deadlineMs when the invocation times out, in milliseconds since the epoch
 */
record NextInvocation(String requestId, long deadlineMs, String invokedFunctionArn, String traceId,
                      String clientContext, String cognitoIdentity, String tenantId, byte[] payload) {
}
