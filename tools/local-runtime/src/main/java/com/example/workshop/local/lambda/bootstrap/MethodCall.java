package com.example.workshop.local.lambda.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A handler method ({@code Class::method}) called by reflection, on one instance made at load unless it is static. */
record MethodCall(Class<?> type, Method method) {

    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.UTF_8);

    /** A method taking the event (of {@code eventType}, null for none) and/or the Context, returning the response. */
    EventHandler pojo(Type eventType, Type resultType, boolean needsContext, Serializers serializers) {
        return HandlerLoader.guarded(() -> {
            Object instance = instance();
            PojoEventHandler.Function function = (event, context) -> {
                List<Object> arguments = new ArrayList<>(2);
                if (eventType != null) {
                    arguments.add(event);
                }
                if (needsContext) {
                    arguments.add(context);
                }
                return invoke(instance, arguments.toArray());
            };
            return new PojoEventHandler(function, eventType, resultType, serializers);
        });
    }

    /** A method taking some of (InputStream, OutputStream, Context); "null" is the response if it takes no output. */
    EventHandler streams(boolean needsInput, boolean needsOutput, boolean needsContext) {
        return HandlerLoader.guarded(() -> {
            if (!PojoEventHandler.isVoid(method.getReturnType())) {
                System.err.println("Will ignore return type " + method.getReturnType() + " on byte stream handler");
            }
            Object instance = instance();
            return (InputStream event, OutputStream response, Context context) -> {
                List<Object> arguments = new ArrayList<>(3);
                if (needsInput) {
                    arguments.add(event);
                } else {
                    event.close();
                }
                if (needsOutput) {
                    arguments.add(response);
                }
                if (needsContext) {
                    arguments.add(context);
                }
                invoke(instance, arguments.toArray());
                if (!needsOutput) {
                    response.write(JSON_NULL);
                }
            };
        });
    }

    private Object instance() throws Exception {
        return Modifier.isStatic(method.getModifiers()) ? null : HandlerLoader.newInstance(HandlerLoader.constructor(type));
    }

    private Object invoke(Object instance, Object[] arguments) {
        try {
            return method.invoke(instance, arguments);
        } catch (InvocationTargetException e) {
            throw Sneaky.rethrow(HandlerFault.filterStackTrace(e.getCause() != null ? e.getCause() : e));
        } catch (Throwable t) {
            throw Sneaky.rethrow(HandlerFault.filterStackTrace(t));
        }
    }
}
