package com.example.workshop.local.deploy;

import com.example.workshop.local.template.FunctionResource;
import com.example.workshop.local.template.SamTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * What would make a local deployment fail halfway, checked before anything starts: then a mistake leaves no
 * dynoxide or stream mapping running on the stage's data, and the message says what to fix.
 */
final class Preflight {

    private Preflight() {
    }

    static void requireFunction(SamTemplate template, String logicalId) {
        if (!template.functions().containsKey(logicalId)) {
            throw new UnknownNameException(template.file() + " has no function " + logicalId
                    + "; its functions are " + template.functions().keySet());
        }
    }

    static void requireFreePort(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.getLocalPort(); // bound: the port is free
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is already in use (another `./workshop run`?): "
                    + "stop what uses it, or choose another port with --port.");
        }
    }

    /** Lambda loads a handler from the task root or a jar in its lib/ folder; a mistyped Handler finds neither. */
    static void requireHandlerClasses(Collection<FunctionResource> functions, Path taskRoot) {
        for (FunctionResource function : functions) {
            if (!isPackaged(taskRoot, function.handlerClassPath())) {
                throw new IllegalStateException(function.logicalId() + ": the build has no class for its Handler "
                        + function.handler() + " (no " + function.handlerClassPath() + " in " + taskRoot
                        + "): check the Handler in template.yaml against the class's package and name.");
            }
        }
    }

    private static boolean isPackaged(Path taskRoot, String classFile) {
        if (Files.isRegularFile(taskRoot.resolve(classFile))) {
            return true;
        }
        Path lib = taskRoot.resolve("lib");
        if (!Files.isDirectory(lib)) {
            return false;
        }
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.filter(jar -> jar.toString().endsWith(".jar")).anyMatch(jar -> contains(jar, classFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(Path jar, String entry) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(entry) != null;
        } catch (IOException e) {
            return false; // not a readable jar: Lambda could not load from it either
        }
    }
}
