package com.example.workshop;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code {tag}} of {@code /tags/{tag}} and {@code /counts/{tag}}, checked before it reaches the table.
 * API Gateway has already URL-decoded it.
 */
public record Tag(String value) {

    /** Enough for any page name; keeps keys small and links readable (DynamoDB itself allows 2048 bytes). */
    public static final int MAX_LENGTH = 64;

    /** The key of the item that holds the total of all visits, kept by the stream processor. No tag may take it. */
    public static final String COUNTER_KEY = "COUNTER";

    /**
     * API Gateway decodes {@code %XX} in a path parameter as UTF-8 and hands the function JSON text, which cannot
     * hold bytes that are not UTF-8: in their place it puts this character, so {@code %FF} arrives as U+FFFD.
     */
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';

    public static Tag fromPathParameters(Map<String, String> pathParameters) {
        String value = pathParameters == null ? null : pathParameters.get("tag");
        if (value == null || value.isBlank()) {
            throw new InvalidTagException("Missing tag: use a path like /tags/technology.");
        }
        if (value.indexOf(REPLACEMENT_CHARACTER) >= 0) {
            throw new InvalidTagException("Tag is not valid UTF-8: percent-encode its UTF-8 bytes, like %C3%A9 for é.");
        }
        if (hasControlCharacter(value)) {
            throw new InvalidTagException("Tag contains a control character such as %00: use visible characters.");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidTagException("Tag too long: at most " + MAX_LENGTH + " characters.");
        }
        if (value.equals(COUNTER_KEY)) {
            throw new InvalidTagException("The tag " + COUNTER_KEY + " is reserved: choose another one.");
        }
        return new Tag(value);
    }

    /** NUL, line breaks, escape and the like: invisible in a page, and never part of a page name. */
    private static boolean hasControlCharacter(String value) {
        return value.codePoints().anyMatch(Character::isISOControl);
    }

    /** The tag as HTML text: a tag is user input, and would otherwise be markup in the page. */
    public String html() {
        return Html.escape(value);
    }

    /** The tag as one URL path segment, so that "a/b" or "a b" links back to this same tag. */
    public String pathSegment() {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The request names no usable tag: answered with 400 before anything is read or written. */
    public static final class InvalidTagException extends RuntimeException {

        InvalidTagException(String message) {
            super(message);
        }
    }
}
