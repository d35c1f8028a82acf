package com.example.workshop.local.lambda;

/**
 * Invokes one function synchronously (InvocationType RequestResponse), the way API Gateway
 * and event source mappings call Lambda.
 */
@FunctionalInterface
public interface FunctionInvoker {

    /**
     * @param payloadJson the event, as JSON
     * @return the function's response, or the error Lambda reports (handler exception, timeout, init failure)
     */
    InvocationResult invoke(String payloadJson);
}
