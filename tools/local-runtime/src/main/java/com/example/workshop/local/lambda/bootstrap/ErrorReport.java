package com.example.workshop.local.lambda.bootstrap;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.GsonFactory;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * An error as the runtime posts it to /error or /init/error: {@code {"errorMessage","errorType","stackTrace"}},
 * written by the same Gson configuration as the runtime interface client's, and the
 * {@code Lambda-Runtime-Function-Error-Type} header.
 */
record ErrorReport(String runtimeErrorType, byte[] json) {

    private static final PojoSerializer<Body> JSON = GsonFactory.getInstance().getSerializer(Body.class);

    /** The JSON body; field names and order are the wire format. */
    @SuppressWarnings("unused")
    private static final class Body {
        private final String errorMessage;
        private final String errorType;
        private final String[] stackTrace;

        private Body(String errorMessage, String errorType, String[] stackTrace) {
            this.errorMessage = errorMessage;
            this.errorType = errorType;
            this.stackTrace = stackTrace;
        }
    }

    /** A fault in loading or calling the handler: no stack trace, as the runtime interface client sends it. */
    static ErrorReport of(HandlerFault fault) {
        return new ErrorReport("Runtime.BadFunctionCode", write(new Body(fault.message, fault.exceptionType, null)));
    }

    /** An exception the handler threw. */
    static ErrorReport ofException(Throwable t) {
        if (t instanceof HandlerFault fault) {
            return of(fault);
        }
        String message = t.getLocalizedMessage() == null ? t.getClass().getName() : t.getLocalizedMessage();
        String[] stackTrace = Arrays.stream(t.getStackTrace()).map(StackTraceElement::toString)
                .toArray(String[]::new);
        return new ErrorReport("Runtime.UserException", write(new Body(message, t.getClass().getName(), stackTrace)));
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JSON.toJson(body, out);
        return out.toByteArray();
    }
}
