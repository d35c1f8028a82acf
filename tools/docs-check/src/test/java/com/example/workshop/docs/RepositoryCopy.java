package com.example.workshop.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** This repository's sources, docs and scripts (not what builds write) copied to a folder, to change one way at a time. */
final class RepositoryCopy {

    private RepositoryCopy() {
    }

    static void copyTo(Path copy) throws IOException {
        Path root = DocsTest.REPO_ROOT;
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> sources = files
                    .filter(f -> Files.isRegularFile(f) || Files.isSymbolicLink(f))
                    .filter(f -> isSourceOrDoc(root.relativize(f)))
                    .toList();
            for (Path file : sources) {
                Path target = copy.resolve(root.relativize(file));
                Files.createDirectories(target.getParent());
                Files.copy(file, target, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    static void replaceIn(Path copy, String path, String from, String to) throws IOException {
        Path file = copy.resolve(path);
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new AssertionError(path + " no longer contains " + from);
        }
        Files.writeString(file, text.replace(from, to));
    }

    private static boolean isSourceOrDoc(Path relative) {
        String first = relative.getName(0).toString();
        boolean tooling = first.startsWith(".") || relative.toString().contains("node_modules");
        boolean built = relative.toString().contains("/target/") || relative.toString().contains(".aws-sam");
        boolean learners = first.equals(LearnerFolder.NAME);
        return !tooling && !built && !learners || first.equals(".ci");
    }
}
