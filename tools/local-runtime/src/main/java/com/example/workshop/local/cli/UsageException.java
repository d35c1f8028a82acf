package com.example.workshop.local.cli;

/** A mistake in how the command was called; its message says what to do instead. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
