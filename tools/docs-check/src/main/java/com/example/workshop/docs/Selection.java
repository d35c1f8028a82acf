package com.example.workshop.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Picks the part of a source file that a snippet shows, by a selector after {@code #}:
 * a {@code tag::name[]} ... {@code end::name[]} region in any file, otherwise a member of a Java file
 * (method, constructor, field, nested type, with its Javadoc and annotations, de-indented),
 * a key path of a YAML file ({@code Resources.RecordVisitFunction}, kept at its indentation so it pastes
 * in place) or the first element of an XML file ({@code dependencies}).
 */
final class Selection {

    private Selection() {
    }

    static String select(String source, String fileName, String selector) {
        List<String> lines = source.lines().toList();
        if (source.contains("tag::" + selector + "[]")) {
            return join(taggedRegion(lines, selector));
        }
        if (fileName.endsWith(".java")) {
            return join(dedent(javaMember(lines, selector)));
        }
        if (fileName.endsWith(".yaml") || fileName.endsWith(".yml")) {
            return join(yamlKey(lines, selector));
        }
        if (fileName.endsWith(".xml")) {
            return join(xmlElement(lines, selector));
        }
        throw new IllegalArgumentException("no selector '" + selector + "' for " + fileName);
    }

    private static List<String> taggedRegion(List<String> lines, String tag) {
        List<String> region = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            if (line.contains("tag::" + tag + "[]")) {
                inside = true;
            } else if (line.contains("end::" + tag + "[]")) {
                return region;
            } else if (inside && !line.contains("tag::") && !line.contains("end::")) {
                region.add(line);
            }
        }
        throw new IllegalArgumentException("region '" + tag + "' has no end::" + tag + "[]");
    }

    private static List<String> javaMember(List<String> lines, String name) {
        Pattern declaration = Pattern.compile(
                "^(\\s*)(?:[\\w<>\\[\\],.?@]+\\s+)*(?:" + Pattern.quote(name) + "\\s*([(=;])"
                        + "|(?:class|interface|enum|record)\\s+" + Pattern.quote(name) + "\\b).*");
        for (int i = 0; i < lines.size(); i++) {
            var matcher = declaration.matcher(lines.get(i));
            if (matcher.matches() && !lines.get(i).trim().startsWith("return")) {
                String indent = matcher.group(1);
                boolean field = "=".equals(matcher.group(2)) || ";".equals(matcher.group(2));
                int end = field ? endOfField(lines, i) : endOfMember(lines, i, indent);
                return lines.subList(startWithDocumentation(lines, i, indent), end + 1);
            }
        }
        throw new IllegalArgumentException("no member named '" + name + "'");
    }

    /** The line ending the field's declaration: the first to end with ';' outside braces (an anonymous class's). */
    private static int endOfField(List<String> lines, int declaration) {
        int depth = 0;
        for (int i = declaration; i < lines.size(); i++) {
            String line = lines.get(i);
            depth += line.chars().filter(c -> c == '{').count() - line.chars().filter(c -> c == '}').count();
            if (depth == 0 && line.trim().endsWith(";")) {
                return i;
            }
        }
        throw new IllegalArgumentException("field at line " + (declaration + 1) + " never ends");
    }

    private static int startWithDocumentation(List<String> lines, int declaration, String indent) {
        int start = declaration;
        while (start > 0) {
            String above = lines.get(start - 1);
            boolean annotationOrJavadoc = above.startsWith(indent + "@") || above.startsWith(indent + "/**")
                    || above.startsWith(indent + " *");
            if (!annotationOrJavadoc) {
                break;
            }
            start--;
        }
        return start;
    }

    private static int endOfMember(List<String> lines, int declaration, String indent) {
        for (int i = declaration; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean endsAbstractMethod = i == declaration && line.trim().endsWith(";");
            if (endsAbstractMethod || line.equals(indent + "}") || line.startsWith(indent + "} ")) {
                return i;
            }
        }
        throw new IllegalArgumentException("member at line " + (declaration + 1) + " never closes");
    }

    private static List<String> yamlKey(List<String> lines, String keyPath) {
        int[] range = yamlKeyRange(lines, keyPath);
        return lines.subList(range[0], range[1]);
    }

    /** The lines {@code [start, end)} of a key path's block, without the blank lines after it. */
    static int[] yamlKeyRange(List<String> lines, String keyPath) {
        int searchFrom = 0;
        int searchTo = lines.size();
        int found = -1;
        for (String key : keyPath.split("\\.")) {
            found = findYamlKey(lines, searchFrom, searchTo, key);
            searchFrom = found + 1;
            searchTo = endOfYamlBlock(lines, found, leadingSpaces(lines.get(found)).length());
        }
        int end = searchTo;
        while (end > found + 1 && lines.get(end - 1).isBlank()) {
            end--;
        }
        return new int[]{found, end};
    }

    /** The keys directly under a key path ({@code ""} for the top level), in file order. */
    static List<String> yamlChildKeys(List<String> lines, String parentPath) {
        int from = 0;
        int to = lines.size();
        if (!parentPath.isEmpty()) {
            int[] parent = yamlKeyRange(lines, parentPath);
            from = parent[0] + 1;
            to = parent[1];
        }
        return topLines(lines, from, to).stream()
                .map(i -> lines.get(i).trim())
                .filter(line -> line.matches("[A-Za-z0-9_]+:.*"))
                .map(line -> line.substring(0, line.indexOf(':')))
                .toList();
    }

    /** The line of {@code key} among the least indented keys between two lines. */
    private static int findYamlKey(List<String> lines, int from, int to, String key) {
        return topLines(lines, from, to).stream()
                .filter(i -> lines.get(i).trim().startsWith(key + ":"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no YAML key '" + key + "'"));
    }

    /** The lines between two lines indented as the first of them that is not blank or a comment. */
    private static List<Integer> topLines(List<String> lines, int from, int to) {
        List<Integer> keys = new ArrayList<>();
        int childIndent = -1;
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            int indent = leadingSpaces(line).length();
            childIndent = childIndent < 0 ? indent : childIndent;
            if (indent == childIndent) {
                keys.add(i);
            }
        }
        return keys;
    }

    private static int endOfYamlBlock(List<String> lines, int keyLine, int indent) {
        for (int i = keyLine + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && leadingSpaces(line).length() <= indent) {
                return i;
            }
        }
        return lines.size();
    }

    /** The outermost element of that name, so {@code dependencies} is the project's, not dependencyManagement's. */
    private static List<String> xmlElement(List<String> lines, String element) {
        int[] range = xmlElementRange(lines, element);
        return dedent(lines.subList(range[0], range[1]));
    }

    /** The lines {@code [start, end)} of the outermost element of that name. */
    static int[] xmlElementRange(List<String> lines, String element) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            String trimmed = lines.get(i).trim();
            boolean opens = trimmed.startsWith("<" + element + ">") || trimmed.startsWith("<" + element + " ");
            if (opens && (start < 0 || leadingSpaces(lines.get(i)).length() < leadingSpaces(lines.get(start)).length())) {
                start = i;
            }
        }
        if (start < 0) {
            throw new IllegalArgumentException("no XML element <" + element + ">");
        }
        String closing = leadingSpaces(lines.get(start)) + "</" + element + ">";
        for (int end = start; end < lines.size(); end++) {
            if (lines.get(end).startsWith(closing) || end == start && lines.get(end).contains("</" + element + ">")) {
                return new int[]{start, end + 1};
            }
        }
        throw new IllegalArgumentException("<" + element + "> never closes");
    }

    private static List<String> dedent(List<String> lines) {
        int indent = leadingSpaces(lines.getFirst()).length();
        return lines.stream().map(line -> line.length() >= indent && line.substring(0, indent).isBlank()
                ? line.substring(indent) : line.stripLeading()).toList();
    }

    static String leadingSpaces(String line) {
        return line.substring(0, line.length() - line.stripLeading().length());
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
