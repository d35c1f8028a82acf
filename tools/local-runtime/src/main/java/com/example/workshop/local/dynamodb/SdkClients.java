package com.example.workshop.local.dynamodb;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * SDK clients for a local DynamoDB endpoint: url-connection HTTP client, dummy static credentials
 * (a local endpoint accepts any) and region us-east-1.
 */
public final class SdkClients {

    public static final Region REGION = Region.US_EAST_1;
    private static final StaticCredentialsProvider DUMMY_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private SdkClients() {}

    public static DynamoDbClient dynamoDb(URI endpoint, ExecutionInterceptor... interceptors) {
        return configured(DynamoDbClient.builder(), endpoint, interceptors).build();
    }

    public static DynamoDbStreamsClient dynamoDbStreams(URI endpoint, ExecutionInterceptor... interceptors) {
        return configured(DynamoDbStreamsClient.builder(), endpoint, interceptors).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configured(
            B builder, URI endpoint, ExecutionInterceptor... interceptors) {
        return builder
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(DUMMY_CREDENTIALS)
                .httpClientBuilder(httpClient())
                .overrideConfiguration(withInterceptors(interceptors));
    }

    private static UrlConnectionHttpClient.Builder httpClient() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(30));
    }

    private static ClientOverrideConfiguration withInterceptors(ExecutionInterceptor... interceptors) {
        ClientOverrideConfiguration.Builder configuration = ClientOverrideConfiguration.builder();
        for (ExecutionInterceptor interceptor : interceptors) {
            configuration.addExecutionInterceptor(interceptor);
        }
        return configuration.build();
    }
}
