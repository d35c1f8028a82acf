package com.example.workshop;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A client for a port nobody listens on, which keeps the name of every call it is asked to make: a test using it
 * proves that the handler made no call at all (so wrote nothing), even one whose failure the handler caught.
 */
final class UnreachableDynamoDb implements AutoCloseable {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final DynamoDbClient client = DynamoDbClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(config -> config
                    .retryStrategy(AwsRetryStrategy.doNotRetry())
                    .addExecutionInterceptor(new ExecutionInterceptor() {
                        @Override
                        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                            calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                        }
                    }))
            .build();

    DynamoDbClient client() {
        return client;
    }

    /** The operations the handler called, such as {@code UpdateItem}; every one of them failed. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        client.close();
    }
}
