package com.example.workshop.local.lambda.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;

import java.io.InputStream;
import java.io.OutputStream;

/** A loaded handler, whatever its form, seen as the runtime calls it: event JSON in, response JSON out. */
@FunctionalInterface
interface EventHandler {

    void handle(InputStream event, OutputStream response, Context context) throws Exception;

    /** A handler that could not be loaded: each invocation reports the fault (and a fatal one ends the runtime). */
    record Faulty(HandlerFault fault) implements EventHandler {
        @Override
        public void handle(InputStream event, OutputStream response, Context context) {
            throw fault;
        }
    }
}
