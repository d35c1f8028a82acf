package com.example.workshop.docs;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.PatchFailedException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a learner does to a file with a marked block, done to its text: replace or add a YAML key, replace an XML
 * element, apply a diff. Each throws IllegalArgumentException, with what went wrong, when the step does not fit
 * the file.
 */
final class LearnerEdits {

    private LearnerEdits() {
    }

    /**
     * Replaces the key's block with {@code block}; a key the file lacks is added after the key that precedes it in
     * {@code reference} (the finished stage's file), as the guide says where to add it.
     */
    static String replaceOrAddYamlKey(String text, String keyPath, String block, String reference) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        List<String> blockLines = block.lines().toList();
        if (hasYamlKey(lines, keyPath)) {
            int[] range = Selection.yamlKeyRange(lines, keyPath);
            replace(lines, range, blockLines);
            return join(lines);
        }
        int dot = keyPath.lastIndexOf('.');
        String parent = dot < 0 ? "" : keyPath.substring(0, dot);
        String key = keyPath.substring(dot + 1);
        List<String> siblings = Selection.yamlChildKeys(reference.lines().toList(), parent);
        int at = siblings.indexOf(key);
        if (at < 0) {
            throw new IllegalArgumentException("the finished stage has no YAML key " + keyPath);
        }
        String previous = previousPresent(lines, parent, siblings.subList(0, at));
        if (previous == null) {
            throw new IllegalArgumentException("no key before " + keyPath + " to add it after");
        }
        int end = Selection.yamlKeyRange(lines, prefixed(parent, previous))[1];
        List<String> added = new ArrayList<>();
        added.add("");
        added.addAll(blockLines);
        lines.addAll(end, added);
        return join(lines);
    }

    /** Replaces the outermost element of that name with {@code block}, indented as the element was. */
    static String replaceXmlElement(String text, String element, String block) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int[] range = Selection.xmlElementRange(lines, element);
        String indent = Selection.leadingSpaces(lines.get(range[0]));
        replace(lines, range, block.lines().map(line -> line.isEmpty() ? line : indent + line).toList());
        return join(lines);
    }

    /** Applies a unified diff whose context must match the text, as {@code patch} would. */
    static String applyDiff(String text, String diff) {
        var patch = UnifiedDiffUtils.parseUnifiedDiff(diff.lines().toList());
        try {
            return join(DiffUtils.patch(text.lines().toList(), patch));
        } catch (PatchFailedException e) {
            throw new IllegalArgumentException("the change does not apply: the file's lines around it differ from"
                    + " the diff's context (" + e.getMessage() + ")");
        }
    }

    private static boolean hasYamlKey(List<String> lines, String keyPath) {
        try {
            Selection.yamlKeyRange(lines, keyPath);
            return true;
        } catch (IllegalArgumentException missing) {
            return false;
        }
    }

    /** The last of {@code candidates} that the file has under {@code parent}. */
    private static String previousPresent(List<String> lines, String parent, List<String> candidates) {
        List<String> present = Selection.yamlChildKeys(lines, parent);
        for (int i = candidates.size() - 1; i >= 0; i--) {
            if (present.contains(candidates.get(i))) {
                return candidates.get(i);
            }
        }
        return null;
    }

    private static String prefixed(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    private static void replace(List<String> lines, int[] range, List<String> replacement) {
        lines.subList(range[0], range[1]).clear();
        lines.addAll(range[0], replacement);
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
