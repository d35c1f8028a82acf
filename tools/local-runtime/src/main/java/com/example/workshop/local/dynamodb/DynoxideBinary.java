package com.example.workshop.local.dynamodb;

import com.example.workshop.local.process.Executables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the dynoxide executable: {@code $DYNOXIDE_BIN}, else the one {@code npm ci} installs under the
 * repository root (searched from the working directory upwards), else {@code dynoxide} on the PATH.
 */
public final class DynoxideBinary {

    public static final String BINARY_ENV = "DYNOXIDE_BIN";
    static final Path NPM_LOCATION = Path.of("tools", "dynoxide", "node_modules", "@dynoxide", "linux-x64", "dynoxide");

    private DynoxideBinary() {}

    public static Path locate() {
        return locate(System.getenv(), Path.of("").toAbsolutePath());
    }

    static Path locate(Map<String, String> environment, Path workingDirectory) {
        String configured = environment.get(BINARY_ENV);
        if (configured != null && !configured.isBlank()) {
            Path binary = Path.of(configured);
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(BINARY_ENV + "=" + configured + " is not an executable file");
            }
            return binary;
        }
        return installedUnder(workingDirectory)
                .or(() -> Executables.onPath(environment.getOrDefault("PATH", ""), "dynoxide"))
                .orElseThrow(() -> new IllegalStateException("dynoxide (the local DynamoDB engine) is not installed: "
                        + "run `./workshop setup`, or set " + BINARY_ENV + " to its path"));
    }

    private static Optional<Path> installedUnder(Path directory) {
        for (Path folder = directory; folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve(NPM_LOCATION);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
