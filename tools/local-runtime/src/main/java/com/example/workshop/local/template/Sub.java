package com.example.workshop.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code !Sub "text with ${Name}"}, optionally with its own variables ({@code !Sub [text, {Name: value}]}).
 * A {@code ${Name}} not in the variables is a {@code Ref}, {@code ${Resource.Attribute}} a {@code GetAtt};
 * {@code ${!Literal}} stays as the text {@code ${Literal}}.
 */
public record Sub(String text, Map<String, Object> variables) implements Intrinsic {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    public Sub {
        variables = Map.copyOf(variables);
    }

    /** The names between {@code ${ }} that must be resolved, in order; literals excluded. */
    public List<String> placeholders() {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!matcher.group(1).startsWith("!")) {
                names.add(matcher.group(1).trim());
            }
        }
        return names;
    }

    /** The text with each placeholder replaced by what {@code valueOf} gives for its name. */
    public String substitute(java.util.function.Function<String, String> valueOf) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = name.startsWith("!") ? "${" + name.substring(1) + "}" : valueOf.apply(name.trim());
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    @Override
    public String shortForm() {
        return "!Sub '" + text + "'";
    }
}
