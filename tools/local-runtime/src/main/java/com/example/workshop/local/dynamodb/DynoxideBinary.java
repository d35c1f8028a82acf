package com.example.workshop.local.dynamodb;

import com.example.workshop.local.process.Executables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the dynoxide executable: {@code $DYNOXIDE_BIN}, else the one {@code tools/dynoxide/install} installs for
 * this platform under the repository root (searched from the working directory upwards), else {@code dynoxide}
 * on the PATH.
 */
public final class DynoxideBinary {

    public static final String BINARY_ENV = "DYNOXIDE_BIN";
    /** Overrides the detected {@code <os>-<cpu>}, as it does for {@code tools/dynoxide/install}. */
    static final String PLATFORM_ENV = "WORKSHOP_PLATFORM";
    static final Path PACKAGES = Path.of("tools", "dynoxide", "node_modules", "@dynoxide");
    private static final String ELSEWHERE = DynamoDbEngine.ENDPOINT_ENV + " to a DynamoDB endpoint you run yourself";

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
        DynoxidePlatform platform = DynoxidePlatform.current(environment.get(PLATFORM_ENV));
        return installedUnder(workingDirectory, platform)
                .or(() -> Executables.onPath(environment.getOrDefault("PATH", ""), "dynoxide"))
                .orElseThrow(() -> new IllegalStateException(notInstalled(platform)));
    }

    private static String notInstalled(DynoxidePlatform platform) {
        if (!platform.isPublished()) {
            return "dynoxide (the local DynamoDB engine) has no package for " + platform.name() + ": set " + ELSEWHERE
                    + ", or " + BINARY_ENV + " to a dynoxide you built";
        }
        return "dynoxide (the local DynamoDB engine) is not installed for " + platform.name()
                + ": run `./workshop setup`, or set " + BINARY_ENV + " to its path, or " + ELSEWHERE;
    }

    private static Optional<Path> installedUnder(Path directory, DynoxidePlatform platform) {
        for (Path folder = directory; folder != null; folder = folder.getParent()) {
            for (DynoxidePlatform runnable : platform.runnable()) {
                Path candidate = folder.resolve(PACKAGES).resolve(runnable.name()).resolve(runnable.binaryName());
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
