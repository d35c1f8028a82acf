package com.example.workshop.docs;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The anchors GitHub gives a document's headings: {@code ## Try it (locally)} becomes {@code #try-it-locally}. */
final class Headings {

    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern NOT_IN_SLUG = Pattern.compile("[^\\p{L}\\p{N}\\p{M} _-]");

    private Headings() {
    }

    static Set<String> anchors(Doc doc) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : doc.prose()) {
            var matcher = HEADING.matcher(line);
            if (matcher.matches()) {
                String slug = slug(matcher.group(1));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return anchors;
    }

    static String slug(String heading) {
        String text = LINK.matcher(heading).replaceAll("$1");
        text = NOT_IN_SLUG.matcher(text.toLowerCase()).replaceAll("");
        return text.trim().replace(' ', '-');
    }
}
