package com.example.workshop.baseline;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.InvocationTargetException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * BENCHMARK ONLY. Builds the stage handler named by {@code BASELINE_DELEGATE} through the constructor every stage
 * handler has for tests, {@code (DynamoDbClient, String tableName)}, so a baseline runs exactly the stage's logic.
 */
final class StageHandlers {

    static final String DELEGATE_ENV = "BASELINE_DELEGATE";

    private StageHandlers() {
    }

    @SuppressWarnings("unchecked")
    static <I, O> RequestHandler<I, O> create(DynamoDbClient client) {
        String className = System.getenv(DELEGATE_ENV);
        if (className == null || className.isBlank()) {
            throw new IllegalStateException(DELEGATE_ENV + " must name the stage handler class to benchmark");
        }
        try {
            return (RequestHandler<I, O>) Class.forName(className)
                    .getConstructor(DynamoDbClient.class, String.class)
                    .newInstance(client, System.getenv("TABLE_NAME"));
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new IllegalStateException("cannot create " + className + ": " + cause, cause);
        }
    }
}
