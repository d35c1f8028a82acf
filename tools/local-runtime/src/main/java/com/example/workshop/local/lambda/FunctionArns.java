package com.example.workshop.local.lambda;

/** The ARN a function would have in the workshop's (fictitious) account. */
final class FunctionArns {

    static final String ACCOUNT_ID = "123456789012";

    private FunctionArns() {
    }

    static String of(FunctionConfig config) {
        return "arn:aws:lambda:" + config.region() + ":" + ACCOUNT_ID + ":function:" + config.name();
    }
}
