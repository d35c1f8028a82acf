package com.example.workshop.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The runtime interface client's JNI library, unpacked once for every execution environment this JVM starts.
 * Left to itself, each runtime interface client rewrites the shared {@code /tmp/.libaws-lambda-jni.so} as it
 * starts, and another JVM mapping that file at that moment dies of SIGBUS: environments started together (a
 * scale-out, parallel test runs) would crash at random.
 */
final class RuntimeNativeLibrary {

    /** Where the runtime interface client loads its library from, when set, instead of unpacking it. */
    static final String PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /** Not a synchronized method: unpacking is file I/O, which would pin the caller's carrier on JDK 21. */
    private static final Lock UNPACKING = new ReentrantLock();

    private static Optional<String> option;

    private RuntimeNativeLibrary() {
    }

    /**
     * The library the client's jar has for this machine: Linux on x86-64 or aarch64, built for glibc or musl as
     * this JVM is. Elsewhere (macOS, Windows, other CPUs) the official client cannot run.
     */
    static Optional<String> resource() {
        if (!System.getProperty("os.name").equals("Linux")) {
            return Optional.empty();
        }
        String cpu = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64" -> "aarch_64";
            default -> null;
        };
        return Optional.ofNullable(cpu).map(arch -> "/jni/libaws-lambda-jni.linux" + (musl() ? "_musl-" : "-") + arch + ".so");
    }

    /** {@code -D<PROPERTY>=<file>} for the environments' JVMs. */
    static String javaOption() {
        UNPACKING.lock();
        try {
            if (option == null) {
                option = unpack().map(file -> "-D" + PROPERTY + "=" + file);
            }
        } finally {
            UNPACKING.unlock();
        }
        return option.orElseThrow(() -> new IllegalStateException(
                "The runtime interface client has no native library for " + System.getProperty("os.name") + " on "
                        + System.getProperty("os.arch")));
    }

    private static Optional<Path> unpack() {
        Optional<String> resource = resource();
        if (resource.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream library = RuntimeClasspath.bootstrapClass().getResourceAsStream(resource.get())) {
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

    /** Whether this JVM (and so the environments' JVMs, the same java) runs on musl libc, as on Alpine. */
    private static boolean musl() {
        try (Stream<String> mappings = Files.lines(Path.of("/proc/self/maps"))) {
            return mappings.anyMatch(line -> line.contains("/ld-musl-"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
