package com.example.workshop.local.lambda.bootstrap;

/** Rethrows a handler's checked exception unchanged, as the runtime passes it on without wrapping. */
final class Sneaky {

    private Sneaky() {
    }

    static RuntimeException rethrow(Throwable t) {
        return Sneaky.<RuntimeException>raise(t);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T raise(Throwable t) throws T {
        throw (T) t;
    }
}
