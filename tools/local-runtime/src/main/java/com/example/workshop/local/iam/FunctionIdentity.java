package com.example.workshop.local.iam;

import com.example.workshop.local.template.FunctionResource;
import com.example.workshop.local.template.ResolvedPolicy;
import com.example.workshop.local.template.Resolver;
import com.example.workshop.local.template.StackFacts;

import java.util.Objects;

/**
 * A function's execution role, as the IAM proxy knows it: the function's environment signs its DynamoDB
 * calls with {@link #accessKeyId()}, and {@link #policy()} decides what those calls may do.
 *
 * @param functionLogicalId the function's logical id in the template, e.g. {@code RecordVisitFunction}
 * @param functionName      its physical name, which AWS names as the role session
 * @param policy            its Policies, resources resolved to ARNs
 */
public record FunctionIdentity(String functionLogicalId, String functionName, ResolvedPolicy policy) {

    /** The secret access key every function gets; the proxy identifies callers by key id only. */
    public static final String SECRET_ACCESS_KEY = "local-runtime-secret";

    public FunctionIdentity {
        Objects.requireNonNull(functionLogicalId, "functionLogicalId");
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(policy, "policy");
    }

    /** The identity of a template's function once deployed: its physical name and its resolved Policies. */
    public static FunctionIdentity of(FunctionResource function, StackFacts facts) {
        return new FunctionIdentity(function.logicalId(), facts.functionName(function.logicalId()),
                new Resolver(facts).policy(function));
    }

    /** The access key id for the function's AWS_ACCESS_KEY_ID; distinct per logical id. */
    public static String accessKeyIdFor(String functionLogicalId) {
        return "LOCAL" + functionLogicalId;
    }

    public String accessKeyId() {
        return accessKeyIdFor(functionLogicalId);
    }

    /** The caller IAM names in a denial: SAM names the role {@code <LogicalId>Role} (plus a stack prefix and suffix). */
    String roleSessionArn(String accountId) {
        return "arn:aws:sts::%s:assumed-role/%sRole/%s".formatted(accountId, functionLogicalId, functionName);
    }
}
