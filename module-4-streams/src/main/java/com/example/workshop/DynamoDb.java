package com.example.workshop;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one DynamoDB client of this execution environment, like the tutorial's {@code client.js}.
 *
 * <p>It is created once, while Lambda initializes the function, and reused by every invocation: after the first
 * request it keeps its TLS connection open, so later requests skip the handshake. The endpoint is not set here:
 * the SDK reads {@code AWS_ENDPOINT_URL_DYNAMODB} when it is set (local runs) and uses the regional endpoint otherwise.
 */
public final class DynamoDb {

    private static final DynamoDbClient CLIENT = DynamoDbClient.builder()
            .region(Region.of(System.getenv("AWS_REGION")))
            // Lambda puts the function role's temporary credentials in the environment; skip the longer default chain.
            .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
            .httpClientBuilder(UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(1))
                    .socketTimeout(Duration.ofSeconds(3)))
            // Fail a stuck request well inside the function's 20 s timeout; the first request of a Java
            // execution environment also loads the SDK's classes, so an attempt gets 3 s, not 1 s.
            .overrideConfiguration(config -> config
                    .apiCallAttemptTimeout(Duration.ofSeconds(3))
                    .apiCallTimeout(Duration.ofSeconds(10)))
            .build();

    private DynamoDb() {
    }

    public static DynamoDbClient client() {
        return CLIENT;
    }
}
