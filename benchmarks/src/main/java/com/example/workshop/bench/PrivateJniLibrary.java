package com.example.workshop.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The runtime interface client's JNI library, unpacked once to a file of this benchmark run. Without it, every
 * function JVM on the machine (this run's and any other project test's) rewrites the shared
 * {@code /tmp/.libaws-lambda-jni.so} as it starts, and a JVM mapping it at that moment dies with SIGBUS.
 */
final class PrivateJniLibrary {

    /** The system property the runtime interface client loads its library from, when set, instead of unpacking it. */
    private static final String PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    private static final String RESOURCE = "/jni/libaws-lambda-jni.linux-x86_64.so";

    private static String option;

    private PrivateJniLibrary() {
    }

    /** {@code -D...=<file>} for JAVA_TOOL_OPTIONS, or "" where the library is not the x86-64 glibc one. */
    static synchronized String javaOption() {
        if (option == null) {
            option = unpack();
        }
        return option;
    }

    private static String unpack() {
        if (!"amd64".equals(System.getProperty("os.arch"))) {
            return "";
        }
        try (InputStream library = Class.forName("com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient",
                false, PrivateJniLibrary.class.getClassLoader()).getResourceAsStream(RESOURCE)) {
            if (library == null) {
                return "";
            }
            Path file = Files.createTempFile("benchmarks-aws-lambda-jni-", ".so");
            file.toFile().deleteOnExit();
            Files.copy(library, file, StandardCopyOption.REPLACE_EXISTING);
            return "-D" + PROPERTY + "=" + file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the runtime interface client is not on the classpath", e);
        }
    }
}
