/**
 * IAM, enforced locally: each function's Policies decide what its DynamoDB calls may do, so a missing permission
 * fails the same way before a deploy as after it.
 *
 * <p>A local run puts the proxy in front of the DynamoDB endpoint and gives every function its own identity:
 * <pre>{@code
 * DynamoDbIamProxy proxy = DynamoDbIamProxy.start(engine.endpoint(), new DescribedTableArns(engine.client()));
 * for (FunctionResource function : template.functions().values()) {
 *     FunctionIdentity identity = FunctionIdentity.of(function, facts);
 *     proxy.register(identity);
 *     environment.putAll(proxy.environmentFor(identity)); // AWS_ENDPOINT_URL_DYNAMODB and the function's keys
 * }
 * }</pre>
 */
package com.example.workshop.local.iam;
