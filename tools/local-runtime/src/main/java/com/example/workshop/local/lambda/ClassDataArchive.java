package com.example.workshop.local.lambda;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A function's class-data archive (dynamic AppCDS): what its JVM loaded, parsed and verified, mapped by the next JVM
 * instead of done again, which makes a local cold start faster. Lambda cannot do this for a laptop; the local runtime
 * can, because it starts every function JVM itself with the same JDK.
 *
 * <p>The first environment of a function without a usable archive trains one ({@code -XX:ArchiveClassesAtExit}): the
 * JVM writes it when it exits normally, so that environment is stopped with SIGTERM, not killed. Later environments
 * start with it ({@code -XX:SharedArchiveFile}). Its file name carries a key of the JDK, the JVM's memory setting, the
 * handler and every file of the classpath (names, sizes, times), so any change to them makes it stale: it is then
 * deleted and a new one trained. It lives beside the task root, in {@code target/local/class-data/}, never in what
 * is deployed. Either way the function behaves the same, only its start-up time differs.
 */
final class ClassDataArchive {

    /** Raise when the runtime's JVM flags change, so that archives made with the old flags are not used. */
    private static final String FORMAT = "1";
    private static final String SUFFIX = ".jsa";
    private static final String TRAINING_SUFFIX = ".jsa.training";
    /** The JVM logs a warning when an archive cannot be used: the archive is only an optimisation, so it stays quiet. */
    private static final String QUIET = "-Xlog:cds=off,cds+dynamic=off";
    /** The platform's word on the archive, not the function's: not in the function's log. */
    private static final Logger LOG = System.getLogger(ClassDataArchive.class.getName());

    /** How one environment is started: its extra JVM options and whether it is the one training the archive. */
    record Start(List<String> jvmOptions, boolean training) {
        static final Start PLAIN = new Start(List.of(), false);
    }

    private final FunctionConfig config;
    private final Path directory;
    private Path training;

    ClassDataArchive(FunctionConfig config) {
        this.config = config;
        this.directory = directoryFor(config.taskRoot());
    }

    /** {@code <stage>/target/lambda} keeps its archives in {@code <stage>/target/local/class-data}. */
    static Path directoryFor(Path taskRoot) {
        Path absolute = taskRoot.toAbsolutePath().normalize();
        return absolute.resolveSibling("local").resolve("class-data");
    }

    /** Decides how the next environment starts; at most one environment at a time trains. */
    synchronized Start nextStart() {
        try {
            String key = key();
            Path archive = directory.resolve(fileName(key) + SUFFIX);
            if (Files.isRegularFile(archive)) {
                return new Start(List.of("-XX:SharedArchiveFile=" + archive, QUIET), false);
            }
            if (training != null) {
                return Start.PLAIN;
            }
            if (deleteOthers()) {
                LOG.log(Level.INFO, "class-data archive for " + shortName() + " is stale (classpath changed): "
                        + "training a new one");
            }
            Files.createDirectories(directory);
            // another pool of the same function (a test, a second run) may be training too: each writes its own file
            training = directory.resolve(fileName(key) + "." + ProcessHandle.current().pid() + "-"
                    + System.identityHashCode(this) + TRAINING_SUFFIX);
            Files.deleteIfExists(training);
            return new Start(List.of("-XX:ArchiveClassesAtExit=" + training, QUIET), true);
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.WARNING, "class-data archive for " + shortName() + " cannot be used (" + e.getMessage()
                    + "): starting without one");
            return Start.PLAIN;
        }
    }

    /** Called once the training environment has exited: keeps what it wrote, if it exited normally. */
    synchronized void trainingEnded(boolean exitedNormally) {
        Path written = training;
        training = null;
        if (written == null) {
            return;
        }
        try {
            String name = written.getFileName().toString();
            Path archive = written.resolveSibling(name.substring(0, name.indexOf('.')) + SUFFIX);
            if (exitedNormally && Files.isRegularFile(written) && Files.size(written) > 0) {
                Files.move(written, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(written);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "class-data archive for " + shortName() + " could not be kept: " + e.getMessage());
        }
    }

    /** Archives of this function for another classpath; an archive still being trained by another run is left. */
    private boolean deleteOthers() throws IOException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        String prefix = config.name() + "-";
        boolean deleted = false;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(SUFFIX)
                        && name.substring(prefix.length()).matches("[0-9a-f]{16}\\.jsa")) {
                    deleted |= Files.deleteIfExists(file);
                }
            }
        }
        return deleted;
    }

    private String fileName(String key) {
        return config.name() + "-" + key;
    }

    /** {@code RecordVisitFunction} rather than the stack-prefixed function name. */
    private String shortName() {
        String name = config.name();
        return name.substring(name.lastIndexOf('-') + 1);
    }

    private String key() {
        MessageDigest digest = sha256();
        update(digest, FORMAT, System.getProperty("java.home"), System.getProperty("java.vm.version"),
                Integer.toString(config.memoryMb()), config.handler());
        for (String jar : RuntimeClasspath.classpath().split(File.pathSeparator)) {
            describe(digest, Path.of(jar), Path.of(jar));
        }
        Path taskRoot = config.taskRoot().toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(taskRoot)) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> describe(digest, taskRoot, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static void describe(MessageDigest digest, Path root, Path file) {
        try {
            update(digest, root.relativize(file).toString() + file.getFileName(), Long.toString(Files.size(file)),
                    Long.toString(Files.getLastModifiedTime(file).toMillis()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void update(MessageDigest digest, String... parts) {
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
