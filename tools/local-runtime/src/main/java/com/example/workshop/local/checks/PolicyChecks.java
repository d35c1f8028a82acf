package com.example.workshop.local.checks;

import com.example.workshop.local.iam.AuthorizedCall;
import com.example.workshop.local.template.FunctionResource;
import com.example.workshop.local.template.ResolvedPolicy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Each function's Policies against what its code called while the other checks ran, as the local IAM proxy
 * saw it: every call allowed, and no write allowed that the code never makes, no wildcard action or resource.
 * Run after the checks that exercise the functions.
 */
final class PolicyChecks {

    private static final Set<String> WRITES = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem");

    private PolicyChecks() {
    }

    static List<Check> checks(DeploymentUnderCheck stack) {
        List<Check> checks = new ArrayList<>();
        for (FunctionResource function : stack.template().functions().values()) {
            String id = function.logicalId();
            checks.add(new Check("policy: " + id + " allows its calls", () -> allowsCalls(stack, id)));
            checks.add(new Check("policy: " + id + " allows no more", () -> allowsNoMore(stack, id)));
        }
        return checks;
    }

    /** Only functions that call DynamoDB appear; stage 1's function calls nothing and passes. */
    private static Outcome allowsCalls(DeploymentUnderCheck stack, String functionLogicalId) {
        Set<String> called = new LinkedHashSet<>();
        Set<String> denied = new LinkedHashSet<>();
        for (AuthorizedCall call : callsOf(stack, functionLogicalId)) {
            called.add(call.action());
            if (!call.allowed()) {
                denied.add(call.action() + " on " + call.resource());
            }
        }
        return new Outcome(denied.isEmpty(), "the calls of " + functionLogicalId + " during these checks " + called,
                "every call allowed by its Policies",
                denied.isEmpty() ? "all allowed" : "ACCESS DENIED for " + String.join(", ", denied));
    }

    private static Outcome allowsNoMore(DeploymentUnderCheck stack, String functionLogicalId) {
        Set<String> called = new LinkedHashSet<>();
        callsOf(stack, functionLogicalId).forEach(call -> called.add(call.action()));
        List<String> tooWide = new ArrayList<>();
        for (ResolvedPolicy.Statement statement : stack.policy(functionLogicalId).statements()) {
            if (!statement.effect().equalsIgnoreCase("Allow")) {
                continue;
            }
            for (String action : statement.actions()) {
                if (action.contains("*")) {
                    tooWide.add("Action " + action);
                } else if (WRITES.stream().anyMatch(action::equalsIgnoreCase) && called.stream().noneMatch(action::equalsIgnoreCase)) {
                    tooWide.add(action + ", which the code never calls");
                }
            }
            statement.resources().stream().filter(resource -> resource.equals("*")).findFirst()
                    .ifPresent(resource -> tooWide.add("Resource \"*\""));
        }
        return new Outcome(tooWide.isEmpty(), "the Policies of " + functionLogicalId + ", its calls " + called,
                "no wildcard, no write it never makes",
                tooWide.isEmpty() ? "as expected" : "it allows " + String.join(", ", tooWide));
    }

    private static List<AuthorizedCall> callsOf(DeploymentUnderCheck stack, String functionLogicalId) {
        return stack.dynamoDbCalls().stream().filter(call -> call.functionLogicalId().equals(functionLogicalId)).toList();
    }
}
