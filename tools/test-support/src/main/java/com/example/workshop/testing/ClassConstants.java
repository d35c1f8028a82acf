package com.example.workshop.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The string literals compiled code contains, read from the constant pools of class files. A handler reading
 * {@code getPathParameters().get("tag")} has the constant {@code "tag"}.
 */
final class ClassConstants {

    private ClassConstants() {}

    /** The string literals of every class file under {@code classesDirectory}. */
    static Set<String> stringLiterals(Path classesDirectory) {
        if (!Files.isDirectory(classesDirectory)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(classesDirectory)) {
            Set<String> literals = new HashSet<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    literals.addAll(stringLiterals(in));
                }
            }
            return literals;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> stringLiterals(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        in.readInt(); // magic
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        Map<Integer, String> utf8 = new HashMap<>();
        Set<Integer> stringIndexes = new HashSet<>();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8.put(index, in.readUTF());
                case 8 -> stringIndexes.add(in.readUnsignedShort());
                case 7, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    index++; // longs and doubles take two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> literals = new HashSet<>();
        stringIndexes.forEach(index -> literals.add(utf8.get(index)));
        return literals;
    }

    static List<String> missing(Set<String> literals, List<String> wanted) {
        return wanted.stream().filter(name -> !literals.contains(name)).toList();
    }
}
