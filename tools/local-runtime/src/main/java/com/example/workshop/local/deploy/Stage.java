package com.example.workshop.local.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A stage of the workshop: a module folder with a template.yaml, named by its number ({@code 4}), its folder
 * name ({@code module-4-streams}) or a path to it.
 */
public record Stage(String name, Path directory) {

    public Path template() {
        return directory.resolve("template.yaml");
    }

    /** Where the local run keeps its DynamoDB data between runs. */
    public Path databaseFile() {
        return directory.resolve("target/local/dynamodb.db");
    }

    /**
     * Where a local run records the processes it starts, so that the next run can end them if this one was killed
     * before it could (see {@link com.example.workshop.local.process.ChildProcesses#recordIn}).
     */
    public Path processRecords() {
        return directory.resolve("target/local/processes");
    }

    /** The stack name a deploy of this stage would use; it prefixes the physical names of its resources. */
    public String stackName() {
        return name;
    }

    public static Stage resolve(Path repositoryRoot, String nameOrNumber) {
        List<Path> modules = modules(repositoryRoot);
        Path direct = Path.of(nameOrNumber);
        Path chosen = modules.stream()
                .filter(module -> matches(module, nameOrNumber))
                .findFirst()
                .orElseGet(() -> Files.isRegularFile(direct.resolve("template.yaml")) ? direct : null);
        if (chosen == null) {
            throw new UnknownNameException("Unknown stage '" + nameOrNumber + "'. Stages: "
                    + modules.stream().map(module -> module.getFileName().toString()).toList()
                    + " (or their numbers 1.." + modules.size() + ")");
        }
        Path directory = chosen.toAbsolutePath().normalize();
        return new Stage(directory.getFileName().toString(), directory);
    }

    /** Every stage folder of the repository ({@code module-N-name} with a template.yaml), in order. */
    public static List<Stage> all(Path repositoryRoot) {
        return modules(repositoryRoot).stream()
                .map(module -> module.toAbsolutePath().normalize())
                .map(directory -> new Stage(directory.getFileName().toString(), directory))
                .toList();
    }

    private static boolean matches(Path module, String nameOrNumber) {
        String folder = module.getFileName().toString();
        return folder.equals(nameOrNumber) || folder.startsWith("module-" + nameOrNumber + "-");
    }

    private static List<Path> modules(Path repositoryRoot) {
        try (Stream<Path> children = Files.list(repositoryRoot)) {
            return children
                    .filter(child -> child.getFileName().toString().matches("module-\\d+-.+"))
                    .filter(child -> Files.isRegularFile(child.resolve("template.yaml")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
