package com.example.workshop.local.deploy;

/** A command named a stage, or a function of a stage, that does not exist; the message lists the names that do. */
public final class UnknownNameException extends RuntimeException {

    public UnknownNameException(String message) {
        super(message);
    }
}
