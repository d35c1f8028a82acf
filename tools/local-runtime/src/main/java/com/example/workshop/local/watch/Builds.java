package com.example.workshop.local.watch;


import com.example.workshop.local.files.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The task roots a watch compiles, {@code target/local/builds/1}, {@code 2}, ...: each reload gets a new one, so
 * that the environments still finishing on the previous code keep their classes. The three newest are kept.
 */
final class Builds {

    private static final int KEPT = 3;

    private final Path folder;
    private int number;

    /** Deletes what an earlier watch left there. */
    Builds(Path folder) {
        this.folder = folder;
        FileTrees.delete(folder);
    }

    Path next() {
        number++;
        FileTrees.delete(folder.resolve(Integer.toString(number - KEPT)));
        Path build = folder.resolve(Integer.toString(number));
        try {
            Files.createDirectories(build);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return build;
    }

    void discard(Path build) {
        FileTrees.delete(build);
    }
}
