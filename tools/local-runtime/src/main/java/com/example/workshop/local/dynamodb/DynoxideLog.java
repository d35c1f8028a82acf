package com.example.workshop.local.dynamodb;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a dynoxide process writes its output. With a database file, {@code dynoxide.log} beside it, appended to,
 * so that even a run ended by {@code kill -9} leaves nothing in /tmp, and an {@code invoke} beside a run does
 * not truncate the run's log. In memory, a temporary file, deleted when the server stops.
 *
 * @param start where this process's output begins in the file
 */
record DynoxideLog(Path file, long start, boolean temporary) {

    static final String FILE_NAME = "dynoxide.log";

    static DynoxideLog forDatabase(Path dbPath) throws IOException {
        if (dbPath == null) {
            return new DynoxideLog(Files.createTempFile("dynoxide-", ".log"), 0, true);
        }
        Path file = dbPath.toAbsolutePath().resolveSibling(FILE_NAME);
        Files.createDirectories(file.getParent());  // after a `mvn clean`, target/local/ is gone
        return new DynoxideLog(file, Files.exists(file) ? Files.size(file) : 0, false);
    }

    Redirect redirect() {
        return Redirect.appendTo(file.toFile());
    }

    /** What this process wrote, for a message when it fails to start. */
    String read() {
        try (FileChannel channel = FileChannel.open(file); InputStream in = Channels.newInputStream(channel.position(start))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    void deleteIfTemporary() {
        if (temporary) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
