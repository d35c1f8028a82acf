package com.example.workshop.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records each DynamoDB operation a client performs and the tables it names, so a check can compare them with
 * what the function's policy allows. Attach it with {@link LocalDynamoDb#client(ExecutionInterceptor...)}.
 */
public final class DynamoDbCallRecorder implements ExecutionInterceptor {

    /** One request: the API operation ({@code UpdateItem}) and the table names it carries (none for ListTables). */
    public record DynamoDbCall(String operation, List<String> tableNames) {

        /** The IAM action the call needs: {@code dynamodb:UpdateItem}. */
        public String action() {
            return "dynamodb:" + operation;
        }
    }

    private final List<DynamoDbCall> calls = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.add(new DynamoDbCall(operation, tableNames(context.request())));
    }

    public List<DynamoDbCall> calls() {
        return List.copyOf(calls);
    }

    private static List<String> tableNames(SdkRequest request) {
        List<String> names = new ArrayList<>();
        request.getValueForField("TableName", String.class).ifPresent(names::add);
        request.getValueForField("RequestItems", Map.class)
                .ifPresent(items -> items.keySet().forEach(name -> names.add(String.valueOf(name))));
        return names;
    }
}
