package com.example.workshop.local.lambda.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.util.ReflectUtil;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns the function's Handler setting into an {@link EventHandler} with the runtime interface client's rules:
 * {@code package.Class} must implement RequestHandler or RequestStreamHandler; {@code package.Class::method} picks,
 * among the public methods of that name, the first usable signature (longest first, one ending in Context counting
 * one more; bridges last): (InputStream, OutputStream, Context), (InputStream, OutputStream), (OutputStream, Context),
 * (InputStream, Context), (InputStream), (OutputStream), (Context), (Event, Context), (Event) or ().
 * Failures that Lambda reports at init (the class's initializer or the handler's constructor threw) are thrown;
 * the others become a handler that reports them at each invocation.
 */
final class HandlerLoader {

    private static final Comparator<Method> PRIORITY = Comparator
            .comparing(Method::isBridge)
            .thenComparing(Comparator.comparingInt(HandlerLoader::weight).reversed());

    private HandlerLoader() {
    }

    /** @throws HandlerFault a fatal fault: what Lambda reports as an init error */
    static EventHandler load(String handler, ClassLoader customerClasses) {
        int colon = handler.lastIndexOf("::");
        String className = colon < 0 ? handler : handler.substring(0, colon);
        String methodName = colon < 0 ? null : handler.substring(colon + 2);
        if (className.isEmpty() || (methodName != null && methodName.isEmpty())) {
            return new EventHandler.Faulty(HandlerFault.withMessage("Invalid handler: `" + handler + "'"));
        }
        Class<?> type;
        try {
            type = Class.forName(className, true, customerClasses);
        } catch (ClassNotFoundException e) {
            return new EventHandler.Faulty(HandlerFault.classNotFound(e, className));
        } catch (NoClassDefFoundError e) {
            return new EventHandler.Faulty(HandlerFault.loadingClass(e, className));
        } catch (Throwable t) {
            throw HandlerFault.loadingClass(t, className);
        }
        Serializers serializers = new Serializers(customerClasses);
        EventHandler loaded = methodName == null ? ofClass(type, serializers) : ofMethod(type, methodName, serializers);
        if (loaded instanceof EventHandler.Faulty faulty && faulty.fault().fatal) {
            throw faulty.fault();
        }
        return loaded;
    }

