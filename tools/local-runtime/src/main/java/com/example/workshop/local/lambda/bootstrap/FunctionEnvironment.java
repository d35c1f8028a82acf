package com.example.workshop.local.lambda.bootstrap;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;

import java.util.Map;

/** What Lambda tells the runtime about the function through reserved environment variables. */
record FunctionEnvironment(String runtimeApi, String functionName, String functionVersion, int memoryLimitMb,
                           String logGroupName, String logStreamName, LogLevel logLevel) {

    static FunctionEnvironment fromEnvironment() {
        return from(System.getenv());
    }

    static FunctionEnvironment from(Map<String, String> variables) {
        String runtimeApi = variables.get("AWS_LAMBDA_RUNTIME_API");
        if (runtimeApi == null) {
            throw new IllegalStateException("AWS_LAMBDA_RUNTIME_API is not set");
        }
        return new FunctionEnvironment(runtimeApi,
                variables.get("AWS_LAMBDA_FUNCTION_NAME"),
                variables.get("AWS_LAMBDA_FUNCTION_VERSION"),
                Integer.parseInt(variables.getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")),
                variables.get("AWS_LAMBDA_LOG_GROUP_NAME"),
                variables.get("AWS_LAMBDA_LOG_STREAM_NAME"),
                LogLevel.fromString(variables.getOrDefault("AWS_LAMBDA_LOG_LEVEL", "UNDEFINED")));
    }
}
