package com.example.workshop.local.deploy;

/**
 * A part of a deployment that a reload replaces while the rest keeps running. Closing it closes the current one.
 */
final class Replaceable<T extends AutoCloseable> implements AutoCloseable {

    private volatile T current;

    Replaceable(T first) {
        this.current = first;
    }

    T get() {
        return current;
    }

    /** @return the one replaced, for the caller to stop as it should */
    synchronized T replace(T next) {
        T replaced = current;
        current = next;
        return replaced;
    }

    @Override
    public void close() throws Exception {
        T last = current;
        if (last != null) {
            last.close();
        }
    }
}
