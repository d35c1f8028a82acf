package com.example.workshop.local.lambda;

import java.nio.file.Path;
import java.util.Map;

/**
 * What Lambda needs to run one function: the template's properties, resolved.
 *
 * @param name           function name, as in AWS_LAMBDA_FUNCTION_NAME and the log prefix
 * @param handler        {@code package.Class::method}, as in the template's Handler
 * @param taskRoot       the deployment package unpacked (classes at the root, dependencies in lib/), i.e. /var/task
 * @param environment    the function's own variables: the template's Environment.Variables plus credentials and endpoints
 * @param region         AWS_REGION of the function
 * @param memoryMb       MemorySize
 * @param timeoutSeconds Timeout
 */
public record FunctionConfig(String name, String handler, Path taskRoot, Map<String, String> environment,
                             String region, int memoryMb, int timeoutSeconds) {

    public FunctionConfig {
        requireText(name, "name");
        requireText(handler, "Handler");
        requireText(region, "region");
        if (memoryMb < 128 || memoryMb > 10240) {
            throw new IllegalArgumentException(name + ": MemorySize must be between 128 and 10240 MB, got " + memoryMb);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 900) {
            throw new IllegalArgumentException(name + ": Timeout must be between 1 and 900 seconds, got " + timeoutSeconds);
        }
        environment = Map.copyOf(environment);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("function " + what + " is missing");
        }
    }
}
