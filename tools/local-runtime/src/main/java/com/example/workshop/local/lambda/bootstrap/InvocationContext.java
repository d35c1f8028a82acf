package com.example.workshop.local.lambda.bootstrap;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;

/** The {@link Context} a handler gets: the invocation's headers plus what the environment says of the function. */
final class InvocationContext implements Context {

    private final NextInvocation invocation;
    private final FunctionEnvironment function;
    private final CognitoIdentity identity;
    private final ClientContext clientContext;
    private final LambdaLogger logger = LambdaRuntime.getLogger();

    InvocationContext(NextInvocation invocation, FunctionEnvironment function) {
        this.invocation = invocation;
        this.function = function;
        this.identity = MobileContexts.cognitoIdentity(invocation.cognitoIdentity());
        this.clientContext = MobileContexts.clientContext(invocation.clientContext());
    }

    @Override
    public String getAwsRequestId() {
        return invocation.requestId();
    }

    @Override
    public String getLogGroupName() {
        return function.logGroupName();
    }

    @Override
    public String getLogStreamName() {
        return function.logStreamName();
    }

    @Override
    public String getFunctionName() {
        return function.functionName();
    }

    @Override
    public String getFunctionVersion() {
        return function.functionVersion();
    }

    @Override
    public String getInvokedFunctionArn() {
        return invocation.invokedFunctionArn();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return identity;
    }

    @Override
    public ClientContext getClientContext() {
        return clientContext;
    }

    @Override
    public int getRemainingTimeInMillis() {
        int remaining = (int) (invocation.deadlineMs() - System.currentTimeMillis());
        return Math.max(remaining, 0);
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memoryLimitMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    @Override
    public String getTenantId() {
        return invocation.tenantId();
    }

    @Override
    public String getXrayTraceId() {
        return invocation.traceId();
    }
}
