package com.example.workshop.local.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds programs the way a shell does. */
public final class Executables {

    private Executables() {
    }

    /** The first executable {@code program} in the folders of {@code pathVariable} (a PATH value). */
    public static Optional<Path> onPath(String pathVariable, String program) {
        for (String folder : pathVariable.split(File.pathSeparator)) {
            Path candidate = folder.isBlank() ? null : Path.of(folder, program);
            if (candidate != null && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
