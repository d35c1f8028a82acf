package com.example.workshop.docs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks that every relative link of a guide reaches a file, and every {@code #anchor} a heading. */
final class Links {

    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?.*$");
    private static final Pattern HTML_LINK = Pattern.compile("(?:href|src)=\"([^\"]+)\"");
    private static final Pattern EXTERNAL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    private final Path root;

    Links(Path root) {
        this.root = root;
    }

    List<Problem> check(Doc doc) {
        List<Problem> problems = new ArrayList<>();
        List<String> prose = doc.prose();
        for (int i = 0; i < prose.size(); i++) {
            for (String target : targets(prose.get(i))) {
                String problem = resolve(doc, target);
                if (problem != null) {
                    problems.add(doc.problem(i + 1, problem));
                }
            }
        }
        return problems;
    }

    private static List<String> targets(String line) {
        String text = INLINE_CODE.matcher(line).replaceAll("");
        List<String> targets = new ArrayList<>();
        INLINE_LINK.matcher(text).results().forEach(m -> targets.add(m.group(1)));
        HTML_LINK.matcher(text).results().forEach(m -> targets.add(m.group(1)));
        var definition = REFERENCE_DEFINITION.matcher(text);
        if (definition.matches()) {
            targets.add(definition.group(1));
        }
        return targets.stream().filter(target -> !EXTERNAL.matcher(target).matches()).toList();
    }

    /** Null when the link resolves, else what is wrong with it. */
    private String resolve(Doc doc, String target) {
        int hash = target.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path file = path.isEmpty() ? doc.file() : doc.file().getParent().resolve(path).normalize();
        if (!file.startsWith(root)) {
            return "link " + target + " leaves the repository";
        }
        if (!Files.exists(file)) {
            return "link " + target + " points to a missing file";
        }
        if (anchor != null && file.toString().endsWith(".md")) {
            var anchors = Headings.anchors(Doc.read(root, file));
            if (!anchors.contains(anchor)) {
                return "link " + target + " points to a missing heading; anchors there: " + anchors;
            }
        }
        return null;
    }
}
