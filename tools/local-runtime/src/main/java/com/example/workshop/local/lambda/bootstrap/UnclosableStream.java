package com.example.workshop.local.lambda.bootstrap;

import java.io.IOException;
import java.io.OutputStream;

/** Writes through to the JVM's own stdout or stderr, which a handler closing System.out must not close. */
final class UnclosableStream extends OutputStream {

    private final OutputStream inner;

    UnclosableStream(OutputStream inner) {
        this.inner = inner;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        inner.write(bytes, offset, length);
    }
}
