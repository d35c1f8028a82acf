package com.example.workshop.local.lambda;

import com.example.workshop.local.lambda.bootstrap.PortableBootstrap;
import com.example.workshop.local.process.PortableMode;

import java.util.List;

/** What an execution environment's JVM runs to serve its function. */
enum FunctionBootstrap {

    /** The official aws-lambda-java-runtime-interface-client, as on AWS: Linux on x86-64 or aarch64 only. */
    RUNTIME_INTERFACE_CLIENT {
        @Override
        List<String> javaArguments(String handler) {
            return List.of(RuntimeNativeLibrary.javaOption(),
                    "-cp", RuntimeClasspath.classpath(), RuntimeClasspath.BOOTSTRAP_CLASS, handler);
        }
    },

    /** The workshop's own runtime loop on the JDK alone, for every other machine (and WORKSHOP_PORTABLE=1). */
    PORTABLE {
        @Override
        List<String> javaArguments(String handler) {
            return List.of("-cp", RuntimeClasspath.portableClasspath(), PortableBootstrap.class.getName(), handler);
        }
    };

    /** The JVM arguments after its options: classpath, main class and handler. */
    abstract List<String> javaArguments(String handler);

    /** The official client where it can run, for fidelity; the portable loop elsewhere or when asked for. */
    static FunctionBootstrap forThisMachine() {
        return PortableMode.on() || RuntimeNativeLibrary.resource().isEmpty() ? PORTABLE : RUNTIME_INTERFACE_CLIENT;
    }
}
