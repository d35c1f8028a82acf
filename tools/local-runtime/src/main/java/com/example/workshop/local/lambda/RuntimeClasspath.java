package com.example.workshop.local.lambda;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The jars of the Lambda Java runtime (what /var/runtime/lib holds on AWS): the runtime interface client and what it
 * needs, or the portable bootstrap and what it needs. They are found where this JVM loaded them from, so the child
 * JVMs run the very same versions.
 */
final class RuntimeClasspath {

    static final String BOOTSTRAP_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private static final String[] RUNTIME_CLASSES = {
            BOOTSTRAP_CLASS,
            "com.amazonaws.services.lambda.runtime.Context",
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
            "software.amazon.awssdk.utilslite.SdkInternalThreadLocal",
    };

    /** aws-lambda-java-core and aws-lambda-java-serialization: all the portable bootstrap uses besides the JDK. */
    private static final String[] PORTABLE_RUNTIME_CLASSES = {
            "com.amazonaws.services.lambda.runtime.Context",
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
    };

    private RuntimeClasspath() {
    }

    static String classpath() {
        return join(Stream.of(RUNTIME_CLASSES).map(RuntimeClasspath::jarOf));
    }

    static String portableClasspath() {
        return join(Stream.concat(Stream.of(PortableBootstrapJar.path()),
                Stream.of(PORTABLE_RUNTIME_CLASSES).map(RuntimeClasspath::jarOf)));
    }

    private static String join(Stream<Path> jars) {
        return jars.map(Path::toString).distinct().collect(Collectors.joining(File.pathSeparator));
    }

    static Path runtimeDirectory() {
        return jarOf(BOOTSTRAP_CLASS).getParent();
    }

    static Class<?> bootstrapClass() {
        return load(BOOTSTRAP_CLASS);
    }

    static Path jarOf(String className) {
        try {
            return Path.of(load(className).getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, RuntimeClasspath.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The Lambda runtime interface client is not on the classpath: " + className, e);
        }
    }
}
