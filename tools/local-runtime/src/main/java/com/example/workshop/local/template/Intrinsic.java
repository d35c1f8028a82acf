package com.example.workshop.local.template;

/**
 * A CloudFormation intrinsic function kept unresolved in the model: what it stands for is only
 * known once the stack is deployed (see {@link Resolver}).
 */
public sealed interface Intrinsic permits Ref, GetAtt, Sub {

    /** How the intrinsic reads in a template, for messages: {@code !Ref DynamoDBTable}. */
    String shortForm();
}
