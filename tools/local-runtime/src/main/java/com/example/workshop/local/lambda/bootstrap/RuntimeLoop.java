package com.example.workshop.local.lambda.bootstrap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOError;
import java.io.IOException;

/**
 * Serves one invocation at a time: next event, handler, response or error; until the Runtime API goes away
 * (the execution environment is shut down) or the handler fails in a way that leaves the JVM unusable.
 */
final class RuntimeLoop {

    /** The X-Ray SDK reads the invocation's trace header from this property, which the runtime sets. */
    static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";

    private final RuntimeApiClient runtimeApi;
    private final EventHandler handler;
    private final FunctionEnvironment function;
    private final TextLambdaLogger logger;
    private final ByteArrayOutputStream response = new ByteArrayOutputStream(1024);

    RuntimeLoop(RuntimeApiClient runtimeApi, EventHandler handler, FunctionEnvironment function, TextLambdaLogger logger) {
        this.runtimeApi = runtimeApi;
        this.handler = handler;
        this.function = function;
        this.logger = logger;
    }

    /** @throws IOException when the Runtime API cannot be reached any more */
    void run() throws IOException {
        boolean keepGoing = true;
        while (keepGoing) {
            keepGoing = serve(runtimeApi.next());
        }
    }

    /** @return false when the runtime must stop after this invocation */
    private boolean serve(NextInvocation invocation) {
        setTraceHeader(invocation.traceId());
        try {
            response.reset();
            handler.handle(new ByteArrayInputStream(invocation.payload()), response,
                    new InvocationContext(invocation, function));
            runtimeApi.respond(invocation.requestId(), response.toByteArray());
            Thread.interrupted(); // the handler may have left the thread's interrupt flag set
            return true;
        } catch (Throwable t) {
            HandlerFault.filterStackTrace(t);
            HandlerFault fault = HandlerFault.of(t);
            runtimeApi.reportError(invocation.requestId(), ErrorReport.ofException(t));
            logger.log(fault.reportableError());
            return !(t instanceof VirtualMachineError || t instanceof IOError || fault.fatal);
        }
    }

    private static void setTraceHeader(String traceId) {
        if (traceId == null) {
            System.clearProperty(TRACE_HEADER_PROPERTY);
        } else {
            System.setProperty(TRACE_HEADER_PROPERTY, traceId);
        }
    }
}
