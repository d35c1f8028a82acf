package com.example.workshop.docs;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Renders what a marked block must contain, from the repository's files as they are now. */
final class Excerpts {

    private static final int DIFF_CONTEXT_LINES = 3;

    private final Path root;

    Excerpts(Path root) {
        this.root = root;
    }

    /** The text the block marked so must hold; throws IllegalArgumentException when the marker is wrong. */
    String render(Marker marker) {
        return switch (marker.kind()) {
            case SNIPPET -> snippet(single(marker));
            case DIFF -> diff(marker);
        };
    }

    private String snippet(String reference) {
        int hash = reference.indexOf('#');
        String path = hash < 0 ? reference : reference.substring(0, hash);
        String source = read(path);
        return hash < 0 ? source : Selection.select(source, path, reference.substring(hash + 1));
    }

    private String diff(Marker marker) {
        if (marker.arguments().size() != 2) {
            throw new IllegalArgumentException("diff takes two paths: the file in the earlier stage and in the later one");
        }
        String oldPath = marker.arguments().get(0);
        String newPath = marker.arguments().get(1);
        List<String> oldLines = read(oldPath).lines().toList();
        List<String> newLines = read(newPath).lines().toList();
        var patch = DiffUtils.diff(oldLines, newLines);
        if (patch.getDeltas().isEmpty()) {
            throw new IllegalArgumentException(oldPath + " and " + newPath + " are identical: drop the diff");
        }
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(oldPath, newPath, oldLines, patch, DIFF_CONTEXT_LINES);
        return String.join("\n", unified) + "\n";
    }

    private String read(String path) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no file " + path);
        }
        try {
            String text = Files.readString(file);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String single(Marker marker) {
        if (marker.arguments().size() != 1) {
            throw new IllegalArgumentException("snippet takes one path[#selector]");
        }
        return marker.arguments().getFirst();
    }
}
