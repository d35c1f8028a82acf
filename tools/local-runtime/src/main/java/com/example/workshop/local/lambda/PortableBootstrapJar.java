package com.example.workshop.local.lambda;

import com.example.workshop.local.lambda.bootstrap.PortableBootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The portable bootstrap's classes alone, in a jar of their own for the function JVMs' classpath. The local
 * runtime's own jar cannot serve: its manifest's Class-Path would put the runtime's Jackson, SDK and YAML parser
 * ahead of the function's own libraries, which Lambda never does.
 */
final class PortableBootstrapJar {

    private static final String PACKAGE_FOLDER = PortableBootstrap.class.getPackageName().replace('.', '/') + "/";

    private static Path jar;

    private PortableBootstrapJar() {
    }

    /** Written once per JVM, from wherever the classes were loaded (target/classes or local-runtime.jar). */
    static synchronized Path path() {
        if (jar == null) {
            jar = write(RuntimeClasspath.jarOf(PortableBootstrap.class.getName()));
        }
        return jar;
    }

    private static Path write(Path source) {
        try {
            Path file = Files.createTempFile("workshop-lambda-bootstrap-", ".jar");
            file.toFile().deleteOnExit();
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
                if (Files.isDirectory(source)) {
                    copyFromFolder(source, out);
                } else {
                    copyFromJar(source, out);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the portable bootstrap's jar from " + source, e);
        }
    }

    private static void copyFromFolder(Path classes, JarOutputStream out) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes.resolve(PACKAGE_FOLDER))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace('\\', '/');
            add(out, name, Files.readAllBytes(file));
        }
    }

    private static void copyFromJar(Path source, JarOutputStream out) throws IOException {
        try (JarFile jarFile = new JarFile(source.toFile())) {
            for (JarEntry entry : jarFile.stream().filter(e -> e.getName().startsWith(PACKAGE_FOLDER) && !e.isDirectory()).toList()) {
                try (var content = jarFile.getInputStream(entry)) {
                    add(out, entry.getName(), content.readAllBytes());
                }
            }
        }
    }

    private static void add(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content);
        out.closeEntry();
    }
}
