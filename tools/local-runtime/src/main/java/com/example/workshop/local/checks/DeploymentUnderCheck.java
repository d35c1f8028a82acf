package com.example.workshop.local.checks;

import com.example.workshop.local.iam.AuthorizedCall;
import com.example.workshop.local.lambda.InvocationResult;
import com.example.workshop.local.template.DeployedTable;
import com.example.workshop.local.template.ResolvedPolicy;
import com.example.workshop.local.template.SamTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Map;

/**
 * A learner's stage deployed on this machine, seen from inside: what {@code ./workshop check} needs beyond HTTP
 * to check the template against the code, and to invoke the stream function with crafted events.
 */
public interface DeploymentUnderCheck {

    SamTemplate template();

    Map<String, DeployedTable> tables();

    /** Every permission the functions' DynamoDB calls needed so far, allowed or denied. */
    List<AuthorizedCall> dynamoDbCalls();

    ResolvedPolicy policy(String functionLogicalId);

    /** The function's environment variables as its execution environment sees them. */
    Map<String, String> environment(String functionLogicalId);

    InvocationResult invoke(String functionLogicalId, String eventJson);

    /** A client that reads the tables directly, past the IAM proxy. */
    DynamoDbClient tableReader();
}
