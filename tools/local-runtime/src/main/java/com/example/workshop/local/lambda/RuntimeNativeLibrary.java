package com.example.workshop.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The runtime interface client's JNI library, unpacked once for every execution environment this JVM starts.
 * Left to itself, each runtime interface client rewrites the shared {@code /tmp/.libaws-lambda-jni.so} as it
 * starts, and another JVM mapping that file at that moment dies of SIGBUS: environments started together (a
 * scale-out, parallel test runs) would crash at random.
 */
final class RuntimeNativeLibrary {

    /** Where the runtime interface client loads its library from, when set, instead of unpacking it. */
    static final String PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /** The glibc builds the jar ships, by {@code os.arch}. */
    private static final Map<String, String> LIBRARY_BY_ARCH = Map.of(
            "amd64", "/jni/libaws-lambda-jni.linux-x86_64.so",
            "aarch64", "/jni/libaws-lambda-jni.linux-aarch_64.so");

    /** Not a synchronized method: unpacking is file I/O, which would pin the caller's carrier on JDK 21. */
    private static final Lock UNPACKING = new ReentrantLock();
    private static Optional<String> option;

    private RuntimeNativeLibrary() {
    }

    /** {@code -D<PROPERTY>=<file>} for the environments' JVMs; empty where the client must find its library itself. */
    static Optional<String> javaOption() {
        UNPACKING.lock();
        try {
            if (option == null) {
                option = unpack().map(file -> "-D" + PROPERTY + "=" + file);
            }
            return option;
        } finally {
            UNPACKING.unlock();
        }
    }

    private static Optional<Path> unpack() {
        String resource = LIBRARY_BY_ARCH.get(System.getProperty("os.arch"));
        if (resource == null) {
            return Optional.empty();
        }
        try (InputStream library = RuntimeClasspath.bootstrapClass().getResourceAsStream(resource)) {
            if (library == null) {
                return Optional.empty();
            }
            Path file = Files.createTempFile("aws-lambda-jni-", ".so");
            file.toFile().deleteOnExit();
            Files.copy(library, file, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the runtime interface client's native library", e);
        }
    }
}
