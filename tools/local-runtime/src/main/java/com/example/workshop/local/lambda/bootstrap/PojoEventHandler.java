package com.example.workshop.local.lambda.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * A handler of typed events: reads the event JSON into {@code eventType}, calls the handler, writes what it returns
 * as JSON ("null" for a void handler). The serializers are chosen at load, so a type they cannot handle fails init.
 */
final class PojoEventHandler implements EventHandler {

    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.UTF_8);

    /** The handler itself: RequestHandler::handleRequest or a method called by reflection. */
    @FunctionalInterface
    interface Function {
        Object apply(Object event, Context context) throws Exception;
    }

    private final Function function;
    private final Type eventType;
    private final Type resultType;
    private final Serializers serializers;

    /** @param eventType null when the handler takes no event; @param resultType void for no response */
    PojoEventHandler(Function function, Type eventType, Type resultType, Serializers serializers) {
        this.function = function;
        this.eventType = eventType;
        this.resultType = isVoid(resultType) ? null : resultType;
        this.serializers = serializers;
        if (this.eventType != null) {
            serializers.forType(this.eventType);
        }
        if (this.resultType != null) {
            serializers.forType(this.resultType);
        }
    }

    static boolean isVoid(Type type) {
        return type == void.class || (type instanceof Class<?> c && Void.class.isAssignableFrom(c));
    }

    @Override
    public void handle(InputStream event, OutputStream response, Context context) throws Exception {
        Object input;
        try {
            input = eventType == null ? null : serializers.forType(context, eventType).fromJson(event);
        } catch (Throwable t) {
            throw new RuntimeException("An error occurred during JSON parsing", HandlerFault.filterStackTrace(t));
        }
        Object output;
        try {
            output = function.apply(input, context);
        } catch (Throwable t) {
            throw Sneaky.rethrow(HandlerFault.filterStackTrace(t));
        }
        try {
            if (resultType == null) {
                response.write(JSON_NULL);
            } else {
                serializers.forType(context, resultType).toJson(output, response);
            }
        } catch (Throwable t) {
            throw new RuntimeException("An error occurred during JSON serialization of response", t);
        }
    }
}
