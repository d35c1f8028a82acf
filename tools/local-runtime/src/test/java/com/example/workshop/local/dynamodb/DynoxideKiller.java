package com.example.workshop.local.dynamodb;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Kills the dynoxide process serving an endpoint as {@code kill -9} would: no warning, no clean-up. */
public final class DynoxideKiller {

    private DynoxideKiller() {
    }

    /** Kills it and waits until the engine has noticed (its outage count went up). */
    public static void kill(DynamoDbEngine engine) throws Exception {
        long before = engine.status().outages();
        kill(engine.endpoint());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.status().outages() == before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("dynoxide was killed, and 10 s later its exit was still not noticed");
            }
            Thread.sleep(5);
        }
    }

    public static void kill(URI endpoint) throws Exception {
        String port = "--port " + endpoint.getPort();
        List<ProcessHandle> serving = ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().filter(line -> line.contains("dynoxide")
                        && (line.contains(port + " ") || line.endsWith(port))).isPresent())
                .toList();
        if (serving.size() != 1) {
            throw new AssertionError("expected one dynoxide process serving " + endpoint + ", found " + serving);
        }
        serving.getFirst().destroyForcibly();
        serving.getFirst().onExit().get(10, TimeUnit.SECONDS);
    }
}