    private static EventHandler ofClass(Class<?> type, Serializers serializers) {
        if (RequestStreamHandler.class.isAssignableFrom(type)) {
            return guarded(() -> {
                RequestStreamHandler handler = (RequestStreamHandler) newInstance(constructor(type));
                return handler::handleRequest;
            });
        }
        if (RequestHandler.class.isAssignableFrom(type)) {
            return ofRequestHandlerClass(type, serializers);
        }
        return faulty("Class does not implement an appropriate handler interface: " + type.getName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static EventHandler ofRequestHandlerClass(Class<?> type, Serializers serializers) {
        Type[] types = HandlerTypes.argumentsOf(type, RequestHandler.class);
        if (types == null) {
            return faulty("Class " + type.getName() + " does not implement RequestHandler with concrete type parameters");
        }
        if (types.length != 2) {
            return faulty("Invalid class signature for RequestHandler. Expected two generic types, got " + types.length);
        }
        for (Type t : types) {
            if (t instanceof TypeVariable<?> variable && Arrays.stream(variable.getBounds()).allMatch(Object.class::equals)) {
                return faulty("Class " + type.getName() + " does not implement RequestHandler with concrete type parameters: parameter "
                        + t + " has no upper bound.");
            }
        }
        return guarded(() -> {
            RequestHandler handler = (RequestHandler) newInstance(constructor(type));
            return new PojoEventHandler(handler::handleRequest, types[0], types[1], serializers);
        });
    }

    private static EventHandler ofMethod(Class<?> type, String name, Serializers serializers) {
        List<Method> overloads;
        try {
            overloads = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).sorted(PRIORITY).toList();
        } catch (NoClassDefFoundError e) {
            return new EventHandler.Faulty(new HandlerFault("Error loading method " + name + " on class " + type.getName(),
                    e.getClass().getName(), HandlerFault.trace(e), false));
        }
        for (Method method : overloads) {
            Optional<EventHandler> handler = ofOverload(type, method, serializers);
            if (handler.isPresent()) {
                return handler.get();
            }
        }
        return faulty("No public method named " + name + " with appropriate method signature found on class " + type.getName());
    }

    private static Optional<EventHandler> ofOverload(Class<?> type, Method method, Serializers serializers) {
        Type result = method.getGenericReturnType();
        Type[] p = method.getGenericParameterTypes();
        MethodCall call = new MethodCall(type, method);
        return switch (p.length) {
            case 0 -> Optional.of(call.pojo(null, result, false, serializers));
            case 1 -> Optional.of(p[0] == InputStream.class ? call.streams(true, false, false)
                    : p[0] == OutputStream.class ? call.streams(false, true, false)
                    : p[0] == Context.class ? call.pojo(null, result, true, serializers)
                    : call.pojo(p[0], result, false, serializers));
            case 2 -> ofTwoParameters(call, p[0], p[1], result, serializers);
            case 3 -> p[0] == InputStream.class && p[1] == OutputStream.class && p[2] == Context.class
                    ? Optional.of(call.streams(true, true, true))
                    : ignored("Ignoring three-argument overload because argument signature is not (InputStream, OutputStream, Context");
            default -> ignored("Ignoring an overload of method " + method.getName()
                    + " because it has too many parameters: Expected at most 3, got " + p.length);
        };
    }

    private static Optional<EventHandler> ofTwoParameters(MethodCall call, Type first, Type second, Type result,
                                                          Serializers serializers) {
        if (first == OutputStream.class) {
            return second == Context.class ? Optional.of(call.streams(false, true, true))
                    : ignored("Ignoring two-argument overload because first argument type is OutputStream and second argument type is not Context");
        }
        if (first == Context.class) {
            return ignored("Ignoring two-argument overload because first argument type is Context");
        }
        if (first == InputStream.class) {
            return second == OutputStream.class ? Optional.of(call.streams(true, true, false))
                    : second == Context.class ? Optional.of(call.streams(true, false, true))
                    : ignored("Ignoring two-argument overload because second parameter type, "
                    + ReflectUtil.getRawClass(second).getName()
                    + ", is not OutputStream.");
        }
        return second == Context.class ? Optional.of(call.pojo(first, result, true, serializers))
                : ignored("Ignoring two-argument overload because second parameter type is not Context");
    }

    /** How many parameters a signature counts for: a trailing Context counts twice. */
    private static int weight(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean endsWithContext = parameters.length > 0 && parameters[parameters.length - 1] == Context.class;
        return parameters.length + (endsWithContext ? 1 : 0);
    }

    private static Optional<EventHandler> ignored(String why) {
        System.err.println(why);
        return Optional.empty();
    }

    private static EventHandler faulty(String message) {
        return new EventHandler.Faulty(HandlerFault.withMessage(message));
    }

    interface Loading {
        EventHandler load() throws Exception;
    }

    /** A failure to build the handler (no constructor, its constructor threw, ...) makes a faulty handler. */
    static EventHandler guarded(Loading loading) {
        try {
            return loading.load();
        } catch (Throwable t) {
            return new EventHandler.Faulty(HandlerFault.of(t));
        }
    }

    static Constructor<?> constructor(Class<?> type) throws Exception {
        try {
            return type.getConstructor();
        } catch (NoSuchMethodException e) {
            if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
                throw new Exception("Class " + type.getName() + " cannot be instantiated because it is a non-static inner class");
            }
            throw new Exception("Class " + type.getName() + " has no public zero-argument constructor", e);
        }
    }

    /** An exception of the handler's constructor is fatal: Lambda reports it as an init error. */
    static Object newInstance(Constructor<?> constructor) {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw HandlerFault.of(e.getCause() == null ? e : e.getCause(), true);
        } catch (InstantiationException e) {
            throw Sneaky.rethrow(e.getCause() == null ? e : e.getCause());
        } catch (IllegalAccessException e) {
            throw Sneaky.rethrow(e);
        }
    }
}
