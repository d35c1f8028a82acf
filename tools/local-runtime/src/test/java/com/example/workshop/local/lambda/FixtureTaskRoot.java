package com.example.workshop.local.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.joda.time.DateTime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A deployment package of the test fixtures laid out as {@code sam build} makes one: the fixture classes at the
 * root, their dependencies (Jackson, aws-lambda-java-events and its Joda-Time) as jars in lib/.
 */
public final class FixtureTaskRoot {

    private static final Path ROOT = Path.of("target/fixture-task-root");
    private static final String FIXTURES = "com/example/workshop/local/lambda/fixtures";

    private FixtureTaskRoot() {
    }

    public static synchronized Path path() {
        try {
            Path fixtures = ROOT.resolve(FIXTURES);
            Files.createDirectories(fixtures);
            Files.createDirectories(ROOT.resolve("lib"));
            try (Stream<Path> classes = Files.list(Path.of("target/test-classes", FIXTURES))) {
                for (Path classFile : classes.toList()) {
                    Files.copy(classFile, fixtures.resolve(classFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (Class<?> type : new Class<?>[]{ObjectMapper.class, JsonFactory.class, JsonProperty.class, DynamodbEvent.class,
                    DateTime.class}) {
                Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
                Files.copy(jar, ROOT.resolve("lib").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            return ROOT;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
