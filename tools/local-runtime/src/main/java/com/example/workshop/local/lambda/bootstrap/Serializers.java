package com.example.workshop.local.lambda.bootstrap;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.GsonFactory;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Chooses how an event type is read and a response type written, in the runtime interface client's order: the
 * function's own {@link CustomPojoSerializer} if it ships one; Lambda's event classes (aws-lambda-java-events) with
 * the mixins that map their JSON; Gson for calls from the Android Mobile SDK; else Jackson as the runtime configures it.
 */
final class Serializers {

    private enum Platform { ANDROID, IOS, UNKNOWN }

    private final ClassLoader customerClasses;
    private final Map<Platform, Map<Type, PojoSerializer<Object>>> cache = new EnumMap<>(Platform.class);
    private CustomPojoSerializer custom;
    private boolean customLooked;

    Serializers(ClassLoader customerClasses) {
        this.customerClasses = customerClasses;
    }

    /** The serializer for a call without a Mobile SDK client context. */
    PojoSerializer<Object> forType(Type type) {
        return forType(Platform.UNKNOWN, type);
    }

    PojoSerializer<Object> forType(Context context, Type type) {
        return forType(platform(context), type);
    }

    private PojoSerializer<Object> forType(Platform platform, Type type) {
        return cache.computeIfAbsent(platform, p -> new HashMap<>()).computeIfAbsent(type, t -> create(platform, t));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private PojoSerializer<Object> create(Platform platform, Type type) {
        CustomPojoSerializer customSerializer = customSerializer();
        if (customSerializer != null) {
            return withCustom(customSerializer, type);
        }
        if (type instanceof Class<?> eventClass && LambdaEventSerializers.isLambdaSupportedEvent(eventClass.getName())) {
            return LambdaEventSerializers.serializerFor((Class) eventClass, customerClasses);
        }
        if (platform == Platform.ANDROID) {
            return GsonFactory.getInstance().getSerializer(type);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    private CustomPojoSerializer customSerializer() {
        if (!customLooked) {
            Iterator<CustomPojoSerializer> found = ServiceLoader.load(CustomPojoSerializer.class, customerClasses).iterator();
            custom = found.hasNext() ? found.next() : null;
            if (found.hasNext()) {
                throw new IllegalStateException(
                        "Too many serializers provided inside the META-INF/services folder, only one is allowed");
            }
            customLooked = true;
        }
        return custom;
    }

    private static PojoSerializer<Object> withCustom(CustomPojoSerializer serializer, Type type) {
        return new PojoSerializer<>() {
            @Override
            public Object fromJson(InputStream input) {
                return serializer.fromJson(input, type);
            }

            @Override
            public Object fromJson(String input) {
                return serializer.fromJson(input, type);
            }

            @Override
            public void toJson(Object value, OutputStream output) {
                serializer.toJson(value, output, type);
            }
        };
    }

    private static Platform platform(Context context) {
        ClientContext clientContext = context.getClientContext();
        Map<String, String> environment = clientContext == null ? null : clientContext.getEnvironment();
        String platform = environment == null ? null : environment.get("platform");
        if ("Android".equalsIgnoreCase(platform)) {
            return Platform.ANDROID;
        }
        return "iPhoneOS".equalsIgnoreCase(platform) ? Platform.IOS : Platform.UNKNOWN;
    }
}
