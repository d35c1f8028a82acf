package com.example.workshop.local.deploy;

import com.example.workshop.local.lambda.FunctionPool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The execution environments of each function of a template, by logical id, in the template's order. */
record Functions(Map<String, FunctionPool> pools) implements AutoCloseable {

    Functions {
        pools = Collections.unmodifiableMap(new LinkedHashMap<>(pools));
    }

    /** Stops their environments once the invocations running in them end: a reload replaced them. */
    void retire() {
        pools.values().forEach(FunctionPool::retire);
    }

    @Override
    public void close() {
        pools.values().forEach(FunctionPool::close);
    }
}
