/**
 * The portable bootstrap: a Lambda Java runtime loop of the workshop's own, for machines where the official runtime
 * interface client cannot run (its JNI library exists for Linux only). It speaks the same Runtime API with nothing
 * but the JDK's HTTP client, and loads handlers and turns JSON into their event types the way the runtime interface
 * client 2.10 does, with the same serialization library.
 *
 * <p>These classes run in the function's JVM, whose classpath holds them, aws-lambda-java-core and
 * aws-lambda-java-serialization only (as /var/runtime/lib does on AWS): they must not use anything else of the
 * local runtime or its dependencies.
 */
package com.example.workshop.local.lambda.bootstrap;
