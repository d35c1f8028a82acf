package com.example.workshop.local.watch;

import com.example.workshop.local.deploy.LocalDeployment;

/**
 * {@code ./workshop run <stage> --watch}: a saved change to the stage's sources, template.yaml or pom.xml is built
 * and served without a restart; the tables and their data stay.
 */
public final class WatchMode implements AutoCloseable {

    public static final String WATCHING = "Watching src/main, template.yaml and pom.xml: a saved change reloads the functions.";

    private final ChangePoller poller;

    private WatchMode(ChangePoller poller) {
        this.poller = poller;
    }

    /** Logs one line per reload, or the block saying why a change is not served. */
    public static WatchMode start(LocalDeployment deployment) {
        Reloader reloader = new Reloader(deployment);
        return new WatchMode(ChangePoller.start(deployment.stage().directory(), reloader::warmUp, reloader::reload));
    }

    @Override
    public void close() {
        poller.close();
    }
}
