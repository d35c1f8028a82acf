package com.example.workshop.local.dynamodb;

import java.time.Duration;

/**
 * Whether the DynamoDB endpoint serves. A stream mapping asks it to tell an outage of the local infrastructure,
 * which is not its function's failure, from a failure of the function.
 */
public interface EngineStatus {

    /** An endpoint nobody watches, taken to serve at all times (one given by WORKSHOP_DYNAMODB_ENDPOINT). */
    EngineStatus ALWAYS_UP = new EngineStatus() {
        @Override
        public boolean isUp() {
            return true;
        }

        @Override
        public long outages() {
            return 0;
        }

        @Override
        public boolean awaitUp(Duration timeout) {
            return true;
        }
    };

    boolean isUp();

    /** How many times the endpoint went down so far: a change across a call means it was down meanwhile. */
    long outages();

    /** Waits until the endpoint serves; false if it still does not after {@code timeout}. */
    boolean awaitUp(Duration timeout) throws InterruptedException;
}
