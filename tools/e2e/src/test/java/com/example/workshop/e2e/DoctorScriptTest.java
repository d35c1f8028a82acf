package com.example.workshop.e2e;

import com.example.workshop.local.files.FileTrees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * tools/scripts/doctor (`./workshop doctor`) on this machine, with a PATH that lacks or holds what it checks: real
 * JDKs, Maven and AWS CLI, no AWS account. What needs an account (credentials that work) is not tested here.
 */
class DoctorScriptTest {

    private static final Path DOCTOR = RunningStage.REPOSITORY.resolve("tools/scripts/doctor");
    private static final Path JDK = Path.of(System.getProperty("java.home"));
    private static final int JDK_FEATURE = Runtime.version().feature();

    /** The PATH's links live out of @TempDir, whose clean-up warns about every link it meets. */
    private Path links;

    @BeforeEach
    void createLinkFolder() throws IOException {
        links = Files.createTempDirectory("doctor-path");
    }

    @AfterEach
    void deleteLinkFolder() throws IOException {
        try (Stream<Path> files = Files.walk(links)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);  // a link itself, never what it points to
            }
        }
    }

    @Test
    void withoutTheSamAndAwsClisItSaysWhatToInstallAndFails(@TempDir Path folder) {
        Run run = doctor(folder, path(List.of(JDK.resolve("bin")), "mvn"), "--skip-builds");

        assertEquals(1, run.exitCode(), run.output());
        run.assertLine("ok    java         Java " + JDK_FEATURE + ", " + JDK.resolve("bin/java"));
        run.assertLine("ok    maven        Maven ");
        run.assertLine("FAIL  SAM CLI      no sam on PATH: install the AWS SAM CLI 1.103.0+ (https://");
        run.assertLine("FAIL  AWS CLI      no aws on PATH: install the AWS CLI (https://");
        run.assertLine("skip  credentials  needs the AWS CLI");
        run.assertLine("skip  region       not in the environment, and reading the profile's needs the AWS CLI");
        run.assertLine("skip  builds       --skip-builds");
        assertEquals("doctor: 2 to fix (the FAIL lines above)", run.lines().getLast());
    }

    @Test
    void aJavaOlderThan21FirstOnThePathFailsEvenWithAGoodJavaHome(@TempDir Path folder) {
        Path oldJdk = olderJdk();

        Run run = doctor(folder, path(List.of(oldJdk.resolve("bin")), "mvn"), "--skip-builds");

        assertEquals(1, run.exitCode(), run.output());
        run.assertLine("FAIL  java         " + oldJdk.resolve("bin/java") + " is Java ");
        assertTrue(run.output().contains("sam build needs Java 21+ first on PATH"), run.output());
        run.assertLine("ok    maven        Maven ");  // it runs on JAVA_HOME, the JDK of this test
    }

    @Test
    void withTheAwsCliButNoCredentialsNorRegionItSaysHowToSignIn(@TempDir Path folder) {
        Run run = doctor(folder, path(List.of(JDK.resolve("bin")), "mvn", "aws"), "--skip-builds");

        assertEquals(1, run.exitCode(), run.output());
        run.assertLine("ok    AWS CLI      aws-cli/");
        run.assertLine("FAIL  credentials  none usable (");
        assertTrue(run.output().contains("sign in with aws configure or aws sso login"), run.output());
        run.assertLine("FAIL  region       none set: aws configure set region us-east-1 (or export AWS_REGION)");
    }

    @Test
    void eachStageIsBuiltAloneAndOneThatDoesNotCompileIsNamed(@TempDir Path folder) throws IOException {
        Path broken = folder.resolve("module-broken");
        FileTrees.copy(RunningStage.REPOSITORY.resolve("module-1-hello"), broken, FileTrees.WITHOUT_BUILD);
        Path handler = broken.resolve("src/main/java/com/example/workshop/MainHandler.java");
        Files.writeString(handler, Files.readString(handler).replace("body.put(", "body.put(;"));

        Run run = doctor(folder, path(List.of(JDK.resolve("bin")), "mvn"),
                RunningStage.REPOSITORY.resolve("module-1-hello").toString(), broken.toString());

        run.assertLine("ok    build        module-1-hello (");
        run.assertLine("FAIL  build        module-broken does not build: ");
        assertTrue(run.output().contains("MainHandler.java"), run.output());
        assertTrue(Files.notExists(broken.resolve("target")), "the stage is built in a copy, as sam build does");
    }

    /** A PATH of {@code first}, a folder holding {@code tools} from this PATH, and /usr/bin and /bin without sam or aws. */
    private String path(List<Path> first, String... tools) {
        List<String> path = new ArrayList<>(first.stream().map(Path::toString).toList());
        Path bin = links.resolve("bin");
        for (String tool : tools) {
            Path found = onPath(tool).orElseThrow(() -> new AssertionError("this test needs " + tool + " on PATH"));
            link(bin.resolve(tool), found);
        }
        path.add(bin.toString());
        for (String system : List.of("/usr/bin", "/bin")) {
            path.add(without(links.resolve("mirror" + system.replace('/', '-')), Path.of(system), Set.of("sam", "aws")));
        }
        return String.join(File.pathSeparator, path);
    }

    /** {@code directory} itself, or, when it holds one of {@code hidden}, a folder of links to all its other files. */
    private static String without(Path mirror, Path directory, Set<String> hidden) {
        if (hidden.stream().noneMatch(name -> Files.exists(directory.resolve(name)))) {
            return directory.toString();
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> !hidden.contains(file.getFileName().toString()))
                    .forEach(file -> link(mirror.resolve(file.getFileName()), file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mirror.toString();
    }

    private static Optional<Path> onPath(String tool) {
        return Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                .map(directory -> Path.of(directory, tool))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static Path olderJdk() {
        try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/javac")))
                    .filter(home -> feature(home) > 0 && feature(home) < 21)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("this test needs a JDK older than 21 under /usr/lib/jvm"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int feature(Path home) {
        try {
            String release = Files.readString(home.resolve("release"));
            var version = java.util.regex.Pattern.compile("JAVA_VERSION=\"(?:1\\.)?(\\d+)").matcher(release);
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static Run doctor(Path folder, String path, String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", DOCTOR.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(folder.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.put("PATH", path);
        environment.put("JAVA_HOME", JDK.toString());
        environment.put("HOME", folder.toString());
        // No profile, no credentials, and no instance metadata lookup: nothing leaves this machine.
        environment.put("AWS_CONFIG_FILE", folder.resolve("no-aws-config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", folder.resolve("no-aws-credentials").toString());
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        // Maven's own repository, so the builds find the stages' dependencies offline as before.
        environment.put("MAVEN_OPTS", "-Dmaven.repo.local=" + Path.of(System.getProperty("user.home"), ".m2", "repository"));
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(240, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("doctor did not finish: " + output);
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void link(Path link, Path target) {
        try {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Run(int exitCode, String output) {
        List<String> lines() {
            return output.lines().toList();
        }

        void assertLine(String start) {
            assertTrue(lines().stream().anyMatch(line -> line.startsWith(start)), "no line starting with '" + start + "' in:\n" + output);
        }
    }
}
